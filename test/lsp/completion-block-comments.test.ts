// Completion reads the line before the cursor with each closed /* ... */ as
// a space. That was /\/\*.*?\*\//g, which, for every `/*` not closed on the
// line, runs to the line's end: quadratic, so completion after a string of
// 33,000 `/* ` (100,000 characters) took 1.8 s, and 200,000 of them 65 s.
// The table pins what the pattern made of short lines.
import type { CompletionItem } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { withoutBlockComments } from '../../lsp/services/block-comments.js';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { positionAt } from './harness/cursor.js';

const prefixes = [
  '', 'clock ', 'clock /*x*/ ', '/**/', '/*/', '/*/*/', '*/ /* a */ b', 'a /* b */ c /* d */ e', 'a /* b', 'a /* b */ c /* d',
  '/* a \u2028 */ b', '/* a \u2028 /* b */ c', '/* a \u2029 b */ /* c */', '/* /* x */ */', 'x */ y /* z', '/***/', '/* a *//* b */',
  '"/* in a string */" ', 'a/*\u2028*/b/*c*/d',
];

describe('the line before the cursor without its closed block comments, as /\\/\\*.*?\\*\\//g made it', () => {
  it.each(prefixes)('%j', (prefix) => {
    expect(withoutBlockComments(prefix)).toBe(prefix.replace(/\/\*.*?\*\//g, ' '));
  });
});

describe('a line with 200,000 unclosed `/* ` in a string before the cursor', () => {
  it(
    'completes statements through the language service',
    () => {
      const line = `client "${'/* '.repeat(200_000)}" `;
      const text = `calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 }\n${line}\n`;
      const workspace = new SlaWorkspace();
      workspace.update('/virtual/comments.sla', text);
      const document = serviceDocument(workspace, '/virtual/comments.sla', uriOfFile)!;
      const labels = completion(document, positionAt(text, text.length - 1)).map((item: CompletionItem) => String(item.label));
      expect(labels).toContain('metric');
    },
    15_000,
  );
  it(
    'and with 200,000 closed ones',
    () => {
      expect(withoutBlockComments(`a${'/**/b'.repeat(200_000)}`)).toBe(`a${' b'.repeat(200_000)}`);
    },
    15_000,
  );
});
