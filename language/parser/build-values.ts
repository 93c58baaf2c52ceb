import type { CstNode, IToken } from 'chevrotain';
import { stringValue, textBlockValue } from '../lexer/literals.js';
import type {
  DateLiteral, DurationLiteral, DurationUnit, Name, NumberLiteral, PercentLiteral, Reference, ReferenceKind,
  StringLiteral, Text, TimeOfDay, TimeRange, WeekdayName, WeekdaySpan,
} from '../syntax/ast.js';
import { joinRanges } from '../syntax/range.js';
import type { CstReader } from './cst-reader.js';
import { unitHint } from './unit-hints.js';

/** Literal values of the syntax tree, read defensively from tokens and small rules. */

export function stringLiteral(reader: CstReader, token: IToken | undefined): StringLiteral | undefined {
  if (!reader.isReal(token)) return undefined;
  return { kind: 'String', value: stringValue(token.image).value, range: reader.tokenRange(token) };
}

/**
 * `term Business Hours "..."`: the name's words without their quotes, read
 * as the name they spell, with one SLA1026 saying how to write it.
 */
export function bareTerm(reader: CstReader, tokens: readonly IToken[]): StringLiteral | undefined {
  const words = tokens.filter((token) => reader.isReal(token));
  if (words.length === 0) return undefined;
  const range = joinRanges(reader.tokenRange(words[0]!), reader.tokenRange(words[words.length - 1]!));
  const value = words.map((word) => word.image).join(' ');
  // The quoted name, for an editor's quick fix (lsp/services/code-actions.ts).
  reader.report('SLA1026', range, { name: value }, { data: { quotedName: `"${value}"` } });
  return { kind: 'String', value, range };
}

/** A `text` rule: a one-line string or a text block. */
export function text(reader: CstReader, node: CstNode | undefined): Text | undefined {
  const block = reader.token(node, 'TextBlockLike');
  if (block) return { kind: 'TextBlock', value: textBlockValue(block.image), range: reader.tokenRange(block) };
  return stringLiteral(reader, reader.token(node, 'StringLike'));
}

/** A name as written; the token is marked as a name for editors even when it spells a keyword. */
export function name(reader: CstReader, token: IToken | undefined): Name | undefined {
  if (!reader.isReal(token)) return undefined;
  reader.markRole(token, 'name');
  return { text: token.image, range: reader.tokenRange(token) };
}

/** A name that refers to a declaration of the kind the position expects. */
export function reference(reader: CstReader, token: IToken | undefined, expects: ReferenceKind): Reference | undefined {
  const written = name(reader, token);
  return written && { text: written.text, range: written.range, expects };
}

/** A whole or decimal number as written. */
export function numberLiteral(reader: CstReader, token: IToken | undefined): NumberLiteral | undefined {
  if (!reader.isReal(token)) return undefined;
  return { kind: 'Number', value: Number(token.image), text: token.image, range: reader.tokenRange(token) };
}

/** `99.9%`, valued 99.9; the checker reports values outside 0-100. */
export function percentLiteral(reader: CstReader, token: IToken | undefined): PercentLiteral | undefined {
  if (!reader.isReal(token)) return undefined;
  return { kind: 'Percent', value: Number(token.image.slice(0, -1)), text: token.image, range: reader.tokenRange(token) };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const limit = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
  return day <= limit;
}

/** A date as written; an impossible one (2026-02-30) is reported and kept. */
export function dateLiteral(reader: CstReader, token: IToken | undefined): DateLiteral | undefined {
  if (!reader.isReal(token)) return undefined;
  const range = reader.tokenRange(token);
  if (!isValidDate(token.image)) reader.report('SLA1020', range, { text: token.image });
  return { kind: 'Date', text: token.image, range };
}

/** A time of day; an impossible one (25:00, 12:60, 24:30) is reported and left out. */
export function timeOfDay(reader: CstReader, token: IToken | undefined): TimeOfDay | undefined {
  if (!reader.isReal(token)) return undefined;
  const range = reader.tokenRange(token);
  const [hours, minutes] = token.image.split(':').map(Number) as [number, number];
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    reader.report('SLA1021', range, { text: token.image });
    return undefined;
  }
  return { kind: 'Time', text: token.image, minutes: hours * 60 + minutes, range };
}

/** `08:00-12:00`; an impossible time is reported and left undefined. */
export function timeRange(reader: CstReader, node: CstNode): TimeRange {
  return {
    kind: 'TimeRange',
    start: timeOfDay(reader, reader.token(node, 'start')),
    end: timeOfDay(reader, reader.token(node, 'end')),
    range: reader.range(node),
  };
}

/** The ranges of a `timeRanges` rule (`08:00-12:00, 13:00-17:00`). */
export function timeRanges(reader: CstReader, node: CstNode | undefined): TimeRange[] {
  return reader.nodes(node, 'timeRange').filter((child) => reader.span(child)).map((child) => timeRange(reader, child));
}

/** `Mon` or `Mon-Fri`. */
export function weekdaySpan(reader: CstReader, node: CstNode): WeekdaySpan {
  return {
    kind: 'WeekdaySpan',
    from: reader.token(node, 'from')?.image as WeekdayName | undefined,
    to: reader.token(node, 'to')?.image as WeekdayName | undefined,
    range: reader.range(node),
  };
}

const UNITS: Record<string, DurationUnit> = {
  minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour', day: 'day', days: 'day',
  week: 'week', weeks: 'week', month: 'month', months: 'month',
  'business day': 'business day', 'business days': 'business day',
};

/** The words that are present (not undefined or empty), joined by a space; no arrays on this hot path. */
function joinWords(first: string | undefined, second: string | undefined): string {
  if (first && second) return `${first} ${second}`;
  return first || second || '';
}

/** `2 business days`; an unknown or missing unit is reported (unless recovery already explained the line). */
export function duration(reader: CstReader, node: CstNode | undefined): DurationLiteral | undefined {
  if (!node || !reader.span(node)) return undefined;
  const amountToken = reader.token(node, 'Number');
  const business = reader.token(node, 'kw_business');
  const unitToken = reader.token(node, 'unit');
  // The second word of an unknown two-word unit (`working days`).
  const unitTail = reader.token(node, 'unitTail');
  const unitText = joinWords(joinWords(business?.image, unitToken?.image), unitTail?.image);
  const unit = UNITS[unitText];
  reader.markRole(business, 'unit');
  reader.markRole(unitToken, 'unit');
  reader.markRole(unitTail, 'unit');
  if (!business && !unitToken && amountToken && !reader.isBroken(node)) {
    reader.report('SLA1027', reader.lines.rangeAt(amountToken.startOffset, amountToken.image.length), { amount: amountToken.image });
  }
  if (!unit && unitToken && !reader.isBroken(node)) {
    const start = (business ?? unitToken).startOffset;
    const last = unitTail ?? unitToken;
    const { hint, suggestion } = unitHint(unitText, amountToken?.image);
    const range = reader.lines.rangeAt(start, last.startOffset + last.image.length - start);
    reader.report('SLA1022', range, { text: unitText, hint }, suggestion === undefined ? {} : { data: { suggestion } });
  }
  return {
    kind: 'Duration',
    amount: amountToken ? Number(amountToken.image) : undefined,
    unit,
    text: joinWords(amountToken?.image, unitText),
    range: reader.range(node),
  };
}
