import type { FoldingRange } from 'vscode-languageserver-types';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import type { Range } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { splitLines } from './lines.js';

/**
 * Folding ranges: every block over several lines (declarations, holidays,
 * participants, agenda, report), every text block, and every run of two or
 * more line comments (or a block comment over several lines). Each pair
 * of lines is folded once: a clause that is one text block, or a block
 * statement opened on its declaration's first line and closed on its last,
 * gave two ranges from the same line to the same line (the first kept).
 */
export function foldingRanges(document: ServiceDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const folded = new Set<string>();
  const add = (range: Range | undefined, kind?: FoldingRangeKind) => {
    if (!range || range.end.line <= range.start.line) return;
    const lines = `${range.start.line}:${range.end.line}`;
    if (folded.has(lines)) return;
    folded.add(lines);
    ranges.push({ startLine: range.start.line, endLine: range.end.line, ...(kind ? { kind } : {}) });
  };
  for (const declaration of document.parse.document?.declarations ?? []) {
    if (!declaration) continue;
    add(declaration.range);
    for (const statement of statementsOf(declaration)) {
      if (statement && ['Holidays', 'Participants', 'Agenda', 'Report'].includes(statement.kind)) add(statement.range);
    }
  }
  for (const token of document.parse.tokens ?? []) {
    if (token.type === 'textBlock') add(token.range);
  }
  addCommentRuns(document, add);
  return ranges;
}

function statementsOf(declaration: object): { kind: string; range: Range }[] {
  const statements = (declaration as { statements?: unknown }).statements;
  return Array.isArray(statements) ? statements : [];
}

function addCommentRuns(document: ServiceDocument, add: (range: Range, kind?: FoldingRangeKind) => void): void {
  const comments = (document.parse.tokens ?? []).filter((t) => t.type === 'comment');
  const lines = splitLines(document.text);
  const isAlone = (range: Range) => (lines[range.start.line] ?? '').slice(0, range.start.character).trim() === '';
  let runStart: Range | undefined;
  let runEnd: Range | undefined;
  const flush = () => {
    if (runStart && runEnd) add({ start: runStart.start, end: runEnd.end }, FoldingRangeKind.Comment);
  };
  for (const comment of comments) {
    if (comment.text.startsWith('/*')) {
      flush();
      runStart = runEnd = undefined;
      add(comment.range, FoldingRangeKind.Comment);
      continue;
    }
    if (runEnd && comment.range.start.line === runEnd.end.line + 1 && isAlone(comment.range)) {
      runEnd = comment.range;
    } else {
      flush();
      runStart = runEnd = isAlone(comment.range) ? comment.range : undefined;
    }
  }
  flush();
}
