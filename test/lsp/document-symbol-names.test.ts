// Outline labels of statements are cut at 80 characters. They were cut at
// 80 UTF-16 code units, which splits an astral character (an emoji, 𝒜)
// standing across the cut into half a surrogate pair: a string no UTF-8
// client can decode (serde_json, used by Rust clients, refuses the whole
// answer). The cut now falls between whole characters.
import { describe, expect, it } from 'vitest';
import { documentSymbols } from '../../lsp/services/document-symbols.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';

const statement = 'holidays from "';

/** Names of the calendar's statements, with `character` placed so that it starts at code unit `at` of the label. */
function labels(character: string, at: number): string[] {
  const text = `calendar A {\n  timezone "Europe/Berlin"\n  ${statement}${'a'.repeat(at - statement.length)}${character} more.ics"\n}\n`;
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/outline.sla', text);
  const [calendar] = documentSymbols(serviceDocument(workspace, '/virtual/outline.sla', uriOfFile)!);
  return (calendar?.children ?? []).map((child) => child.name);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('an outline label cut at 80 characters', () => {
  it.each([
    { character: '😀', at: 79 },
    { character: '𝒜', at: 79 },
    { character: '😀', at: 78 },
    { character: 'é', at: 79 },
  ])('keeps $character whole when it starts at $at', ({ character, at }) => {
    const label = labels(character, at).find((name) => name.startsWith('holidays'))!;
    expect(label).not.toMatch(loneSurrogate);
    expect(label.startsWith(`${statement}${'a'.repeat(at - statement.length)}`)).toBe(true);
    expect([...label].length).toBeLessThanOrEqual(80);
  });
});
