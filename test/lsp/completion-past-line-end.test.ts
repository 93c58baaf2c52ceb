// A completion asked at a character past the end of its line. The LSP says
// such a character "defaults back to the line length"; completion used it
// as it came, so the edit of a quoted value started that far out
// (`timezone "Europe/Be` at character 1,000,000 replaced 999,991-1,000,000
// of a 41-character line) and the client inserted nowhere or refused it.
import { describe, expect, it } from 'vitest';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';

/** Lines that end where a word is being typed, each with astral characters before it. */
const lines = [
  'calendar C { /* 😀 */ timezone "Europe/Be',
  'calendar C { /* 𝒜 */ holidays "DE-',
  'calendar C { timezone "😀" hours Mon-Fri 09:00-17:00 }\nmetric M { clock C',
  'agreement A { title "😀" version "1" effective 2026-01-01 provider "P" client "C" }\ncale',
];

function completionsAt(text: string, line: number, character: number): unknown {
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/past-end.sla', text);
  return completion(serviceDocument(workspace, '/virtual/past-end.sla', uriOfFile)!, { line, character });
}

describe('completion past the end of a line', () => {
  it.each(lines)('is the completion at the end of the line: %j', (text) => {
    const last = text.split('\n').length - 1;
    const atEnd = completionsAt(text, last, text.split('\n')[last]!.length);
    expect(atEnd).not.toEqual([]);
    for (const character of [text.split('\n')[last]!.length + 1, 1_000_000]) expect(completionsAt(text, last, character)).toEqual(atEnd);
  });
});
