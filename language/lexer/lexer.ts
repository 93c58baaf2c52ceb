import { Lexer, type IToken } from 'chevrotain';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CHECK_GRAMMAR } from './grammar-checks.js';
import { codePointName, firstControlCharacter, stringValue } from './literals.js';
import { LineMap } from './line-map.js';
import { allTokens, StringLiteral, TextBlock, UnclosedBlockComment, UnclosedString, UnclosedTextBlock } from './tokens.js';

/** The tokens of one text: code tokens for the parser, comments apart. */
export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
  lines: LineMap;
  /** Runs of unreadable characters (SLA1001), as offset and length. */
  unreadable: { offset: number; length: number }[];
}

const slaLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: !CHECK_GRAMMAR,
});

/**
 * Splits a text into tokens. Never throws; unreadable characters and unclosed
 * strings, text blocks and comments become diagnostics and lexing goes on.
 */
export function tokenize(text: string, file: string): LexResult {
  const result = slaLexer.tokenize(text);
  const unreadable = result.errors.map(({ offset, length }) => ({ offset, length }));
  return lexResult(text, file, result.tokens, result.groups['comments'] ?? [], unreadable);
}

/** The lexer's output with its diagnostics, which depend on nothing else: `tokenize` and `retokenize` share it. */
export function lexResult(
  text: string,
  file: string,
  tokens: IToken[],
  comments: IToken[],
  unreadable: { offset: number; length: number }[],
): LexResult {
  const lines = new LineMap(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of unreadable) {
    // The lexer skips a run of unreadable characters at once; the message names the first.
    const first = Array.from(text.substr(error.offset, error.length))[0] ?? '';
    diagnostics.push(createDiagnostic('SLA1001', file, lines.rangeAt(error.offset, error.length), { text: first }));
  }
  for (const comment of comments) {
    if (comment.tokenType === UnclosedBlockComment) {
      diagnostics.push(createDiagnostic('SLA1005', file, lines.rangeAt(comment.startOffset, 2)));
    }
  }
  for (const token of tokens) checkToken(token, file, lines, diagnostics);
  return { tokens, comments, diagnostics, lines, unreadable };
}

/** Splits part of a text into tokens, offsets counted from the whole text's start (for `retokenize`). */
export function tokenizePart(text: string, from: number, to: number): { tokens: IToken[]; comments: IToken[]; unreadable: { offset: number; length: number }[] } {
  const result = slaLexer.tokenize(text.slice(from, to));
  const comments = result.groups['comments'] ?? [];
  for (const token of result.tokens) token.startOffset += from;
  for (const comment of comments) comment.startOffset += from;
  return { tokens: result.tokens, comments, unreadable: result.errors.map(({ offset, length }) => ({ offset: offset + from, length })) };
}

function checkToken(token: IToken, file: string, lines: LineMap, diagnostics: Diagnostic[]): void {
  if (token.tokenType === TextBlock || token.tokenType === UnclosedTextBlock) {
    if (token.tokenType === UnclosedTextBlock) diagnostics.push(createDiagnostic('SLA1003', file, lines.rangeAt(token.startOffset, 3)));
    checkControlCharacters(token, file, lines, diagnostics);
    return;
  }
  if (token.tokenType !== StringLiteral && token.tokenType !== UnclosedString) return;
  if (token.tokenType === UnclosedString) {
    diagnostics.push(createDiagnostic('SLA1002', file, lines.rangeAt(token.startOffset, token.image.length)));
  }
  for (const problem of stringValue(token.image).problems) {
    // The range covers the backslash and the character after it.
    const start = token.startOffset + problem.offset;
    diagnostics.push(createDiagnostic('SLA1004', file, lines.rangeAt(start, 1 + problem.character.length), { text: problem.character }));
  }
  checkControlCharacters(token, file, lines, diagnostics);
}

/**
 * SLA1024 on the first raw control character of a string or text block:
 * one per token, so that a string of a million ESC is one message, not a
 * million.
 */
function checkControlCharacters(token: IToken, file: string, lines: LineMap, diagnostics: Diagnostic[]): void {
  const offset = firstControlCharacter(token.image);
  if (offset < 0) return;
  const character = token.image[offset]!;
  diagnostics.push(createDiagnostic('SLA1024', file, lines.rangeAt(token.startOffset + offset, 1), { character: codePointName(character) }));
}
