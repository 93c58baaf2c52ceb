// Places where completion used to offer code that does not fit: after a
// complete duration whose unit is `hours` (taken for the `hours`
// statement, so calendars were offered), after an objective's bare number
// (units, giving `objective 95 hours`), and inside comments. Each row is a
// buffer with the cursor at `|`, asked through the language service as a
// typed space (or an explicit request) would ask.
import type { CompletionItem } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { positionAt } from './harness/cursor.js';

const base = 'calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 }\nseverity P1 { description "x" default }\n';

/** The labels offered at the `|` of `marked` (the bar is not part of the text). */
function labelsAt(marked: string, trigger?: string): string[] {
  const bar = marked.indexOf('|');
  const text = marked.slice(0, bar) + marked.slice(bar + 1);
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/quiet.sla', text);
  const document = serviceDocument(workspace, '/virtual/quiet.sla', uriOfFile)!;
  return completion(document, positionAt(text, bar), trigger).map((item: CompletionItem) => String(item.label));
}

const metric = (statement: string): string => `${base}metric M {\n  measures resolution\n  clock Office\n  ${statement}\n}\n`;

/** After a complete duration: what follows `target P1 15 minutes `, never the calendars. */
const afterDurations: { name: string; marked: string; trigger?: string; expected: string[] }[] = [
  { name: 'target 4 hours, a space typed', marked: metric('target 4 hours |'), trigger: ' ', expected: [] },
  { name: 'target P1 4 hours, a space typed', marked: metric('target P1 4 hours |'), trigger: ' ', expected: [] },
  { name: 'target P1 15 minutes, a space typed (the model)', marked: metric('target P1 15 minutes |'), trigger: ' ', expected: [] },
  { name: 'level after 2 hours, a space typed', marked: `${base}escalation {\n  level 1 "x" after 2 hours |\n}\n`, trigger: ' ', expected: [] },
  { name: 'notice 48 hours, a space typed', marked: `${base}maintenance {\n  window Office\n  notice 48 hours |\n}\n`, trigger: ' ', expected: [] },
  { name: 'objective 95, a space typed (a percentage is written 95%)', marked: metric('objective 95 |'), trigger: ' ', expected: [] },
  { name: 'objective 95, asked for', marked: metric('objective 95 |'), expected: [] },
];

/** Inside a comment, whatever the words before the cursor: nothing. */
const insideComments: { name: string; marked: string; trigger?: string }[] = [
  { name: 'a line comment after `clock `', marked: `${base}// the clock |\n`, trigger: ' ' },
  { name: 'a line comment after `hours Mon-`', marked: `${base}calendar C {\n  // open hours Mon-|\n}\n` },
  { name: 'a line comment at the end of a statement', marked: metric('clock Office // then target |'), trigger: ' ' },
  { name: 'a line comment at the end of the file, no line end', marked: `${base}// the clock |`, trigger: ' ' },
  { name: 'an unterminated block comment at the end of the file', marked: `${base}/* target |`, trigger: ' ' },
  { name: 'the second line of a closed block comment', marked: `${base}/* first\n   clock |\n*/\n`, trigger: ' ' },
  { name: 'an unterminated block comment, asked for', marked: `${base}metric M {\n  /* target |` },
];

/**
 * Right after part of a value, asked for (Ctrl+Space) with no space typed:
 * the block's statements were offered, and accepting one glued it to the
 * value (`hours Fri 09:hours`, `effective 2026-contact`, `target P1 1.target`).
 */
const midValue: { name: string; marked: string }[] = [
  { name: 'a time begun, `hours Fri 09:`', marked: `${base}calendar C {\n  timezone "UTC"\n  hours Fri 09:|\n}\n` },
  { name: 'a time range begun, `hours Fri 09:00-1`', marked: `${base}calendar C {\n  timezone "UTC"\n  hours Fri 09:00-1|\n}\n` },
  { name: 'a short day begun, `annually 12-24 hours 08:`', marked: `${base}calendar C {\n  timezone "UTC"\n  holidays {\n    annually 12-24 hours 08:|\n  }\n}\n` },
  { name: 'a holiday date begun, `2026-12-2`', marked: `${base}calendar C {\n  timezone "UTC"\n  holidays {\n    2026-12-2|\n  }\n}\n` },
  { name: 'a date begun, `effective 2026-`', marked: `${base}agreement A {\n  effective 2026-|\n}\n` },
  { name: 'a decimal begun, `target P1 1.`', marked: metric('target P1 1.|') },
  { name: 'a threshold begun, `below 99.`', marked: `${base}credits {\n  when M below 99.|\n}\n` },
];

describe('completion right after part of a value', () => {
  it.each(midValue)('$name: nothing', ({ marked }) => {
    expect(labelsAt(marked)).toEqual([]);
  });

  it('still offers the statements after a space, after a finished statement on the line', () => {
    expect(labelsAt(`${base}credits {\n  when M below 99% credit 5% |\n}\n`)).toEqual(expect.arrayContaining(['when', 'cap']));
    expect(labelsAt(`${base}calendar C {\n  timezone "UTC"\n  hours Fri 09:00-17:00 |\n}\n`)).toEqual(expect.arrayContaining(['hours', 'holidays']));
  });
});

describe('completion after a complete duration', () => {
  it.each(afterDurations)('$name', ({ marked, trigger, expected }) => {
    expect(labelsAt(marked, trigger)).toEqual(expected);
  });

  it('still offers the calendars after the `hours` statement of a channel, and units after a number', () => {
    expect(labelsAt(`${base}channel Chat {\n  hours |\n}\n`, ' ')).toEqual(['Office']);
    expect(labelsAt(metric('target 4 |'), ' ')).toEqual(expect.arrayContaining(['hours', 'minutes']));
  });
});

describe('completion inside a comment', () => {
  it.each(insideComments)('$name: nothing', ({ marked, trigger }) => {
    expect(labelsAt(marked, trigger)).toEqual([]);
  });

  it('still completes right after a closed block comment and on the line after a line comment', () => {
    expect(labelsAt(metric('clock /* x */ |'), ' ')).toEqual(['Office']);
    expect(labelsAt(`${base}// a note\n|`)).toEqual(expect.arrayContaining(['metric', 'calendar']));
  });

  it('knows of a `//` typed since the analysis completion answers from', () => {
    const workspace = new SlaWorkspace();
    workspace.update('/virtual/typed.sla', `${base}clock \n`);
    serviceDocument(workspace, '/virtual/typed.sla', uriOfFile); // analysed before the comment was typed
    const text = `${base}// clock \n`;
    workspace.update('/virtual/typed.sla', text);
    const document = serviceDocument(workspace, '/virtual/typed.sla', uriOfFile, 'recent')!;
    expect(document.parse.tokens.some((token) => token.type === 'comment')).toBe(false);
    expect(completion(document, positionAt(text, text.indexOf('clock ') + 6), ' ')).toEqual([]);
  });
});
