import type { CompletionItem } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import { declarationItem, keywordItem, valueItem } from './completion-items.js';
import type { ServiceDocument } from './document.js';
import type { DeclarationSymbol } from './language.js';
import { timeRangeItemsAt } from './completion-time-ranges.js';
import { quotedTimeZoneItems } from './time-zones.js';

const weekday = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const weekdays = weekday.split('|');
const timeRange = /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/;
const daySpan = `(?:${weekday})(?:-(?:${weekday}))?`;
/** `hours Mon, Wed-Fri ` (the time ranges next) or `hours Mon, ` (another day next, group 1 the comma). */
const dayList = new RegExp(`(?:^|[{}\\s])hours\\s+(?:${daySpan}\\s*,\\s*)*${daySpan}(?:\\s*(,)\\s*|\\s+)$`);
/** The named kinds `override` may start (`override metric Fix`); the once-only blocks it may start follow the imports. */
export const OVERRIDABLE_NAMED_KINDS: readonly string[] = ['calendar', 'channel', 'severity', 'metric', 'param'];
const overridable = new Set(OVERRIDABLE_NAMED_KINDS);

/**
 * Completion in the middle of a statement, where the words typed so far
 * say what comes next and the word-by-word rules cannot see it:
 * - `hours Mon-` (the last day of the range);
 * - `hours Mon-Fri 09:00-12:00, ` (another time range);
 * - `hours Mon, ` (another weekday) and `hours Mon, Wed ` (the time ranges);
 * - `when Uptime ` in credits (`below`);
 * - `override metric ` (the imported names of that kind: only those can be overridden);
 * - `timezone ` before the quote (the zones, quoted).
 * `before` is the line up to the cursor without the word being typed.
 * Undefined when none applies.
 */
export function midStatementItems(
  document: ServiceDocument,
  context: string,
  words: string[],
  before: string,
  position: Position,
  line: string,
): CompletionItem[] | undefined {
  const previous = words[words.length - 1];
  const beforePrevious = words[words.length - 2];
  const inCalendar = context === 'calendar' || context === 'holidays';
  if (inCalendar && previous && new RegExp(`^(${weekday})-$`).test(previous) && words.includes('hours')) {
    return lastDayItems(previous.slice(0, -1), listedDays(before.slice(0, before.length - previous.length)));
  }
  if (inCalendar && previous && timeRange.test(previous) && /,\s*$/.test(before) && words.includes('hours')) {
    return context === 'calendar' ? timeRangeItemsAt(document, position, before, true) : timeRangeItems();
  }
  const days = context === 'calendar' ? dayList.exec(before) : null;
  if (days) return days[1] ? weekdayItems(listedDays(days[0])) : timeRangeItemsAt(document, position, before, false);
  if (context === 'credits' && beforePrevious === 'when' && previous && /^[A-Za-z_]\w*$/.test(previous)) return [keywordItem('below', 'credits')];
  if (context === 'top' && beforePrevious === 'override' && previous && overridable.has(previous)) {
    return importedNames(document, previous as DeclarationSymbol['kind']);
  }
  if (context === 'calendar' && /(^|[{}])\s*timezone\s+$/.test(before)) return quotedTimeZoneItems(position, line);
  return undefined;
}

/** The declarations of `kind` that come from imported files: what `override KIND` may name. */
function importedNames(document: ServiceDocument, kind: DeclarationSymbol['kind']): CompletionItem[] {
  return document.analysis.symbols
    .visibleDeclarations(document.file, kind)
    .filter((symbol) => symbol.file !== document.file)
    .map((symbol, i) => declarationItem(document, symbol, i));
}

/** The days (0 for Mon) a span covers: `Mon-Fri`, `Sun-Thu` wrapping past Sunday, `Wed` alone. */
function daysOf(span: string): number[] {
  const [from, to = from] = span.split('-').map((day) => weekdays.indexOf(day));
  const count = ((to! - from! + 7) % 7) + 1;
  return Array.from({ length: count }, (_, i) => (from! + i) % 7);
}

/** The days the spans of an `hours` statement's day list, up to the cursor, cover (`hours Mon, Wed-Fri, `). */
function listedDays(list: string): Set<number> {
  const statement = list.slice(list.lastIndexOf('hours'));
  return new Set([...statement.matchAll(new RegExp(daySpan, 'g'))].flatMap((match) => daysOf(match[0])));
}

/**
 * The last days of a range from `first` (`hours Mon-`): the six others in
 * order, wrapping past Sunday (`Sun-Thu`, `Fri-Mon`), none that would take
 * in a day the statement lists already (SLA3002, the hours overlapping).
 */
function lastDayItems(first: string, listed: ReadonlySet<number>): CompletionItem[] {
  const ends = weekdays.slice(weekdays.indexOf(first) + 1).concat(weekdays.slice(0, weekdays.indexOf(first)));
  return ends
    .filter((day) => daysOf(`${first}-${day}`).every((covered) => !listed.has(covered)))
    .map((day, i) => valueItem(day, `${first}-${day}: the last day of the range`, String(i)));
}

/**
 * The weekdays and usual spans of them, for `hours |` and after a comma
 * between days: none covering a day the list has already (SLA3002).
 */
export function weekdayItems(listed: ReadonlySet<number> = new Set()): CompletionItem[] {
  const spans = ['Mon-Fri', 'Mon-Sun', 'Mon-Thu', 'Sat-Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return spans
    .filter((span) => daysOf(span).every((day) => !listed.has(day)))
    .map((span, i) => valueItem(span, span.includes('-') ? 'a range of weekdays' : 'one weekday', String(i).padStart(2, '0')));
}

/** Usual opening hours, for `hours Mon-Fri |` and after a comma. */
export function timeRangeItems(): CompletionItem[] {
  return [
    valueItem('09:00-17:00', 'office hours'),
    valueItem('08:00-18:00', 'extended office hours'),
    valueItem('00:00-24:00', 'around the clock'),
    valueItem('22:00-06:00', 'a night shift crossing midnight'),
  ];
}
