import { cpSync, existsSync, linkSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, expectEveryRecordAccounted, fixtures, outputFolder, slac } from './helpers.js';

/**
 * `slac init --from zendesk-tables` on the exports that used to give a
 * wrong or invalid draft (test/import/fixtures/zendesk-tables-init/, one
 * folder per case; README.md there says what each holds), through the built
 * executable. Every draft must pass `slac validate`, every row must be
 * accounted for, and every skipped row is listed with file, line and reason.
 */

const out = outputFolder('zendesk-tables-init');
const cases = `${fixtures}/zendesk-tables-init`;

interface DraftCase {
  /** The fixture folder under zendesk-tables-init/. */
  folder: string;
  /** Text the draft holds. */
  draft: string[];
  /** Text the draft must not hold. */
  notInDraft?: string[];
  /** Lines of the summary on stderr; `@/` is the fixture folder. */
  stderr: string[];
}

const table: DraftCase[] = [
  {
    folder: 'business-hours',
    draft: [
      // t, 1 and yes are business hours, as TRUE is; f and 0 are calendar hours.
      'metric PolicyptFirstReply {\n  measures first response\n  clock Office\n',
      'metric Policyp1FirstReply {\n  measures first response\n  clock Office\n',
      'metric PolicypyesFirstReply {\n  measures first response\n  clock Office\n',
      'metric PolicypfFirstReply {\n  measures first response\n  clock AroundTheClock\n',
      'metric Policyp0FirstReply {\n  measures first response\n  clock AroundTheClock\n',
    ],
    notInDraft: ['PolicypYFirstReply', 'PolicypgarbageFirstReply', 'PolicypFirstReply'],
    stderr: [
      '  skipped, targets whose business_hours is neither true nor false: 3',
      "  @/sla_policy_metric_history.csv:8: policy pY: first_reply_time for 'urgent': business_hours 'Y' is neither true nor false (true/false, t/f, 1/0, yes/no)",
      "  @/sla_policy_metric_history.csv:12: policy p: first_reply_time for 'urgent': business_hours '' is neither true nor false (true/false, t/f, 1/0, yes/no)",
      "  @/sla_policy_metric_history.csv:13: policy pgarbage: first_reply_time for 'urgent': business_hours 'garbage' is neither true nor false (true/false, t/f, 1/0, yes/no)",
    ],
  },
  {
    folder: 'no-schedule',
    draft: ['// Zendesk SLA policy 1, first_reply_time, in business hours, but no schedule was read: on AroundTheClock until you give it the business-hours calendar.\nmetric Policy1FirstReply {'],
    stderr: ['note (1): business-hours targets, but no schedule was read (no schedule table, or none of its rows could be used): on the around-the-clock calendar until you give them the business-hours one'],
  },
  {
    // Holidays outside the years an agreement may name made a draft that slac validate refused (SLA3076).
    folder: 'holiday-years',
    draft: ['  holidays {\n    1900-01-01 "First day"\n    2299-12-31 "Last day"\n  }'],
    notInDraft: ['Too early', 'Too late', 'Across the end', 'Two years', 'Backwards'],
    stderr: [
      '  skipped, holidays without readable dates: 5',
      "  @/schedule_holiday.csv:2: holiday 'Too early': 1899-12-31 to 1899-12-31 is not within 1900-01-01 to 2299-12-31, the dates an agreement may name",
      "  @/schedule_holiday.csv:3: holiday 'Too late': 2300-01-01 to 2300-01-01 is not within 1900-01-01 to 2299-12-31, the dates an agreement may name",
      "  @/schedule_holiday.csv:4: holiday 'Across the end': 2299-12-31 to 2300-01-01 is not within 1900-01-01 to 2299-12-31, the dates an agreement may name",
      "  @/schedule_holiday.csv:5: holiday 'Two years': 2024-01-01 to 2025-12-31 is longer than 366 days",
      "  @/schedule_holiday.csv:6: holiday 'Backwards': 2024-12-31 to 2024-01-01 is not a range of dates",
    ],
  },
  {
    folder: 'fivetran-deleted',
    draft: ['calendar Office {\n  timezone "Europe/London"\n  hours Mon 08:00-17:00\n  holidays {\n    2024-12-25 "Xmas"\n  }\n}'],
    notInDraft: ['Gone', 'Removed', 'Odd', 'Tue'],
    stderr: [
      '  skipped, rows deleted in Zendesk (_fivetran_deleted true): 2',
      '  @/schedule.csv:3: the row was deleted in Zendesk (_fivetran_deleted is TRUE)',
      '  @/schedule.csv:4: the row was deleted in Zendesk (_fivetran_deleted is TRUE)',
      '  @/schedule_holiday.csv:3: the row was deleted in Zendesk (_fivetran_deleted is TRUE)',
      "  @/schedule_holiday.csv:4: _fivetran_deleted 'maybe' is neither true nor false (true/false, t/f, 1/0, yes/no)",
    ],
  },
  {
    // Tables synced in history mode keep earlier versions of rows (_fivetran_active false): the schedule's former
    // Tuesday hours and a holiday moved since were drafted as if current.
    folder: 'fivetran-history-mode',
    draft: ['calendar Office {\n  timezone "Europe/London"\n  hours Mon 08:00-17:00\n  holidays {\n    2024-12-25 "Xmas"\n  }\n}'],
    notInDraft: ['Moved', 'Tue'],
    stderr: ['  earlier versions of rows (_fivetran_active false, Fivetran history mode): not read: 1'],
  },
  {
    folder: 'overlapping-holidays',
    // One line per date, the names of overlapping rows joined; a name with a line break on one line.
    draft: ['  holidays {\n    2024-05-10 "Dup"\n    2024-07-01 "Multi line"\n    2024-12-24 "Christmas break"\n    2024-12-25 "Christmas break"\n    2024-12-26 "Christmas break / Boxing Day"\n    2024-12-27 "Christmas break"\n  }'],
    stderr: ["note (2): holiday dates given by more than one row: one line per date, the different names joined with ' / '", 'note (1): holiday names with line breaks or control characters: written on one line'],
  },
  {
    folder: 'overlapping-intervals',
    draft: ['calendar F {\n  timezone "Etc/UTC"\n  hours Mon 08:00-18:00\n  hours Tue 08:00-17:00\n}', 'calendar M {\n  timezone "America/Los_Angeles"\n  hours Mon 08:00-17:00\n}'],
    stderr: [
      'note (2): schedule intervals overlapping another of their schedule: merged into one range',
      // Business-hours targets run on the first schedule: the summary says so, and which, when there are others.
      "note (1): schedules besides the first of the table: written as calendars no metric runs on, as the tables do not say which schedule a policy uses; business-hours targets run on the first, F",
      "  @/schedule.csv:7: schedule 13: the time zone 'Eastern Time (US & Canada)' (America/New_York) is not that of its first row (America/Los_Angeles)",
    ],
  },
  {
    folder: 'policy-targets',
    draft: ['metric Policy1FirstReply {\n  measures first response\n  clock AroundTheClock\n  target Urgent 60 minutes\n}'],
    notInDraft: ['999999999', 'target Urgent 45'],
    stderr: [
      "  @/sla_policy_metric_history.csv:3: policy 1: first_reply_time for 'high' has the target '0', not a whole number of minutes",
      "  @/sla_policy_metric_history.csv:5: policy 1: first_reply_time for 'low' has the target 999999999 minutes; slac checks targets of at most 366 days (527040 minutes)",
      '  @/sla_policy_metric_history.csv:6: policy 1: the first_reply_time target has no priority',
      "  @/sla_policy_metric_history.csv:7: policy 1: a second first_reply_time target for 'urgent' in its version of 2024-01-01 00:00; the first (line 2) is kept",
    ],
  },
  {
    folder: 'no-via-channel',
    // Postgres's `+00` is read as any warehouse time (line 2).
    draft: ['metric Policy1FirstReply {\n  measures first response\n  clock Office\n', 'metric Policy2FirstReply {\n  measures first response\n  clock Office\n'],
    stderr: [
      '  tickets without via_channel: 1',
      // The time is what is wrong with this row, and the reason says so.
      "  @/sla_policy_metric_history.csv:5: policy 4: first_reply_time for 'urgent': sla_policy_updated_at '2024-13-01 00:00:00' is not a time: there is no month 13",
    ],
  },
  {
    folder: 'time-zones',
    // A zone is kept exactly when the checker knows it: GMT and Zulu have no slash, Europe/Nowhere is no zone.
    draft: ['calendar Greenwich {\n  timezone "GMT"\n', 'calendar Navy {\n  timezone "Zulu"\n'],
    notInDraft: ['Nowhere', 'calendar Sched'],
    stderr: ["  @/schedule.csv:2: schedule 1: the time zone 'Europe/Nowhere' is neither a Rails nor an IANA name"],
  },
  {
    folder: 'bidi-controls',
    // A bidirectional control (U+202E, U+2066/U+2069) in a name: the language refuses it in any string (SLA3087), so a
    // holiday's name is written without it; a priority or channel, which a log value must match, is skipped and listed.
    draft: ['    2024-12-25 "Noël laeN"\n', '  matches "web"'],
    notInDraft: ['\u202e', '\u2066', '\u2069', 'High'],
    stderr: [
      '  skipped, targets whose priority holds a control character or a bidirectional control: 1',
      '  skipped, tickets whose via_channel holds a control character or a bidirectional control: 1',
      'note (1): holiday names with bidirectional controls (U+202A-U+202E, U+2066-U+2069), which an agreement may not hold: written without them',
      "  @/sla_policy_metric_history.csv:3: policy 1: the priority \"\\u{2066}high\\u{2069}\" holds a line break, a control character or a bidirectional control",
      "  @/ticket.csv:3: the via_channel \"\\u{202e}liame\" holds a line break, a control character or a bidirectional control",
    ],
  },
  {
    folder: 'channel-case',
    // Channels match case-insensitively: web, Web and WEB are one channel, spelt as first met.
    draft: ['channel Web {\n  contact "CONTACT HERE"\n  hours AroundTheClock\n  matches "web"\n}', 'channel Email {'],
    notInDraft: ['Web2', 'WEB', 'matches "Web"'],
    stderr: ['  tickets (their via_channel names the channels): 5', 'note (2): via_channel values that differ from another only in case: one channel (matches ignores case), spelt as first met'],
  },
  {
    folder: 'names',
    // Identifiers are ASCII (LANGUAGE.md): accents taken off, not the letters; a name with no Latin letter falls back on the id.
    draft: ['calendar EquipeMontreal {', 'calendar StrasseOst {', 'calendar Schedule4 {', 'severity TresUrgent {\n  description "Zendesk priority très urgent ☕ (not one of Zendesk\'s own: check its place in this list)."\n  matches "très urgent ☕"'],
    stderr: [],
  },
  {
    // A policy whose only version was before 1970 had all its targets counted as superseded, and no metric;
    // a version after 2299 made the draft's effective date one slac validate refuses (SLA3076).
    folder: 'policy-versions',
    draft: ['  effective 2024-01-01\n', 'metric Policy2FirstReply {\n  measures first response\n  clock AroundTheClock\n  target Urgent 60 minutes\n}', 'metric Policy3FirstReply {\n  measures first response\n  clock AroundTheClock\n  target Urgent 120 minutes\n}'],
    notInDraft: ['Policy4', 'Policy5', 'target Urgent 30'],
    stderr: [
      '  targets (latest version of their policy): 2',
      '  skipped, targets of policy versions outside the dates an agreement may name: 3',
      "  @/sla_policy_metric_history.csv:4: policy 3: first_reply_time for 'urgent': sla_policy_updated_at '2500-01-01 00:00:00' is not within 1900-01-01 to 2299-12-31, the dates an agreement may name",
      "  @/sla_policy_metric_history.csv:5: policy 4: next_reply_time for 'urgent': sla_policy_updated_at '1899-12-31 00:00:00' is not within 1900-01-01 to 2299-12-31, the dates an agreement may name",
      "  @/sla_policy_metric_history.csv:6: policy 5: next_reply_time for 'urgent': sla_policy_updated_at '2299-12-31T23:30:00-05:00' (2300-01-01 UTC) is not within 1900-01-01 to 2299-12-31, the dates an agreement may name",
    ],
  },
  {
    // Hexadecimal, exponent and signed spellings were read as numbers: a target of 0x3C was 60 minutes, 1e2 was 100.
    folder: 'number-spellings',
    draft: ['calendar Office {\n  timezone "Etc/UTC"\n  hours Mon 08:00-17:00\n}', 'metric Policy1FirstReply {\n  measures first response\n  clock AroundTheClock\n  target Urgent 60 minutes\n}'],
    notInDraft: ['hours Sun', 'target High', 'target Normal', 'target Low'],
    stderr: [
      "  @/schedule.csv:3: schedule 1: start_time '0x1E0' is not a whole number of minutes from Sunday 00:00",
      "  @/schedule.csv:4: schedule 1: start_time '4.8e2' is not a whole number of minutes from Sunday 00:00",
      "  @/schedule.csv:5: schedule 1: start_time '+480' is not a whole number of minutes from Sunday 00:00",
      "  @/sla_policy_metric_history.csv:3: policy 1: first_reply_time for 'high' has the target '0x3C', not a whole number of minutes",
      "  @/sla_policy_metric_history.csv:4: policy 1: first_reply_time for 'normal' has the target '1e2', not a whole number of minutes",
      "  @/sla_policy_metric_history.csv:5: policy 1: first_reply_time for 'low' has the target '+480', not a whole number of minutes",
    ],
  },
  {
    // Schedules Office, Office Hours and office became calendars Office, OfficeHours and office: three "Office Hours" in the document, refused by validate (SLA3088).
    folder: 'calendar-terms',
    draft: ['calendar Office {', 'calendar OfficeHours2 {', 'calendar office2 {', 'calendar OnCall {', 'calendar OnCall2 {'],
    notInDraft: ['calendar OfficeHours {', 'calendar office {'],
    stderr: [],
  },
  {
    // A date that is no date (2023-02-29, 12/25/2024, empty) was reported as 'is not a range of dates', which did not say which date nor why.
    folder: 'holiday-dates',
    draft: ['  holidays {\n    2024-02-29 "Leap day"\n  }'],
    notInDraft: ['Not leap', 'American', 'No dates', 'Open end', 'Timestamp'],
    stderr: [
      '  skipped, holidays without readable dates: 5',
      "  @/schedule_holiday.csv:3: holiday 'Not leap': start_date '2023-02-29' is not a date (YYYY-MM-DD)",
      "  @/schedule_holiday.csv:4: holiday 'American': start_date '12/25/2024' is not a date (YYYY-MM-DD)",
      "  @/schedule_holiday.csv:5: holiday 'No dates': start_date '' is not a date (YYYY-MM-DD)",
      "  @/schedule_holiday.csv:6: holiday 'Open end': end_date '' is not a date (YYYY-MM-DD)",
      "  @/schedule_holiday.csv:7: holiday 'Timestamp': end_date '2024-12-25 00:00:00' is not a date (YYYY-MM-DD)",
    ],
  },
  {
    // A holiday of a schedule whose rows were all skipped or deleted was said to be of a schedule 'not in the schedule table'.
    folder: 'holiday-schedules',
    draft: ['calendar Office {\n  timezone "Etc/UTC"\n  hours Mon 08:00-17:00\n  holidays {\n    2024-12-25 "Xmas"\n  }\n}'],
    notInDraft: ['Nowhere', 'Gone'],
    stderr: [
      "  @/schedule_holiday.csv:3: holiday 'Xmas': schedule 2 has no row of @/schedule.csv that could be used (line 3 there is skipped)",
      "  @/schedule_holiday.csv:4: holiday 'Xmas': schedule 3 has no row of @/schedule.csv that could be used (line 4 there is skipped)",
      "  @/schedule_holiday.csv:5: holiday 'Xmas': schedule 4 is not in the schedule table",
    ],
  },
  {
    // Every bad interval had one reason, 'is not an interval of minutes from Sunday 00:00', whatever was wrong with it.
    folder: 'interval-reasons',
    draft: ['calendar Office {\n  timezone "Etc/UTC"\n  hours Mon 08:00-17:00\n}'],
    stderr: [
      '  @/schedule.csv:3: schedule 1: 480-480 is no time at all: it ends where it starts',
      '  @/schedule.csv:4: schedule 1: 1020-480 ends before it starts',
      '  @/schedule.csv:5: schedule 1: 10000-10200 ends after the end of the week (10080 minutes from Sunday 00:00)',
      "  @/schedule.csv:6: schedule 1: start_time '-60' is not a whole number of minutes from Sunday 00:00",
      "  @/schedule.csv:7: schedule 1: start_time '480.5' is not a whole number of minutes from Sunday 00:00",
      "  @/schedule.csv:8: schedule 1: start_time '' is not a whole number of minutes from Sunday 00:00",
    ],
  },
  {
    // A schedule row or a target without an id was read as schedule '' and policy '': a calendar Nameless, a metric PolicyFirstReply.
    folder: 'missing-ids',
    draft: ['calendar Office {', 'metric Policy1FirstReply {'],
    notInDraft: ['Nameless', 'PolicyFirstReply', 'Xmas', 'target Urgent 30'],
    stderr: [
      "  @/schedule.csv:3: schedule 'Nameless' has no id",
      "  @/schedule_holiday.csv:2: holiday 'Xmas' has no schedule_id",
      '  @/sla_policy_metric_history.csv:3: a first_reply_time target has no sla_policy_id',
    ],
  },
  {
    // Files init does not read were left out of the summary: a second file of a table, a typo'd name, tables of the ticket log.
    folder: 'unread-files',
    draft: ['calendar Office {'],
    notInDraft: ['Other', 'Third', 'Typo'],
    stderr: [
      '@/schedule_data.csv: 2 rows, a second file of the same table: not read',
      '@/schedules.csv: 1 row, not a table of the zendesk-tables source: not read',
      '@/ticket_comment.csv: 1 row, read by slac import zendesk-tables (the ticket log), not by slac init',
      '@/time_zone.csv: 1 row, not used: slac has its own time-zone data',
    ],
  },
];

describe('slac init --from zendesk-tables: drafts that validate from awkward exports (test/import/fixtures/zendesk-tables-init)', () => {
  it.each(table)('$folder', ({ folder, draft, notInDraft = [], stderr }) => {
    const file = join(out, `${folder}.sla`);
    const init = slac('init', '--from', 'zendesk-tables', `${cases}/${folder}`, '-o', file);
    expect(init.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    for (const part of draft) expect(text).toContain(part);
    for (const part of notInDraft) expect(text).not.toContain(part);
    const summary = init.stderr.split('\n');
    for (const line of stderr) expect(summary).toContain(line.replaceAll('@/', `${cases}/${folder}/`));
    expectEveryRecordAccounted(accounts(init.stderr));
    // No raw control character in the draft, and `slac validate` finds no error in it.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    const validate = slac('validate', file);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stdout).not.toMatch(/ error SLA/);
  });
});

describe('slac init -o onto one of its inputs: refused as slac import refuses it, the table left as it was', () => {
  /** The output, given a fresh copy of the fixture in `folder` (each case its own, so that none sees another's damage). */
  type Output = (folder: string) => { inputs: string[]; output: string };
  const outputs: { name: string; output: Output }[] = [
    { name: 'a table of the folder', output: (folder) => ({ inputs: [folder], output: join(folder, 'sla_policy_metric_history.csv') }) },
    { name: 'a table of the folder, spelt through ..', output: (folder) => ({ inputs: [folder], output: `${folder}/../export/schedule.csv` }) },
    { name: 'a symbolic link to a table', output: (folder) => (symlinkSync(join(folder, 'schedule.csv'), join(folder, '..', 'link.csv')), { inputs: [folder], output: join(folder, '..', 'link.csv') }) },
    { name: 'a hard link to a table', output: (folder) => (linkSync(join(folder, 'ticket.csv'), join(folder, '..', 'hard.csv')), { inputs: [folder], output: join(folder, '..', 'hard.csv') }) },
    { name: 'a table named on the command line', output: (folder) => ({ inputs: [join(folder, 'schedule.csv'), join(folder, 'sla_policy_metric_history.csv')], output: join(folder, 'schedule.csv') }) },
  ];
  it.each(outputs)('$name', ({ output: given }) => {
    const folder = join(mkdtempSync(join(out, 'case-')), 'export');
    cpSync(`${fixtures}/zendesk-tables`, folder, { recursive: true });
    const { inputs, output } = given(folder);
    const before = readFileSync(output, 'utf8');
    const init = slac('init', '--from', 'zendesk-tables', ...inputs, '-o', output);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(`slac: cannot write ${output}: it is one of the exported files, which would be overwritten; give another file name.\n`);
    expect(readFileSync(output, 'utf8')).toBe(before);
  });
});

describe('slac init without a schedule, holiday or SLA-policy table: refused, naming the files and the tables it reads', () => {
  it('a folder whose schedule table is misnamed (schedules.csv) and a ticket table', () => {
    const folder = `${cases}/no-agreement-table`;
    const file = join(out, 'no-agreement-table.sla');
    const init = slac('init', '--from', 'zendesk-tables', folder, '-o', file);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(
      `slac: no schedule, schedule_holiday or sla_policy_metric_history table among ${folder}/schedules.csv, ${folder}/ticket.csv; slac init --from zendesk-tables drafts an agreement from schedule.csv, schedule_holiday.csv and sla_policy_metric_history.csv (or NAME_data.csv).\n`,
    );
    expect(existsSync(file)).toBe(false);
  });
});

describe('slac init given a table twice: read once, and the summary says so (as slac import does)', () => {
  it('the folder and one of its tables', () => {
    const folder = `${cases}/business-hours`;
    const init = slac('init', '--from', 'zendesk-tables', folder, `${folder}/schedule.csv`, '-o', join(out, 'twice.sla'));
    expect(init.code).toBe(0);
    expect(init.stderr.split('\n')).toContain(`note (1): ${folder}/schedule.csv was given again as ${folder}/schedule.csv: read once`);
  });
});
