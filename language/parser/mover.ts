import type { LineMap } from '../lexer/line-map.js';
import type { TextEdit } from '../lexer/text-edit.js';
import { comparePositions, type Position } from '../syntax/range.js';
import type { Segment, SyntaxError, TopLevelItem } from './top-level.js';

/**
 * Moves the parts of a parse that lie after an edit to where they are in
 * the new text: offsets by the edit's change of length, positions by its
 * change of lines (and, on the line the edit ends on, of characters).
 * Kept parts are shared between versions, so moved ones are copies.
 */
export class Mover {
  private readonly oldEnd: Position;
  private readonly newEnd: Position;
  /** Set when a part held a position before the edit's end: it cannot be moved. */
  private failed = false;

  constructor(oldLines: LineMap, newLines: LineMap, private readonly edit: TextEdit) {
    this.oldEnd = oldLines.positionAt(edit.oldEnd);
    this.newEnd = newLines.positionAt(edit.newEnd);
  }

  /** A kept segment after the edit, moved; undefined when some part of it cannot be moved. */
  segment(segment: Segment, tokenShift: number): Segment | undefined {
    this.failed = false;
    const moved: Segment = {
      start: segment.start + tokenShift,
      errors: segment.errors.map((error) => this.error(error)),
      items: segment.items.map((item) => this.item(item)),
    };
    return this.failed ? undefined : moved;
  }

  private error(error: SyntaxError): SyntaxError {
    return { offset: error.offset + this.edit.delta, diagnostic: this.deep(error.diagnostic) };
  }

  private item(item: TopLevelItem): TopLevelItem {
    const delta = this.edit.delta;
    // Positions move when lines were added or removed, or when the item starts on the line the edit ends on.
    const positions = this.linesMoved() || this.touchesEditLine(item);
    const moved: TopLevelItem = {
      ...item,
      start: item.start + delta,
      end: item.end + delta,
      diagnostics: positions ? item.diagnostics.map((d) => this.deep(d)) : item.diagnostics,
      roles: delta === 0 ? item.roles : item.roles.map(([offset, role]) => [offset + delta, role]),
    };
    if (item.declaration && positions) moved.declaration = this.deep(item.declaration);
    if (item.stray?.report && positions) moved.stray = { ...item.stray, report: this.deep(item.stray.report) };
    return moved;
  }

  private linesMoved(): boolean {
    return this.oldEnd.line !== this.newEnd.line;
  }

  private touchesEditLine(item: TopLevelItem): boolean {
    if (this.oldEnd.character === this.newEnd.character) return false;
    const first = item.declaration?.range.start ?? item.stray?.report?.range.start;
    return first === undefined || first.line === this.oldEnd.line;
  }

  /** A copy of a plain tree (syntax nodes, diagnostics) with every position moved. */
  private deep<T>(value: T): T {
    if (Array.isArray(value)) return value.map((element) => this.deep(element)) as T;
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record['line'] === 'number' && typeof record['character'] === 'number' && Object.keys(record).length === 2) {
      return this.position(record as unknown as Position) as T;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(record)) copy[key] = this.deep(record[key]);
    return copy as T;
  }

  private position(position: Position): Position {
    if (comparePositions(position, this.oldEnd) < 0) {
      this.failed = true;
      return position;
    }
    if (position.line === this.oldEnd.line) {
      return { line: this.newEnd.line, character: position.character - this.oldEnd.character + this.newEnd.character };
    }
    return { line: position.line - this.oldEnd.line + this.newEnd.line, character: position.character };
  }
}
