import type { Position } from '../../language/syntax/range.js';
import { declarationAt, type ServiceDocument } from './document.js';

/*
 * The example entries completion offers in a `holidays { }` block, with a
 * date the calendar does not list yet: a second line for one day is
 * SLA3021, so the snippet's default must be valid as it stands in a block
 * that already has Christmas Eve (`annually 12-24`), as hosting.sla's has.
 */

const DATED: readonly (readonly [string, string])[] = [
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-26', 'Boxing Day'],
  ['2026-12-31', "New Year's Eve"],
  ['2027-01-01', "New Year's Day"],
];

const ANNUAL: readonly (readonly [string, string])[] = [
  ['12-24', 'Christmas Eve'],
  ['12-25', 'Christmas Day'],
  ['12-26', 'Boxing Day'],
  ['12-31', "New Year's Eve"],
  ['01-01', "New Year's Day"],
];

/** The snippet bodies of a dated and a yearly holiday line for the holidays block at the cursor. */
export function holidayEntryBodies(document: ServiceDocument, position: Position): { dated: string; annual: string } {
  const { dates, monthDays } = listedDays(document, position);
  const [date, dateName] = DATED.find(([day]) => !dates.has(day)) ?? [freeDay(dates, '2027-01-02', 0), 'Holiday'];
  const [monthDay, monthDayName] = ANNUAL.find(([day]) => !monthDays.has(day)) ?? [freeDay(monthDays, '2027-01-02', 5), 'Holiday'];
  return { dated: `\${1:${date}} "\${2:${dateName}}"`, annual: `annually \${1:${monthDay}} "\${2:${monthDayName}}"` };
}

/** The dates and month-days the holidays blocks of the calendar at the cursor list (SLA3021 counts across them). */
function listedDays(document: ServiceDocument, position: Position): { dates: Set<string>; monthDays: Set<string> } {
  const dates = new Set<string>();
  const monthDays = new Set<string>();
  const calendar = declarationAt(document, position);
  if (calendar?.kind !== 'Calendar') return { dates, monthDays };
  for (const statement of calendar.statements ?? []) {
    if (statement?.kind !== 'Holidays') continue;
    for (const entry of statement.entries ?? []) {
      if (entry?.date) dates.add(entry.date.text);
      if (entry?.monthDay) monthDays.add(entry.monthDay.text);
    }
  }
  return { dates, monthDays };
}

/** The first day from `first` on that `taken` does not hold, as YYYY-MM-DD (`slice` 0) or MM-DD (`slice` 5). */
function freeDay(taken: ReadonlySet<string>, first: string, slice: 0 | 5): string {
  const day = new Date(`${first}T00:00:00Z`);
  for (let i = 0; i < 366; i++) {
    const text = day.toISOString().slice(slice, 10);
    if (!taken.has(text)) return text;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return first.slice(slice);
}
