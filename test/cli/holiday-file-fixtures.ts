/**
 * What the tests of holiday files (`holidays from "days.ics"`) share: an
 * agreement whose one calendar reads the file, the file of recurring
 * all-day events they write, and the rows of the document's holiday table.
 */

/** An agreement whose Office calendar (Europe/Berlin, `hours`) takes its holidays from days.ics, with a 2-hour resolution target. */
export function officeReadingDaysIcs(hours = 'Mon-Fri 09:00-17:00'): string {
  return `agreement A { provider "P" client "C" effective 2026-01-01 }
calendar Office {
  timezone "Europe/Berlin"
  hours ${hours}
  holidays from "days.ics"
}
severity Normal { description "Any request." default }
metric Resolution { measures resolution clock Office target 2 hours }
`;
}

/** An iCalendar file of recurring all-day events, each [SUMMARY, DTSTART date, RRULE], with UIDs 0, 1, ... in order. */
export function recurringAllDayEvents(events: readonly (readonly [string, string, string])[]): string {
  const lines = events.flatMap(([summary, start, rule], index) => ['BEGIN:VEVENT', `UID:${index}`, `SUMMARY:${summary}`, `DTSTART;VALUE=DATE:${start}`, `RRULE:${rule}`, 'END:VEVENT']);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

/** The rows of `compile --format md`'s holiday tables for the holidays named, as 'Monday 5 January 2026: Week start'. */
export function listedHolidays(markdown: string, names: readonly string[]): string[] {
  return markdown
    .split('\n')
    .filter((line) => names.some((name) => line.includes(` | ${name} | `)))
    .map((line) => line.split('|').slice(1, 3).map((cell) => cell.trim()).join(': '));
}
