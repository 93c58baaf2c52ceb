/**
 * `holidays from "x.ics"` (fixtures/ical/): every file slac cannot follow is
 * a diagnostic at the path, naming the file and its line, when the
 * agreement is checked (SLA3071-SLA3075); never an internal error later, a
 * hang, or a holiday on a day the file does not name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, type SourceHost } from '../../../language/workspace/index.js';

const fixtures = new URL('./fixtures/ical/', import.meta.url);

function agreementUsing(icsFile: string): string {
  return `agreement A {
  provider "P"
  client "C"
}
calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 08:00-17:00
  holidays from "${icsFile}"
}
channel Email { hours Office }
severity High { default }
metric Response {
  measures first response
  clock Office
  target High 1 hour
}
`;
}

/** The diagnostics of an agreement whose Office calendar reads the fixture `icsFile`. */
function diagnosticsWith(icsFile: string): { code: string; line: number; message: string }[] {
  const host: SourceHost = {
    readFile: (file) => (file === '/p/a.sla' ? agreementUsing(icsFile) : file === `/p/${icsFile}` ? readFileSync(new URL(icsFile, fixtures), 'utf8') : undefined),
  };
  return analyze('/p/a.sla', host).diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message }));
}

describe('a holiday file slac cannot follow is a diagnostic at its path', () => {
  it.each([
    // Not iCalendar at all (SLA3071), with the line where known.
    { file: 'not-ical.ics', code: 'SLA3071', says: "'not-ical.ics' is not a usable iCalendar file (line 1)" },
    { file: 'empty.ics', code: 'SLA3071', says: 'the file is empty' },
    { file: 'no-end.ics', code: 'SLA3071', says: '(line 7): END:VCALENDAR closes BEGIN:VEVENT of line 3' },
    { file: 'bare-vevent.ics', code: 'SLA3071', says: '(line 1): BEGIN:VEVENT comes before BEGIN:VCALENDAR' },
    // Dates (SLA3072): a day that does not exist is not rolled over to March.
    { file: 'dtstart-not-a-date.ics', code: 'SLA3072', says: "line 6: DTSTART '2026XX01'" },
    { file: 'dtstart-day-missing.ics', code: 'SLA3072', says: "line 6: DTSTART '20260230'" },
    // Rule parts (SLA3073).
    { file: 'freq-bogus.ics', code: 'SLA3073', says: "line 7: the RRULE part 'FREQ=BOGUS'" },
    { file: 'bymonth-13.ics', code: 'SLA3073', says: "'BYMONTH=13' must be 1 to 12" },
    { file: 'bymonthday-32.ics', code: 'SLA3073', says: "'BYMONTHDAY=32'" },
    { file: 'byday-xx.ics', code: 'SLA3073', says: "'BYDAY=XX'" },
    { file: 'byyearday-400.ics', code: 'SLA3073', says: "'BYYEARDAY=400'" },
    { file: 'byweekno-60.ics', code: 'SLA3073', says: "'BYWEEKNO=60'" },
    { file: 'until-garbage.ics', code: 'SLA3073', says: "'UNTIL=garbage' is not a date" },
    { file: 'interval-0.ics', code: 'SLA3073', says: "'INTERVAL=0'" },
    { file: 'secondly.ics', code: 'SLA3073', says: "'FREQ=SECONDLY' repeats within a day" },
    { file: 'minutely.ics', code: 'SLA3073', says: "'FREQ=MINUTELY' repeats within a day" },
    { file: 'hourly.ics', code: 'SLA3073', says: "'FREQ=HOURLY' repeats within a day" },
    // Rules that never occur (SLA3074).
    { file: 'count-0.ics', code: 'SLA3074', says: "line 7: the event 'Closed' never occurs: COUNT=0" },
    { file: 'february-30.ics', code: 'SLA3074', says: "line 7: the event 'Closed' never occurs" },
    // A calendar the file never lets open (SLA3075).
    { file: 'every-day.ics', code: 'SLA3075', says: "Calendar 'Office' is never open from 2020-01-01 on" },
    { file: 'every-weekday.ics', code: 'SLA3075', says: 'from 2025-01-06 on' },
    { file: 'every-day-until-2399.ics', code: 'SLA3075', says: 'from 2020-01-01 to 2399-12-31' },
  ])('$file: $code', ({ file, code, says }) => {
    const diagnostics = diagnosticsWith(file);
    expect(diagnostics.map((d) => `${d.code} line ${d.line}`)).toEqual([`${code} line 7`]); // the path, on the calendar's 8th line
    expect(diagnostics[0]!.message).toContain(says);
    expect(diagnostics[0]!.message).toContain(`'${file}'`);
  });

  it.each(['plain.ics', 'leap-day.ics', 'every-friday.ics'])('%s is fine', (file) => {
    expect(diagnosticsWith(file)).toEqual([]);
  });

  it('leap-day-from-january.ics is read, with a warning: DTSTART 2026-01-05 is no 29 February, and only the rule days are holidays (SLA3095)', () => {
    const diagnostics = diagnosticsWith('leap-day-from-january.ics');
    expect(diagnostics.map((d) => `${d.code} line ${d.line}`)).toEqual(['SLA3095 line 7']);
    expect(diagnostics[0]!.message).toContain("'leap-day-from-january.ics' line 6: the event 'Leap day' (UID 1) starts on 2026-01-05");
    expect(diagnostics[0]!.message).toContain('the days of the rule only: 2028-02-29, 2032-02-29, 2036-02-29, ...');
  });
});
