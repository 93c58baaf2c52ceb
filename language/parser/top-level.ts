import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineMap } from '../lexer/line-map.js';
import type { Declaration } from '../syntax/ast.js';
import type { Range } from '../syntax/range.js';
import { buildDeclaration, isUnclosedBlock } from './build-declarations.js';
import { CstReader, type TokenRole } from './cst-reader.js';
import { describeToken } from './messages.js';
import { firstToken, reportStray, startsItsLine } from './stray.js';
import { meantWeekday } from './weekday-hints.js';
import { suggestionHint } from '../binder/suggest.js';

/**
 * One top-level item of a document (a declaration, or a stray token or
 * braced group), built on its own: what it adds to the document's syntax
 * tree, diagnostics and editor roles. Incremental parsing keeps these
 * across edits and rebuilds only the items an edit reaches.
 */
export interface TopLevelItem {
  key: 'declaration' | 'stray';
  /** Offsets of its first real token and just past its last. */
  start: number;
  end: number;
  /** The declaration as built, before `buildDocument` extends an unclosed block. */
  declaration?: Declaration;
  unclosed: boolean;
  /** For a stray item: the SLA1011/SLA1012 it gets when not explained, and whether it opens its line. */
  stray?: { report?: Diagnostic; startsLine: boolean };
  /** What the CST reader reported while building it. */
  diagnostics: Diagnostic[];
  roles: [number, TokenRole][];
  /** The parser's error offsets within [start, end] when it was built: its diagnostics depend on them. */
  errorsInSpan: number[];
}

/** A parser error as a diagnostic, with the offset it is deduplicated and ordered by. */
export interface SyntaxError {
  offset: number;
  diagnostic: Diagnostic;
}

/**
 * The tokens the parser took at top level from one start to the next:
 * where it started, the errors raised meanwhile and the item it built (none
 * when everything in it was invented by recovery).
 */
export interface Segment {
  start: number;
  errors: SyntaxError[];
  items: TopLevelItem[];
}

export function syntaxError(error: IRecognitionException, file: string, lines: LineMap): SyntaxError {
  const token = error.token;
  const offset = Number.isFinite(token?.startOffset) ? token.startOffset : lines.text.length;
  const real = Number.isFinite(token?.startOffset) && token?.tokenType?.name !== 'EOF';
  const range = real ? lines.rangeAt(token.startOffset, token.image.length) : lines.endRange();
  const found = real ? describeToken(token) : 'the end of the file';
  if (error.name === 'NotAllInputParsedException') return { offset, diagnostic: createDiagnostic('SLA1011', file, range, { found }) };
  const lineEnd = real ? unfinishedLineEnd(error, lines) : undefined;
  if (lineEnd) return { offset, diagnostic: createDiagnostic('SLA1010', file, lineEnd, { expected: error.message, found: 'the end of the line', hint: '' }) };
  // Where a weekday is expected, the day a misspelt one most likely is (`Fir`, `fri`, `Friday`), with its quick fix.
  const weekday = real && /\bweekdays? such as\b/.test(error.message) ? meantWeekday(token.image) : undefined;
  const extra = weekday === undefined ? {} : { data: { suggestion: weekday } };
  return { offset, diagnostic: createDiagnostic('SLA1010', file, range, { expected: error.message, found, hint: suggestionHint(weekday) }, extra) };
}

/**
 * Where a statement that stops at the end of its line (`clock` with its
 * calendar left out) stops: just after its last word, when the word the
 * parser found instead opens a later line (`target`, which is fine). The
 * line shown is then the one the author must finish, not the next. A
 * missing '}' is the exception: every line of a block ends, and the next
 * declaration (`metric B {`) is what shows the block was left open.
 */
function unfinishedLineEnd(error: IRecognitionException, lines: LineMap): Range | undefined {
  // A block missing its '}' is reported where the next declaration or statement shows it ended.
  if (error.message.startsWith("'}'")) return undefined;
  const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
  if (!previous || !Number.isFinite(previous.startOffset) || previous.tokenType?.name === 'EOF') return undefined;
  const end = lines.rangeAt(previous.startOffset + previous.image.length, 0);
  const found = lines.rangeAt(error.token.startOffset, 0);
  return found.start.line > end.start.line ? end : undefined;
}

/**
 * Splits one parse into segments: `starts` are the top-level starts the
 * parser noted (the last one where it stopped or ended), `errors` its
 * errors as syntax errors, Items are not built yet.
 */
export function segmentsOf(
  starts: readonly { index: number; errors: number }[],
  errors: readonly SyntaxError[],
  stopped: boolean,
): Segment[] {
  const count = stopped ? starts.length - 1 : starts.length;
  const segments: Segment[] = [];
  for (let k = 0; k < count; k++) {
    const from = starts[k]!.errors;
    const to = k + 1 < starts.length ? starts[k + 1]!.errors : errors.length;
    segments.push({ start: starts[k]!.index, errors: errors.slice(from, to), items: [] });
  }
  return segments;
}

/** The CST's top-level nodes in source order, each with the offset of its first real token. */
export function topLevelNodes(root: CstNode | undefined, reader: CstReader): { key: 'declaration' | 'stray'; node: CstNode; start: number }[] {
  if (!root) return [];
  return reader.blockItems(root, ['declaration', 'stray']) as { key: 'declaration' | 'stray'; node: CstNode; start: number }[];
}

/** Builds one top-level item with a reader of its own (so its diagnostics and roles stay apart). */
export function buildItem(
  key: 'declaration' | 'stray',
  node: CstNode,
  file: string,
  lines: LineMap,
  errorOffsets: number[],
): TopLevelItem {
  const reader = new CstReader(file, lines, errorOffsets);
  const span = reader.span(node)!;
  const item: TopLevelItem = {
    key,
    start: span.start,
    end: span.end,
    unclosed: false,
    diagnostics: reader.diagnostics,
    roles: [],
    errorsInSpan: errorsWithin(errorOffsets, span.start, span.end),
  };
  if (key === 'declaration') {
    const declaration = buildDeclaration(reader, node);
    if (declaration) {
      item.declaration = declaration;
      item.unclosed = isUnclosedBlock(reader, node);
    }
  } else {
    const token = firstToken(reader, node);
    const collected = new CstReader(file, lines, errorOffsets);
    reportStray(collected, token, 'top');
    item.stray = { report: collected.diagnostics[0], startsLine: token !== undefined && startsItsLine(reader, token) };
  }
  item.roles = [...reader.roles];
  return item;
}

/** The error offsets (sorted) within [start, end], relative to `start`. */
export function errorsWithin(errorOffsets: readonly number[], start: number, end: number): number[] {
  const found: number[] = [];
  let low = 0;
  let high = errorOffsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (errorOffsets[middle]! < start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < errorOffsets.length && errorOffsets[i]! <= end; i++) found.push(errorOffsets[i]! - start);
  return found;
}
