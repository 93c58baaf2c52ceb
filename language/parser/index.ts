import type { CstNode, IToken } from 'chevrotain';
import { createDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { tokenize, type LexResult } from '../lexer/lexer.js';
import { retokenize } from '../lexer/relex.js';
import { textEdit } from '../lexer/text-edit.js';
import type { LineMap } from '../lexer/line-map.js';
import { LineComment } from '../lexer/tokens.js';
import type { Comment, SlaDocument } from '../syntax/ast.js';
import { assembleDocument } from './build-declarations.js';
import { CstReader, type TokenRole } from './cst-reader.js';
import { SlaParser } from './grammar.js';
import { Mover } from './mover.js';
import { buildItem, errorsWithin, segmentsOf, syntaxError, topLevelNodes, type Segment, type TopLevelItem } from './top-level.js';
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
  const lexed = withinTokenLimit(tokenize(text, file), file);
  const run = runParser(lexed.tokens, text, file, lexed.lines, 0);
  const errorOffsets = uniqueErrorOffsets(run.segments);
  buildItems(run.root, run.segments, lexed.tokens, file, lexed.lines, errorOffsets, text.length);
  return finish(text, file, lexed, run.segments, errorOffsets, run.complete);
}

/**
 * `parseDocument` for a new version of a text parsed before: the top-level
 * items an edit cannot have changed are kept (those after it moved to
 * their new positions) and only the tokens around the edit are parsed
 * again. The result is the one `parseDocument` gives; when an edit is too
 * tangled to tell (the parser's errors near the edit fall into kept
 * items), it is what `parseDocument` gives because it is made by it.
 */
export function reparseDocument(previous: ParseResult, text: string, file: string): ParseResult {
  const state = parseStates.get(previous);
  const reparsed = state?.complete && state.file === file ? reparse(state, text, file) : undefined;
  return reparsed ?? parseDocument(text, file);
}

/**
 * The most tokens parsed from one file. A file of 250,000 stray words (500
 * KB) took 516 MB and 10 s, an error built for each, and a 9 MB one ran out
 * of memory; a real agreement has far fewer (3,000 metrics and 3,000
 * severities: about 50,000).
 */
export const MAX_TOKENS = 100_000;

/** The lexed text, or, past MAX_TOKENS, none of its tokens and one error at the first token over the limit. */
function withinTokenLimit(lexed: LexResult, file: string): LexResult {
  if (lexed.tokens.length <= MAX_TOKENS) return lexed;
  const first = lexed.tokens[MAX_TOKENS]!;
  const diagnostic = createDiagnostic('SLA1023', file, lexed.lines.rangeAt(first.startOffset, first.image.length), {
    count: lexed.tokens.length.toLocaleString('en-US'),
    limit: MAX_TOKENS.toLocaleString('en-US'),
  });
  return { ...lexed, tokens: [], comments: [], diagnostics: [...lexed.diagnostics, diagnostic] };
}

/** What a parse keeps for reparsing a later version. */
interface ParseState {
  file: string;
  text: string;
  lines: LineMap;
  tokens: IToken[];
  lexed: LexResult;
  segments: Segment[];
  /** False when the parser gave up with an exception: such a parse is never reused. */
  complete: boolean;
}

const parseStates = new WeakMap<ParseResult, ParseState>();

/**
 * Tokens kept clear of an edit on either side: the parser looks at most
 * three tokens ahead and its recovery two, so a kept item never looked at
 * a token the edit changed. (The randomized test fails with 0.)
 */
const MARGIN = 8;

interface ParserRun {
  root: CstNode | undefined;
  segments: Segment[];
  /** Where the run was stopped (a kept segment starts there), if it was. */
  stoppedAt?: number;
  complete: boolean;
}

function runParser(tokens: IToken[], text: string, file: string, lines: LineMap, from: number, stopBefore?: (index: number) => boolean): ParserRun {
  let root: CstNode | undefined;
  let complete = true;
  try {
    root = parser().parseTokens(tokens, text, from, stopBefore);
  } catch {
    // A recognition failure the recovery could not absorb: keep what the lexer found.
    complete = false;
  }
  const errors = parser().errors.map((error) => syntaxError(error, file, lines));
  const stoppedAt = parser().stoppedAt;
  let starts = parser().topLevelStarts;
  if (starts.length === 0) starts = [{ index: from, errors: 0 }];
  const segments = segmentsOf(starts, errors, stoppedAt !== undefined);
  return stoppedAt === undefined ? { root, segments, complete } : { root, segments, stoppedAt, complete };
}

/** Builds the CST's top-level items into the segments they started in. */
function buildItems(
  root: CstNode | undefined,
  segments: Segment[],
  tokens: IToken[],
  file: string,
  lines: LineMap,
  errorOffsets: number[],
  textLength: number,
): void {
  const nodes = topLevelNodes(root, new CstReader(file, lines, errorOffsets));
  let s = 0;
  const offsetOf = (segment: Segment): number => tokens[segment.start]?.startOffset ?? textLength;
  for (const { key, node, start } of nodes) {
    while (s + 1 < segments.length && offsetOf(segments[s + 1]!) <= start) s++;
    segments[s]!.items.push(buildItem(key, node, file, lines, errorOffsets));
  }
}

/** The offsets of the errors kept (the first at each offset), in increasing order. */
function uniqueErrorOffsets(segments: readonly Segment[]): number[] {
  const seen = new Set<number>();
  for (const segment of segments) for (const error of segment.errors) seen.add(error.offset);
  return [...seen].sort((a, b) => a - b);
}

function finish(text: string, file: string, lexed: LexResult, segments: Segment[], errorOffsets: number[], complete: boolean): ParseResult {
  const diagnostics = [...lexed.diagnostics];
  const seen = new Set<number>();
  for (const segment of segments) {
    for (const error of segment.errors) {
      if (seen.has(error.offset)) continue;
      seen.add(error.offset);
      diagnostics.push(error.diagnostic);
    }
  }
  const items = segments.flatMap((segment) => segment.items);
  const { document, strayDiagnostics } = assembleDocument(items, lexed.lines, errorOffsets, file, commentNodes(lexed.comments, lexed.lines));
  for (const diagnostic of strayDiagnostics) diagnostics.push(diagnostic);
  for (const item of items) {
    for (const diagnostic of item.diagnostics) diagnostics.push(diagnostic); // not push(...): there may be 100,000
  }
  const result = withLazyTokens({ document, diagnostics: sortDiagnostics(diagnostics) }, lexed, items);
  parseStates.set(result, { file, text, lines: lexed.lines, tokens: lexed.tokens, lexed, segments, complete });
  return result;
}

/** The incremental parse, or undefined when the edit is better served by a full parse. */
function reparse(state: ParseState, text: string, file: string): ParseResult | undefined {
  const edit = textEdit(state.text, text);
  if (!edit) return undefined;
  const lexed = retokenize(state.lexed, state.text, text, file, edit) ?? tokenize(text, file);
  if (lexed.tokens.length > MAX_TOKENS) return undefined; // parseDocument says so
  const tokens = lexed.tokens;
  const old = state.tokens;
  // Tokens wholly before the edit are the same; so are those after it, moved.
  let firstChanged = 0;
  while (firstChanged < tokens.length && firstChanged < old.length && endOf(tokens[firstChanged]!) < edit.start) firstChanged++;
  let kept = 0;
  while (kept < tokens.length - firstChanged && kept < old.length - firstChanged) {
    const now = tokens[tokens.length - 1 - kept]!;
    const before = old[old.length - 1 - kept]!;
    if (now.startOffset < edit.newEnd || before.startOffset < edit.oldEnd) break;
    if (now.tokenType !== before.tokenType || now.image !== before.image || now.startOffset !== before.startOffset + edit.delta) break;
    kept++;
  }
  const shift = tokens.length - old.length;
  const oldSuffixStart = old.length - kept;
  // Segments kept before the edit: those ending well before it, none of whose errors lies at or after
  // it (an error at the end of the file moves with the edit).
  let prefix = 0;
  while (prefix < state.segments.length - 1 && state.segments[prefix + 1]!.start <= firstChanged - MARGIN) prefix++;
  while (prefix > 0 && state.segments.slice(0, prefix).some((s) => s.errors.some((e) => e.offset >= edit.start))) prefix--;
  const from = state.segments[prefix]?.start ?? 0;
  const stops = new Map<number, number>();
  for (let k = prefix + 1; k < state.segments.length; k++) {
    const start = state.segments[k]!.start;
    if (start >= oldSuffixStart + MARGIN) stops.set(start + shift, k);
  }
  const run = runParser(tokens, text, file, lexed.lines, from, (index) => stops.has(index));
  if (!run.complete || run.segments[0]?.start !== from) return undefined;
  const moved = new Mover(state.lines, lexed.lines, edit);
  const tail: Segment[] = [];
  if (run.stoppedAt !== undefined) {
    for (const segment of state.segments.slice(stops.get(run.stoppedAt))) {
      const shifted = moved.segment(segment, shift);
      if (!shifted) return undefined;
      tail.push(shifted);
    }
  }
  const segments = [...state.segments.slice(0, prefix), ...run.segments, ...tail];
  const errorOffsets = uniqueErrorOffsets(segments);
  buildItems(run.root, run.segments, tokens, file, lexed.lines, errorOffsets, text.length);
  // A kept item's diagnostics depend on the errors within it: they must be the ones it was built with.
  for (const segment of [...state.segments.slice(0, prefix), ...tail]) {
    for (const item of segment.items) {
      if (!sameNumbers(errorsWithin(errorOffsets, item.start, item.end), item.errorsInSpan)) return undefined;
    }
  }
  return finish(text, file, lexed, segments, errorOffsets, true);
}

function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** The roles the items' builders gave tokens, by offset. */
function rolesOf(items: readonly TopLevelItem[]): Map<number, TokenRole> {
  const roles = new Map<number, TokenRole>();
  for (const item of items) for (const [offset, role] of item.roles) roles.set(offset, role);
  return roles;
}

/**
 * Adds `tokens` as an enumerable property made on first read: diagnostics
 * after an edit never need the editor's token list, and building it for a
 * long file costs a noticeable share of the parse. (A function of its own so
 * the getter keeps only the lexer's output alive, not the parse tree's CST.)
 */
function withLazyTokens(result: Omit<ParseResult, 'tokens'>, lexed: LexResult, items: readonly TopLevelItem[]): ParseResult {
  let tokens: SlaToken[] | undefined;
  const { tokens: codeTokens, comments, lines } = lexed;
  return Object.defineProperty(result, 'tokens', {
    enumerable: true,
    configurable: true,
    get: () => (tokens ??= editorTokens(codeTokens, comments, rolesOf(items), lines)),
    set: (value: SlaToken[]) => void (tokens = value),
  }) as ParseResult;
}
