/**
 * SLA5003 and SLA5004: the prose a document lays out. markdown-it makes a
 * token of about 300 bytes for each emphasis mark and each run of text
 * between them, and keeps them all while it renders: a text block of 1.2 MB
 * of `*a* ` took 600 MB and 7.5 s to compile to HTML (1.2 million tokens;
 * plain words of the same size, 130 MB). A clause of 100,000 characters is
 * some 40 pages; at that size the worst prose takes about 50 MB.
 *
 * The HTML is rendered one top-level block at a time (render/by-blocks.ts),
 * but a string has no limit of its own and a list of responsibilities is
 * one block: a one-line string of 1.2 MB took 370 MB. The document's text
 * blocks and strings together have at most 500,000 characters (some 200
 * pages; a real agreement has a few thousand), which bounds every block and
 * keeps the worst document (one string of 496,000 characters of `*a* `) to
 * about 260 MB.
 */
import { dirname, resolve } from 'node:path';
import type { IToken } from 'chevrotain';
import { createDiagnostic, type Diagnostic } from '../language/diagnostics/diagnostic.js';
import { tokenize, type LexResult } from '../language/lexer/lexer.js';
import { StringLiteral, TextBlock, UnclosedString, UnclosedTextBlock } from '../language/lexer/tokens.js';
import type { AgreementModel } from '../language/model/model.js';

export const MAX_TEXT_BLOCK_CHARACTERS = 100_000;
export const MAX_DOCUMENT_PROSE_CHARACTERS = 500_000;

/** The quotes around each kind of quoted token: `"""` twice, `"""` once, `"` twice, `"` once. */
const QUOTE_CHARACTERS = new Map([
  [TextBlock, 6],
  [UnclosedTextBlock, 3],
  [StringLiteral, 2],
  [UnclosedString, 1],
]);

const count = (characters: number): string => characters.toLocaleString('en-US');

/** The text block or string that took the prose past the document limit, and where it is. */
interface LimitPassed {
  file: string;
  lexed: LexResult;
  token: IToken;
  quotes: number;
}

/**
 * One SLA5003 error at the opening `"""` of each text block of the
 * agreement's sources longer than the limit, and one SLA5004 when its
 * sources' text blocks and strings together are: at the opening quote of
 * the one that takes them past it, counted file by file in the order of
 * the model's sources, so that the user sees where the document grew too
 * long, not its `agreement` line.
 */
export function proseLimitDiagnostics(model: AgreementModel, entry: string, readSource: (file: string) => string | undefined): Diagnostic[] {
  const folder = dirname(entry);
  const sources = model.sources.map(({ path }) => resolve(folder, path)).map((file) => ({ file, text: readSource(file) }));
  const sourceCharacters = sources.reduce((sum, { text }) => sum + (text?.length ?? 0), 0);
  const diagnostics: Diagnostic[] = [];
  let proseCharacters = 0;
  let passed: LimitPassed | undefined;
  for (const { file, text } of sources) {
    // A file without a text block that long, in sources without that much text, needs no lexing.
    if (text === undefined || (text.length <= MAX_TEXT_BLOCK_CHARACTERS && sourceCharacters <= MAX_DOCUMENT_PROSE_CHARACTERS)) continue;
    const lexed = tokenize(text, file);
    for (const token of lexed.tokens) {
      const quotes = QUOTE_CHARACTERS.get(token.tokenType);
      if (quotes === undefined) continue;
      const characters = token.image.length - quotes;
      proseCharacters += characters;
      if (passed === undefined && proseCharacters > MAX_DOCUMENT_PROSE_CHARACTERS) passed = { file, lexed, token, quotes };
      if (quotes >= 3 && characters > MAX_TEXT_BLOCK_CHARACTERS) {
        const limit = count(MAX_TEXT_BLOCK_CHARACTERS);
        diagnostics.push(createDiagnostic('SLA5003', file, lexed.lines.rangeAt(token.startOffset, 3), { count: count(characters), limit }));
      }
    }
  }
  if (passed !== undefined) diagnostics.push(documentProseDiagnostic(passed, proseCharacters));
  return diagnostics;
}

/** SLA5004 at the opening quote of the text block or string that passed the limit, with the total of them all. */
function documentProseDiagnostic({ file, lexed, token, quotes }: LimitPassed, characters: number): Diagnostic {
  const textBlock = quotes >= 3;
  return createDiagnostic('SLA5004', file, lexed.lines.rangeAt(token.startOffset, textBlock ? 3 : 1), {
    kind: textBlock ? 'text block' : 'string',
    count: count(characters),
    limit: count(MAX_DOCUMENT_PROSE_CHARACTERS),
  });
}
