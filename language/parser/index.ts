import type { IRecognitionException, IToken } from 'chevrotain';
import { createDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { tokenize, type LexResult } from '../lexer/lexer.js';
import type { LineMap } from '../lexer/line-map.js';
import { LineComment } from '../lexer/tokens.js';
import type { Comment, SlaDocument } from '../syntax/ast.js';
import { buildDocument } from './build-declarations.js';
import { CstReader, type TokenRole } from './cst-reader.js';
import { SlaParser } from './grammar.js';
import { describeToken } from './messages.js';
import { editorTokens, type SlaToken } from './tokens.js';

export type { SlaToken, SlaTokenType } from './tokens.js';
export * from './grammar-info.js';

export interface ParseResult {
  document: SlaDocument;
  diagnostics: Diagnostic[];
  /** Every token in source order, comments included. */
  tokens: SlaToken[];
}

/** One parser for the process: chevrotain parsers are costly to build and meant to be reused. */
let sharedParser: SlaParser | undefined;

function parser(): SlaParser {
  sharedParser ??= new SlaParser();
  return sharedParser;
}

function syntaxDiagnostic(error: IRecognitionException, file: string, lines: LineMap): Diagnostic {
  const token = error.token;
  const real = Number.isFinite(token?.startOffset) && token?.tokenType?.name !== 'EOF';
  const range = real ? lines.rangeAt(token.startOffset, token.image.length) : lines.endRange();
  const found = real ? describeToken(token) : 'the end of the file';
  if (error.name === 'NotAllInputParsedException') return createDiagnostic('SLA1011', file, range, { found });
  return createDiagnostic('SLA1010', file, range, { expected: error.message, found });
}

function commentNodes(comments: IToken[], lines: LineMap): Comment[] {
  return comments.map((comment) => ({
    kind: comment.tokenType === LineComment ? 'LineComment' : 'BlockComment',
    text: comment.image,
    range: lines.rangeAt(comment.startOffset, comment.image.length),
  }));
}

/**
 * Parses one `.sla` text into its syntax tree, with every lexical and
 * syntax diagnostic (the parser recovers, so one file shows all of its
 * errors) and the token list editors use. Never throws.
 */
export function parseDocument(text: string, file: string): ParseResult {
  const lexed = tokenize(text, file);
  const diagnostics = [...lexed.diagnostics];
  let root;
  let errors: IRecognitionException[] = [];
  try {
    root = parser().parseTokens(lexed.tokens, text);
    errors = parser().errors;
  } catch {
    // A recognition failure the recovery could not absorb: keep what the lexer found.
    errors = parser().errors;
  }
  const seen = new Set<number>();
  const errorOffsets: number[] = [];
  for (const error of errors) {
    const offset = Number.isFinite(error.token?.startOffset) ? error.token.startOffset : text.length;
    if (seen.has(offset)) continue;
    seen.add(offset);
    errorOffsets.push(offset);
    diagnostics.push(syntaxDiagnostic(error, file, lexed.lines));
  }
  const reader = new CstReader(file, lexed.lines, errorOffsets.sort((a, b) => a - b));
  const document = buildDocument(reader, root, file, commentNodes(lexed.comments, lexed.lines));
  for (const diagnostic of reader.diagnostics) diagnostics.push(diagnostic); // not push(...): there may be 100,000
  return withLazyTokens({ document, diagnostics: sortDiagnostics(diagnostics) }, lexed, reader.roles);
}

/**
 * Adds `tokens` as an enumerable property made on first read: diagnostics
 * after an edit never need the editor's token list, and building it for a
 * long file costs a noticeable share of the parse. (A function of its own so
 * the getter keeps only the lexer's output alive, not the parse tree's CST.)
 */
function withLazyTokens(result: Omit<ParseResult, 'tokens'>, lexed: LexResult, roles: ReadonlyMap<number, TokenRole>): ParseResult {
  let tokens: SlaToken[] | undefined;
  const { tokens: codeTokens, comments, lines } = lexed;
  return Object.defineProperty(result, 'tokens', {
    enumerable: true,
    configurable: true,
    get: () => (tokens ??= editorTokens(codeTokens, comments, roles, lines)),
    set: (value: SlaToken[]) => void (tokens = value),
  }) as ParseResult;
}
