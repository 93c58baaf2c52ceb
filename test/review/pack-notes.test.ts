import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AgreementModel } from '../../language/model/model.js';
import { agendaKey, DEFAULT_AGENDA, packAgenda, type AgendaItem } from '../../review/pack/agenda.js';
import { readReviewNotes } from '../../review/pack/notes.js';
import { repoRoot } from '../cli/built-cli.js';
import { loadModel } from '../compiler/helpers.js';

const items = (...titles: string[]): AgendaItem[] => titles.map((title) => ({ title, text: '', blocks: [] }));
const AGENDA = items('Performance metrics', 'Customer feedback', 'Action items');

/** The Lets Flo model with another review agenda. */
function withAgenda(agenda: { title: string; text: string }[]): AgreementModel {
  const model = loadModel(join(repoRoot, 'examples', 'letsflo.sla'));
  return { ...model, review: { ...model.review!, agenda } };
}

describe('the agenda of a pack', () => {
  test('Lets Flo: figures go to performance metrics and incident analysis, the rest is for notes', () => {
    const agenda = packAgenda(loadModel(join(repoRoot, 'examples', 'letsflo.sla')));
    expect(agenda.defaulted).toBe(false);
    expect(agenda.items.map((item) => [item.title, item.blocks])).toEqual([
      ['Performance metrics', ['performance', 'uptime', 'credits']],
      ['Incident analysis', ['incidents', 'escalations']],
      ['Customer feedback', []],
      ['Improvement opportunities', []],
      ['Future plans', []],
      ['Action items', []],
    ]);
    expect(agenda.unplaced).toEqual([]);
  });

  test.each([
    ['an item named for a block takes it from its fallback', ['Service levels', 'Availability and credits', 'Escalations and incidents'], [['performance'], ['uptime', 'credits'], ['incidents', 'escalations']], []],
    ['blocks no item names, and whose fallback is missing, are left for "Other figures"', ['Customer feedback', 'Uptime'], [[], ['uptime']], ['performance', 'credits', 'incidents', 'escalations']],
  ])('%s', (_, titles, blocks, unplaced) => {
    const agenda = packAgenda(withAgenda(titles.map((title) => ({ title, text: '' }))));
    expect(agenda.items.map((item) => item.blocks)).toEqual(blocks);
    expect(agenda.unplaced).toEqual(unplaced);
  });

  test('an agreement without an agenda gets the six items of the review policy', () => {
    const agenda = packAgenda(withAgenda([]));
    expect(agenda.defaulted).toBe(true);
    expect(agenda.items.map((item) => item.title)).toEqual(DEFAULT_AGENDA.map((item) => item.title));
    expect(agenda.items[0]!.blocks).toEqual(['performance', 'uptime', 'credits']);
  });

  test.each([
    ['Performance Metrics', 'performance metrics'],
    ['4.3 Customer  feedback', 'customer feedback'],
    ['2. Action items ', 'action items'],
  ])('matches the heading %j as %j', (heading, key) => {
    expect(agendaKey(heading)).toBe(key);
  });
});

describe('review notes', () => {
  test('go under the agenda item of their heading, in any case and with a section number', () => {
    const notes = readReviewNotes('## PERFORMANCE METRICS\n\nGood quarter.\n\n## 4.3 Customer feedback\n\n- Praise\n', 'notes.md', AGENDA);
    expect(notes.warnings).toEqual([]);
    expect(notes.byItem.get(0)).toBe('<p>Good quarter.</p>');
    expect(notes.byItem.get(1)).toBe('<ul>\n<li>Praise</li>\n</ul>');
    expect(notes.byItem.has(2)).toBe(false);
  });

  test('text before the first item heading is the summary; a shallower heading there is the title', () => {
    const notes = readReviewNotes('# Q1 review\n\nKey findings.\n\n## Action items\n\nDo it.\n', 'notes.md', AGENDA);
    expect(notes.summary).toBe('<p>Key findings.</p>');
    expect(notes.byItem.get(2)).toBe('<p>Do it.</p>');
    expect(notes.warnings).toEqual([]);
  });

  test('deeper headings stay in the notes, set under the item heading (h2)', () => {
    const notes = readReviewNotes('# Action items\n\n## Lets Flo\n\nA.\n\n### Later\n', 'notes.md', AGENDA);
    expect(notes.byItem.get(2)).toBe('<h3>Lets Flo</h3>\n<p>A.</p>\n<h4>Later</h4>');
  });

  test('a heading that matches no item is a warning naming file and line, and its notes are kept', () => {
    const notes = readReviewNotes('## Performance metrics\n\nFine.\n\n## Customer feedbak\n\nTypo.\n', 'review-notes.md', AGENDA);
    expect(notes.warnings).toEqual([
      'review-notes.md:5: warning: the heading "Customer feedbak" matches no agenda item (Performance metrics, Customer feedback, Action items); its notes are printed under "Other notes".',
    ]);
    expect(notes.other).toEqual([{ heading: 'Customer feedbak', html: '<p>Typo.</p>' }]);
  });

  test('a second heading for the same item is a warning; both notes are printed', () => {
    const notes = readReviewNotes('## Action items\n\nOne.\n\n## action items\n\nTwo.\n', 'n.md', AGENDA);
    expect(notes.warnings).toEqual(['n.md:5: warning: a second heading for the agenda item "Action items" (the first is on line 1); both are printed.']);
    expect(notes.byItem.get(2)).toBe('<p>One.</p><p>Two.</p>');
  });

  test('raw HTML shows as text and images load nothing', () => {
    const notes = readReviewNotes('## Action items\n\n<script>alert(1)</script>\n\n![chart](http://example.com/x.png)\n', 'n.md', AGENDA);
    const html = notes.byItem.get(2)!;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  test('a file without headings is all summary', () => {
    const notes = readReviewNotes('Just a paragraph.\n', 'n.md', AGENDA);
    expect(notes.summary).toBe('<p>Just a paragraph.</p>');
    expect(notes.byItem.size).toBe(0);
    expect(notes.warnings).toEqual([]);
  });
});
