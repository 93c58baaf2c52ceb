/**
 * SLA5003: the largest text block a document lays out. markdown-it makes a
 * token of about 300 bytes for each emphasis mark and each run of text
 * between them, and keeps them all while it renders: a text block of 1.2 MB
 * of `*a* ` took 600 MB and 7.5 s to compile to HTML (1.2 million tokens;
 * plain words of the same size, 130 MB). A clause of 100,000 characters is
 * some 40 pages; at that size the worst prose takes about 50 MB.
 */
import { dirname, resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../language/diagnostics/diagnostic.js';
import { tokenize } from '../language/lexer/lexer.js';
import { TextBlock, UnclosedTextBlock } from '../language/lexer/tokens.js';
import type { AgreementModel } from '../language/model/model.js';

export const MAX_TEXT_BLOCK_CHARACTERS = 100_000;

/** One SLA5003 error at the opening `"""` of each text block of the agreement's sources longer than the limit. */
export function longTextBlockDiagnostics(model: AgreementModel, entry: string, readSource: (file: string) => string | undefined): Diagnostic[] {
  const folder = dirname(entry);
  return model.sources.flatMap(({ path }) => {
    const file = resolve(folder, path);
    const text = readSource(file);
    // A file without a text block that long needs no lexing.
    if (text === undefined || text.length <= MAX_TEXT_BLOCK_CHARACTERS) return [];
    const lexed = tokenize(text, file);
    return lexed.tokens
      .filter((token) => token.tokenType === TextBlock || token.tokenType === UnclosedTextBlock)
      .map((token) => ({ token, characters: token.image.length - (token.tokenType === TextBlock ? 6 : 3) }))
      .filter(({ characters }) => characters > MAX_TEXT_BLOCK_CHARACTERS)
      .map(({ token, characters }) =>
        createDiagnostic('SLA5003', file, lexed.lines.rangeAt(token.startOffset, 3), {
          count: characters.toLocaleString('en-US'),
          limit: MAX_TEXT_BLOCK_CHARACTERS.toLocaleString('en-US'),
        }),
      );
  });
}
