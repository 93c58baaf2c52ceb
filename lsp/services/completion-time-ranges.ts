import type { CompletionItem } from 'vscode-languageserver-types';
import { daysOfSpan, intervalsOverlap, weeklyIntervals } from '../../language/checker/hours.js';
import type { CalendarDeclaration, WeekdayName, WeekdaySpan } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { valueItem } from './completion-items.js';
import { declarationAt, type ServiceDocument } from './document.js';

/*
 * The time ranges completion offers in a calendar's `hours` line, as the
 * checker judges them: none that overlaps the calendar's other hours on a
 * day the line lists, nor a range the line has already (SLA3002). After
 * `hours Mon-Fri 09:00-12:00, ` every usual range but the night shift
 * overlapped the morning; the afternoon after a lunch break and the
 * evening are offered there instead.
 */

const USUAL: readonly (readonly [string, string])[] = [
  ['09:00-17:00', 'office hours'],
  ['08:00-18:00', 'extended office hours'],
  ['00:00-24:00', 'around the clock'],
  ['22:00-06:00', 'a night shift crossing midnight'],
];

/** After a comma, the second part of a day. */
const LATER: readonly (readonly [string, string])[] = [
  ['13:00-17:00', 'the afternoon, after a lunch break'],
  ['14:00-18:00', 'the afternoon, after a long lunch break'],
  ['18:00-22:00', 'the evening'],
];

const SPAN = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?\b/g;
const RANGE = /\b(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})\b/g;

/** Usual opening hours, for `hours Mon-Fri |` and after a comma (`afterRange`); in a calendar, those that fit the line `before` the cursor. */
export function timeRangeItemsAt(document: ServiceDocument, position: Position, before: string, afterRange: boolean): CompletionItem[] {
  const candidates = afterRange ? [...USUAL, ...LATER] : USUAL;
  const fits = rangeFits(document, position, before);
  return candidates.filter(([range]) => fits(range)).map(([range, detail]) => valueItem(range, detail));
}

/** Whether a range written at the end of the `hours` line `before` the cursor leaves the calendar's week without an overlap. */
function rangeFits(document: ServiceDocument, position: Position, before: string): (range: string) => boolean {
  const calendar = declarationAt(document, position);
  const start = before.lastIndexOf('hours');
  if (calendar?.kind !== 'Calendar' || start < 0) return () => true;
  const written = before.slice(start + 'hours'.length);
  const firstRange = written.search(/\d/);
  const dayList = firstRange < 0 ? written : written.slice(0, firstRange);
  const days = [...dayList.matchAll(SPAN)].flatMap((match) => daysOfSpan({ kind: 'WeekdaySpan', from: match[1] as WeekdayName, to: match[2] as WeekdayName | undefined } as WeekdaySpan));
  const others = weeklyIntervals({
    ...calendar,
    statements: (calendar.statements ?? []).filter((statement) => statement !== undefined && statement.range.start.line !== position.line),
  } as CalendarDeclaration);
  const onTheLine = (range: string) => [...range.matchAll(RANGE)].flatMap((match) => week(days, match));
  const taken = [...others, ...onTheLine(firstRange < 0 ? '' : written.slice(firstRange))];
  return (range) => onTheLine(range).every((interval) => taken.every((other) => !intervalsOverlap(interval, other)));
}

/** A range on each of `days` (ISO numbers) as minutes of the week, crossing midnight past the day's end. */
function week(days: number[], match: RegExpMatchArray): { start: number; end: number }[] {
  const start = Number(match[1]) * 60 + Number(match[2]);
  const written = Number(match[3]) * 60 + Number(match[4]);
  if (start >= 1440 || written === start) return [];
  const end = written > start ? written : written + 1440;
  return days.map((day) => ({ start: (day - 1) * 1440 + start, end: (day - 1) * 1440 + end }));
}
