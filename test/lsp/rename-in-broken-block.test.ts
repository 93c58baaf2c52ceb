// A rename in a file with a syntax error missed a reference inside the
// broken block: after an unfinished `target P1 via`, the parser's recovery
// dropped the next line's keyword and took its name for the channel
// (`clock OnCall` read as `via OnCall`), so renaming calendar OnCall left
// `clock OnCall` as it was. 12 of 768 cases of the examples' references with
// a broken line before or after them; the name after `via` is now taken as
// other names are, never from the next line's statement.
import { describe, expect, it } from 'vitest';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { rename } from '../../lsp/services/rename.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { at, readExample } from './harness/cursor.js';

const hosting = readExample('hosting.sla');

/** The lines `rename` edits, renaming the declaration at `cursor` in `text`. */
function renamedLines(text: string, cursor: string): number[] {
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/hosting.sla', text);
  const edit = rename(serviceDocument(workspace, '/virtual/hosting.sla', uriOfFile)!, at(text, cursor), 'Renamed') as WorkspaceEdit;
  return Object.values(edit.changes ?? {}).flat().map((change: TextEdit) => change.range.start.line);
}

const lineOf = (text: string, snippet: string): number => text.slice(0, text.indexOf(snippet)).split('\n').length - 1;

describe('a rename with an unfinished `target ... via` before a reference', () => {
  it.each([
    ['calendar OnCall, at the clock of OutageFix', 'calendar On|Call', '  measures resolution\n  clock OnCall\n  target P1 4 hours', '  clock OnCall\n  target P1 4'],
    ['severity P1, at the next target', 'severity P|1', '  clock OnCall\n  target P1 15 minutes', '  target P1 15 minutes'],
    ['severity P2, at the next target', 'severity P|2', '  target P1 15 minutes\n  target P2 1 hour', '  target P2 1 hour'],
  ])('%s', (_name, cursor, around, reference) => {
    const broken = hosting.replace(around, around.replace(reference, `  target P1 via\n${reference}`));
    expect(broken).not.toBe(hosting);
    expect(renamedLines(broken, cursor)).toContain(lineOf(broken, `  target P1 via\n${reference}`) + 1);
  });
});
