import { describe, expect, test } from 'vitest';
import type { AgendaItem } from '../../review/pack/agenda.js';
import { readReviewNotes } from '../../review/pack/notes.js';

/**
 * The review pack's warnings about the notes file go to stderr. They quoted
 * the notes' headings, the file name and the agenda titles raw, so an ESC or
 * BEL in a heading drove the terminal and a no-break space read as a space.
 * They are now escaped as names in messages are (`\u{1b}`, `\u{a0}`).
 */

const items = (...titles: string[]): AgendaItem[] => titles.map((title) => ({ title, text: '', blocks: [] }));
/** Any control character, line separator or invisible blank. */
const RAW = /[\u0000-\u001f\u007f-\u009f\u00a0\u200b\u2028\u2029]/;

describe('warnings about review notes quote their text escaped', () => {
  test.each([
    {
      name: 'a heading with ESC ]0; BEL matching no item',
      markdown: '# Customer feedback\n\nfine\n\n# Feed\u001b]0;pwned\u0007back\n\ntext\n',
      titles: ['Customer feedback'],
      shown: 'notes.md',
      warning: 'notes.md:5: warning: the heading "Feed\\u{1b}]0;pwned\\u{7}back" matches no agenda item (Customer feedback); its notes are printed under "Other notes".',
    },
    {
      name: 'a heading and an item title with a no-break space, a file name with a C1 CSI',
      markdown: '## Action items\n\nx\n\n## Action\u00a0item\n',
      titles: ['Action items', 'Next\u00a0steps'],
      shown: 'n\u009b2J.md',
      warning: 'n\\u{9b}2J.md:5: warning: the heading "Action\\u{a0}item" matches no agenda item (Action items, Next\\u{a0}steps); its notes are printed under "Other notes".',
    },
    {
      name: 'a second heading for an item whose title has a zero-width space',
      markdown: '# Act\u200bion\n\nx\n\n# act\u200bion\n',
      titles: ['Act\u200bion'],
      shown: 'n.md',
      warning: 'n.md:5: warning: a second heading for the agenda item "Act\\u{200b}ion" (the first is on line 1); both are printed.',
    },
  ])('$name', ({ markdown, titles, shown, warning }) => {
    const notes = readReviewNotes(markdown, shown, items(...titles));
    expect(notes.warnings).toEqual([warning]);
    expect(notes.warnings.join('\n')).not.toMatch(RAW);
  });
});
