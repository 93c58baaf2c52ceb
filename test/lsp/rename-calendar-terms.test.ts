// A calendar's name is also a defined term of the document: calendar Office
// defines "Office Hours". Renaming Office to Branch edited the name and its
// references only: a clause that wrote "Outside the Office Hours" kept the
// old term, which the document no longer defined, and the author's `term
// "Office Hours" "..."` stopped replacing the generated definition, so the
// document defined both Branch Hours and Office Hours, while `slac validate`
// said "no problems". The rename now writes the new term wherever the author
// wrote the old one as the document uses a term (SLA5005's rule), in prose
// only: a status, a `matches` value or a time zone is left as written. A
// rename that would make the author's term one the agreement defines
// already (SLA3049) is refused.
import { describe, expect, it } from 'vitest';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { rename } from '../../lsp/services/rename.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { applyEdits, at, readExample } from './harness/cursor.js';

const hosting = readExample('hosting.sla');
const file = '/virtual/hosting.sla';

/** The file after renaming the declaration at `cursor` to `newName`, with `added` appended to hosting.sla. */
function renamed(added: string, cursor: string, newName: string, files: Record<string, string> = {}): Record<string, string> {
  const workspace = new SlaWorkspace();
  const texts: Record<string, string> = { [file]: `${hosting}\n${added}\n`, ...files };
  for (const [path, text] of Object.entries(texts)) workspace.update(path, text);
  const edit = rename(serviceDocument(workspace, file, uriOfFile)!, at(texts[file]!, cursor), newName) as WorkspaceEdit;
  const result: Record<string, string> = {};
  for (const [path, text] of Object.entries(texts)) result[path] = applyEdits(text, edit.changes?.[uriOfFile(path)] ?? []);
  return result;
}

const clause = (text: string) => `clause "Out of hours" """\n  ${text}\n  """`;

const CASES = [
  { name: 'a clause using the term', added: clause('Outside the Office Hours the Client calls the night line.'), becomes: 'Outside the Branch Hours the Client' },
  { name: "the author's term replacing the definition", added: 'term "Office Hours" "the hours the office in Berlin is staffed"', becomes: 'term "Branch Hours" "the hours' },
  { name: 'a term written in other case', added: 'term "office  hours" "the hours the office in Berlin is staffed"', becomes: 'term "Branch Hours" "the hours' },
  { name: 'a term broken over two lines of a text block', added: clause('Outside the Office\n  Hours and on holidays.'), becomes: 'Outside the Branch Hours and on holidays.' },
  { name: 'a plural', added: clause('Both Office Hourses are fixed.'), becomes: 'Both Branch Hourses are fixed.' },
  { name: 'a responsibility', added: 'responsibilities Client {\n  "Call during the Office Hours."\n}', becomes: '"Call during the Branch Hours."' },
  { name: 'the lower-case words, not the term', added: clause('Outside office hours.'), becomes: 'Outside office hours.' },
  { name: 'the start of a longer name', added: clause('See the Office Hours Policy.'), becomes: 'See the Office Hours Policy.' },
  { name: 'the end of a longer word', added: clause('The Back-Office Hours apply.'), becomes: 'The Back-Office Hours apply.' },
  { name: 'a pause status', added: 'pause when status "Outside Office Hours"', becomes: 'pause when status "Outside Office Hours"' },
  { name: "a severity's matches value", added: 'severity P4 {\n  description "Cosmetic."\n  matches "Office Hours"\n}', becomes: 'matches "Office Hours"' },
];

describe('renaming calendar Office to Branch', () => {
  it.each(CASES)('$name', ({ added, becomes }) => {
    const text = renamed(added, 'calendar Off|ice', 'Branch')[file]!;
    expect(text).toContain('calendar Branch {');
    expect(text).toContain(becomes);
  });

  it('from a reference, in a file the agreement imports', () => {
    const shared = '/virtual/terms.sla';
    const texts = renamed(`import "terms.sla"\n${clause('Outside the On Call Hours, nobody answers.')}`, 'hours On|Call', 'Rota', {
      [shared]: 'term "On Call Hours" "the hours the rota answers the phone"\n',
    });
    expect(texts[file]).toContain('Outside the Rota Hours, nobody answers.');
    expect(texts[shared]).toContain('term "Rota Hours" "the hours');
  });

  it('refused when the agreement defines the new term already (the file would define it twice, SLA3049)', () => {
    const workspace = new SlaWorkspace();
    const text = `${hosting}\nterm "Office Hours" "the hours the office is staffed"\nterm "Branch Hours" "the hours of the branch"\n`;
    workspace.update(file, text);
    const answer = rename(serviceDocument(workspace, file, uriOfFile)!, at(text, 'calendar Off|ice'), 'Branch');
    expect(answer).toEqual({ refused: expect.stringContaining('There is already a term "Branch Hours" (hosting.sla, line 188)') });
  });

  // The author defines "Branch Hours" for something else: calendar Branch
  // would define it too, and the author's definition would silently
  // replace the calendar's (or say what the calendar is), as a second
  // calendar named Branch would clash. Refused as a taken name is.
  it.each([
    { name: 'in the same file', added: 'term "Branch Hours" "the hours the branch in Hamburg is staffed"', files: {}, says: 'There is already a term "Branch Hours" (hosting.sla, line 187)' },
    { name: 'in other case', added: 'term "branch  hours" "the hours the branch in Hamburg is staffed"', files: {}, says: 'There is already a term "branch  hours" (hosting.sla, line 187)' },
    {
      name: 'in a file the agreement imports',
      added: 'import "branch.sla"',
      files: { '/virtual/branch.sla': '// Shared.\nterm "Branch Hours" "the hours the branch in Hamburg is staffed"\n' },
      says: 'There is already a term "Branch Hours" (branch.sla, line 2)',
    },
  ])("refused when the author defines the new calendar's term already, $name", ({ added, files, says }) => {
    const workspace = new SlaWorkspace();
    const text = `${hosting}\n${added}\n`;
    for (const [path, other] of Object.entries({ [file]: text, ...files })) workspace.update(path, other);
    const answer = rename(serviceDocument(workspace, file, uriOfFile)!, at(text, 'calendar Off|ice'), 'Branch');
    expect(answer).toEqual({ refused: expect.stringContaining(says) });
    expect(answer).toEqual({ refused: expect.stringContaining('calendar Branch would define it too; choose another name.') });
  });

  it('not for a term that only begins like the new one', () => {
    const text = renamed('term "Branch Hours Policy" "when the branch answers"', 'calendar Off|ice', 'Branch')[file]!;
    expect(text).toContain('calendar Branch {');
  });

  it('not for the author\'s own term of the calendar when the new name differs in case only', () => {
    const text = renamed('term "Office Hours" "the hours the office in Berlin is staffed"', 'calendar Off|ice', 'OFFICE')[file]!;
    expect(text).toContain('calendar OFFICE {');
    expect(text).toContain('term "OFFICE Hours" "the hours');
  });

  it('not when the new name reads as the same term', () => {
    expect(renamed(clause('Outside the Office Hours.'), 'calendar Off|ice', 'OfficeHours')[file]).toContain('Outside the Office Hours.');
  });

  it('nor for a declaration of another kind', () => {
    expect(renamed(clause('A P1 ticket during the Office Hours.'), 'severity P|1', 'Urgent')[file]).toContain('A P1 ticket during the Office Hours.');
  });
});
