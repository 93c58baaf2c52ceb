/**
 * A recurring all-day event whose DTSTART is not a day its RRULE gives
 * (Monday 5 January 2026 with FREQ=WEEKLY;BYDAY=TU): RFC 5545 leaves such a
 * recurrence set undefined, and ical.js took DTSTART for some rules (DAILY,
 * BYSETPOS=-1) and not for others (WEEKLY), without a word. slac takes the
 * rule's days only, COUNT counting them, for every rule, and says so
 * (SLA3095, a warning naming the file, the line of DTSTART, the event and
 * the days taken); the document's holiday table and `slac check` agree.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';
import { officeReadingDaysIcs } from './holiday-file-fixtures.js';

/** Each event: UID (or none), SUMMARY, DTSTART, RRULE; the DTSTART lines are 7, 13, 19 and 25. */
const EVENTS: [string | undefined, string, string, string][] = [
  ['tue', 'Team day', '20260105', 'FREQ=WEEKLY;BYDAY=TU;COUNT=2'], // a Monday
  [undefined, 'Thursday', '20260121', 'FREQ=DAILY;BYDAY=TH;COUNT=2'], // a Wednesday
  ['setpos', 'Month end', '20260202', 'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;COUNT=2'], // the first Monday, not the last
  ['first', 'Month start', '20260601', 'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1;COUNT=2'], // fits: no warning
];

const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
  ...EVENTS.flatMap(([uid, summary, start, rule]) => ['BEGIN:VEVENT', uid ? `UID:${uid}` : 'X-NO-UID:1', `SUMMARY:${summary}`, `DTSTART;VALUE=DATE:${start}`, `RRULE:${rule}`, 'END:VEVENT']),
  'END:VCALENDAR', '',
].join('\r\n');

const SLA = officeReadingDaysIcs();

/** Tickets at 16:00 the day DTSTART names: one hour that day when it is open, then the next open day. */
const LOG = 'ticket,time,event\nT1,2026-01-05T16:00:00+01:00,created\nT2,2026-01-21T16:00:00+01:00,created\nT3,2026-02-02T16:00:00+01:00,created\n';

function folder(): string {
  const dir = freshFolder('unsynchronized-start');
  write(dir, 'days.ics', ICS);
  write(dir, 'a.sla', SLA);
  write(dir, 'log.csv', LOG);
  return dir;
}

const WARNINGS = [
  "'days.ics' line 7: the event 'Team day' (UID tue) starts on 2026-01-05, a day its RRULE does not give",
  "'days.ics' line 13: the event 'Thursday' starts on 2026-01-21, a day its RRULE does not give",
  "'days.ics' line 19: the event 'Month end' (UID setpos) starts on 2026-02-02, a day its RRULE does not give",
];

describe('a recurring all-day event whose DTSTART its RRULE does not give, through the built CLI', () => {
  it('validate warns, once per such event, with the days taken', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['validate', 'a.sla'], folder());
    expect(run.code).toBe(0);
    const output = run.stdout + run.stderr;
    expect(output.match(/SLA3095/g)).toHaveLength(3);
    for (const warning of WARNINGS) expect(output).toContain(warning);
    expect(output).toContain('slac takes the days of the rule only: 2026-01-06, 2026-01-13');
    expect(output).toContain('2026-01-22, 2026-01-29');
    expect(output).toContain('2026-02-24, 2026-03-31');
  });

  it('the document lists the rule days only, and check counts DTSTART as open, as the document says', { timeout: 60_000 }, () => {
    const dir = folder();
    const compile = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], dir);
    expect(compile.stderr.match(/SLA3095/g)).toHaveLength(3);
    const listed = compile.stdout.split('\n').filter((line) => line.endsWith('| Closed |') && /\| \w+ \d/.test(line)).map((line) => line.split('|')[1]!.trim());
    expect(listed).toEqual([
      'Tuesday 6 January 2026', 'Tuesday 13 January 2026', 'Thursday 22 January 2026', 'Thursday 29 January 2026',
      'Tuesday 24 February 2026', 'Tuesday 31 March 2026', 'Monday 1 June 2026', 'Monday 6 July 2026',
    ]);
    const check = runBuiltCli(['check', 'a.sla', 'log.csv', '--format', 'csv', '--as-of', '2026-04-01T00:00:00Z'], dir);
    expect(check.code).toBe(0);
    const due = (ticket: string): string | undefined => check.stdout.split('\n').find((line) => line.startsWith(`${ticket},`))?.split(',')[7];
    // DTSTART open (an hour to 17:00), the rule's next day a holiday, then an hour the day after.
    expect(due('T1')).toBe('2026-01-07T10:00:00+01:00');
    expect(due('T2')).toBe('2026-01-23T10:00:00+01:00');
    expect(due('T3')).toBe('2026-02-03T10:00:00+01:00');
  });
});

describe('BYSETPOS, counted by slac: ical.js gives a Tuesday for BYDAY=MO,TU,WE;BYSETPOS=1 from a Tuesday', () => {
  it('validate warns that Tuesday 6 January is not a day of the rule (its days are Mondays)', { timeout: 60_000 }, () => {
    const dir = freshFolder('unsynchronized-setpos');
    write(dir, 'a.sla', SLA);
    write(dir, 'days.ics', ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:w', 'SUMMARY:Week start',
      'DTSTART;VALUE=DATE:20260106', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=1', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const run = runBuiltCli(['validate', 'a.sla'], dir);
    expect(run.stdout + run.stderr).toContain("'days.ics' line 7: the event 'Week start' (UID w) starts on 2026-01-06, a day its RRULE does not give");
  });
});
