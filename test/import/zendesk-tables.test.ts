import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, checkJson, clientsOf, expectedLog, expectEveryRecordAccounted, fixtures, outputFolder, skippedSection, slac, verdicts } from './helpers.js';

/**
 * `slac import zendesk-tables` and `slac init --from zendesk-tables` through
 * the built executable (run `node scripts/build.mjs` first): the log, the
 * summary that accounts for every row, and the verdicts `slac check` gives
 * on the imported log, computed by hand.
 */

const out = outputFolder('zendesk-tables');

describe('slac import zendesk-tables: the awkward cases (test/import/fixtures/zendesk-tables)', () => {
  const log = join(out, 'tables.ndjson');
  const result = slac('import', 'zendesk-tables', `${fixtures}/zendesk-tables`, '-o', log);

  it('writes the log checked by hand: descriptions, notes and deleted tickets left out, bot replies as system, reopen after solve', () => {
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(expectedLog('zendesk-tables'));
  });

  it('accounts for every row of every file, and lists the skipped ones with file, line and reason', () => {
    const files = accounts(result.stderr);
    expect([...files.keys()].sort()).toEqual(['organization.csv', 'schedule.csv', 'schedule_holiday.csv', 'sla_policy_metric_history.csv', 'ticket.csv', 'ticket_comment.csv', 'ticket_field_history.csv', 'user.csv']);
    expectEveryRecordAccounted(files);
    expect(files.get('ticket.csv')).toMatchObject({ rows: 6 });
    expect(files.get('ticket_comment.csv')!.lines).toEqual([
      'ticket descriptions (not replies): 2',
      'replies (system): 1',
      'internal notes (not replies): 1',
      'replies (agent): 3',
      'replies (customer): 1',
      'skipped, rows of deleted tickets: 1',
      'skipped, comments by users not in the user table: 1',
      'skipped, rows of tickets not in the ticket table: 1',
    ]);
    expect(result.stderr).toContain('slac import zendesk-tables: 4 tickets, 29 events written; 9 records skipped\n');
    const skipped = skippedSection(result.stderr);
    // In file order (the files as the summary lists them, a folder's in name order), not in the order read.
    expect(skipped.split('\n').slice(1, 10)).toEqual([
      `  ${fixtures}/zendesk-tables/ticket.csv:4: ticket 3 was deleted in Zendesk`,
      `  ${fixtures}/zendesk-tables/ticket.csv:7: the row has 9 fields but the header has 14`,
      `  ${fixtures}/zendesk-tables/ticket_comment.csv:10: comment on ticket 3: the ticket was deleted`,
      `  ${fixtures}/zendesk-tables/ticket_comment.csv:12: comment on ticket 4: user 31 is not in the user table, nor the requester`,
      `  ${fixtures}/zendesk-tables/ticket_comment.csv:13: comment on ticket 42: the ticket is not in the ticket table`,
      `  ${fixtures}/zendesk-tables/ticket_field_history.csv:6: ticket 1: the field 'tags' is not part of the ticket log`,
      `  ${fixtures}/zendesk-tables/ticket_field_history.csv:18: ticket 2: updated 'yesterday' is not a time`,
      `  ${fixtures}/zendesk-tables/ticket_field_history.csv:19: status of ticket 3: the ticket was deleted`,
      `  ${fixtures}/zendesk-tables/ticket_field_history.csv:20: status of ticket 42: the ticket is not in the ticket table`,
    ]);
    // The comment with a line break in its body starts on line 2, so the last comment is on line 13.
    expect(skipped).toContain(`  ${fixtures}/zendesk-tables/ticket_comment.csv:13: comment on ticket 42: the ticket is not in the ticket table\n`);
  });

  it('gives the verdicts computed by hand when checked against an agreement that maps Zendesk names', () => {
    const check = checkJson(`${fixtures}/zendesk-tables.sla`, log, '--as-of', '2024-03-05T12:00:00Z');
    expect(check.code).toBe(0);
    expect(verdicts(check.stdout)).toEqual({
      // Reply at 09:30: not the automatic reply at 09:05 (system) nor the internal note at 09:10.
      // Solved at 12:00+01:00, two hours after creation.
      '1': { FirstResponse: 'met 30/60', Resolution: 'met 120/240' },
      // Dee is an end-user now but was the assignee: her 10:45 reply is an agent's. Resolution:
      // 10:00-12:00 and 14:00-15:00 (pending in between), reopened 16:00-17:00: 240 minutes,
      // against the target of high (3 hours), its priority since 11:00.
      '2': { FirstResponse: 'met 45/60', Resolution: 'breached 240/180' },
      // Merged into ticket 4: closed at its updated_at, 08:10.
      '5': { FirstResponse: 'met 20/60', Resolution: 'met 20/480' },
      // Still open: 08:00 to the as-of instant, 12:00.
      '4': { FirstResponse: 'met 20/60', Resolution: 'pending 240/480' },
    });
  });

  it('writes CSV for -o FILE.csv, which checks the same', () => {
    const csv = join(out, 'tables.csv');
    expect(slac('import', 'zendesk-tables', `${fixtures}/zendesk-tables`, '-o', csv).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').split('\n');
    expect(lines[0]).toBe('ticket,time,event,severity,channel,status,author,client');
    expect(lines[1]).toBe('1,2024-03-04T09:05:00Z,reply,,,,system,Acme Ltd');
    const fromCsv = checkJson(`${fixtures}/zendesk-tables.sla`, csv, '--as-of', '2024-03-05T12:00:00Z');
    const fromNdjson = checkJson(`${fixtures}/zendesk-tables.sla`, log, '--as-of', '2024-03-05T12:00:00Z');
    expect(verdicts(fromCsv.stdout)).toEqual(verdicts(fromNdjson.stdout));
  });

  it('takes the client from the column --client-field names', () => {
    const stdout = slac('import', 'zendesk-tables', `${fixtures}/zendesk-tables`, '--client-field', 'custom_account').stdout;
    expect(clientsOf(stdout)).toEqual({ '1': 'ACME-1', '2': 'GLOBEX-7', '4': undefined, '5': undefined });
  });
});

describe('slac import zendesk-tables: the Fivetran seed tables (test/import/fixtures/zendesk-fivetran)', () => {
  const log = join(out, 'fivetran.ndjson');
  const result = slac('import', 'zendesk-tables', `${fixtures}/zendesk-fivetran`, '-o', log);

  it('accounts for every row, as docs/import/zendesk-tables.md lists them', () => {
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('slac import zendesk-tables: 8 tickets, 40 events written; 42 records skipped');
    const files = accounts(result.stderr);
    expectEveryRecordAccounted(files);
    const rows = Object.fromEntries([...files].map(([file, counts]) => [file, counts.rows]));
    // Rows of each file: its lines less the header (ticket_field_history_data.csv has no final line break).
    expect(rows).toEqual({
      'organization_data.csv': 10,
      'user_data.csv': 10,
      'ticket_data.csv': 10,
      'ticket_field_history_data.csv': 38,
      'ticket_comment_data.csv': 20,
      'daylight_time_data.csv': 2,
      'group_data.csv': 8,
      'schedule_data.csv': 5,
      'schedule_holiday_data.csv': 2,
      'sla_policy_metric_history_data.csv': 22,
      'ticket_schedule_data.csv': 10,
      'ticket_sla_policy_data.csv': 10,
      'time_zone_data.csv': 2,
    });
    expect(files.get('ticket_field_history_data.csv')!.lines).toEqual([
      'status changes: 13',
      'assignee changes (assignees are agents): 1',
      'priority changes: 4',
      'skipped, rows of tickets not in the ticket table: 19',
      'skipped, fields that are not part of the ticket log: 1',
    ]);
    expect(files.get('ticket_comment_data.csv')!.lines).toEqual(['skipped, rows of tickets not in the ticket table: 20']);
    expect(files.get('ticket_data.csv')!.lines).toEqual(['skipped, deleted tickets: 2', 'tickets: 8']);
  });

  it('gives the verdicts computed by hand', () => {
    const check = checkJson(`${fixtures}/zendesk-fivetran.sla`, log);
    const found = verdicts(check.stdout);
    // 11071: open 16h 54m 51s, 360 h, 48 h and 288 h between its pending and on-hold spells
    // (42774.85 minutes), resolved on 2020-11-14 as urgent (720 hours): met.
    expect(found['11071']!.Resolution).toBe('met 42774.85/43200');
    // 16988: no status history, so solved at its updated_at: 2020-12-22 00:19:23 to 2021-01-13 18:42:39.
    expect(found['16988']!.Resolution).toBe('breached 32783.2667/14400');
    // 1404: closed at its updated_at, 2020-02-28 01:01:57, 14 days 3 h 17 m 59 s after creation.
    expect(found['1404']!.Resolution).toBe('breached 20357.9833/14400');
    // None of these tickets has a comment in the table: no first response.
    expect(found['11071']!.FirstResponse).toMatch(/^breached /);
    expect(Object.keys(found).sort()).toEqual(['11071', '1404', '14173', '16988', '1966', '4721', '6171', '6605']);
  });
});

describe('slac init --from zendesk-tables', () => {
  it('drafts an agreement from the Fivetran seed tables that validates, and checks the imported log', () => {
    const draft = join(out, 'draft.sla');
    const init = slac('init', '--from', 'zendesk-tables', `${fixtures}/zendesk-fivetran`, '-o', draft);
    expect(init.code).toBe(0);
    const text = readFileSync(draft, 'utf8');
    expect(text).toContain('calendar SupportCA {\n  timezone "America/Los_Angeles"\n  hours Mon-Fri 08:00-20:00\n}');
    // Policy 1001's latest version (2020-06-01) is in force; medium goes where its targets put it.
    expect(text).toContain('metric Policy1001FirstReply {\n  measures first response\n  clock SupportCA\n  target Urgent 45 minutes\n  target High 180 minutes\n  target Normal 360 minutes\n  target Low 1440 minutes\n}');
    expect(text.match(/^severity \w+/gm)).toEqual(['severity Urgent', 'severity High', 'severity Medium', 'severity Normal', 'severity Low']);
    expect(init.stderr).toContain('schedule_holiday_data.csv:2: holiday \'Test Holiday\': schedule 360000 is not in the schedule table');
    expect(init.stderr).toContain('  targets of earlier versions of their policy (superseded): 8\n  targets (latest version of their policy): 14');
    expect(slac('validate', draft)).toMatchObject({ code: 0, stdout: `${draft}: no problems\n` });

    const log = join(out, 'for-draft.ndjson');
    expect(slac('import', 'zendesk-tables', `${fixtures}/zendesk-fivetran`, '-o', log).code).toBe(0);
    const found = verdicts(checkJson(draft, log).stdout);
    // Requester wait pauses only on pending: 42774.85 minutes plus the three on-hold spells (480 h).
    expect(found['11071']!.Policy1002RequesterWait).toBe('breached 71574.85/240');
  });

  it('maps Rails time zones, writes holidays, and reports schedules and metrics it cannot map', () => {
    const draft = join(out, 'tables-draft.sla');
    const init = slac('init', '--from', 'zendesk-tables', `${fixtures}/zendesk-tables`, '-o', draft);
    expect(init.code).toBe(0);
    const text = readFileSync(draft, 'utf8');
    expect(text).toContain(
      'calendar OfficeHours {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 08:00-17:00\n  holidays {\n    2024-12-25 "Christmas"\n    2024-12-26 "Christmas"\n    2025-01-01 "New Year"\n  }\n}',
    );
    expect(text).toContain('metric Policy7AgentWork {\n  measures resolution\n  clock OfficeHours\n  target Urgent 240 minutes\n  target High 180 minutes\n  target Normal 480 minutes\n  pause when status "pending", "hold", "on-hold"\n}');
    expect(init.stderr).toContain("schedule.csv:7: schedule 2: the time zone 'Atlantis Standard Time' is neither a Rails nor an IANA name");
    expect(init.stderr).toContain("sla_policy_metric_history.csv:8: the metric 'first_solve_time' has no slac counterpart");
    expect(slac('validate', draft).code).toBe(0);
  });
});

describe('slac import: bad inputs', () => {
  const cases: { name: string; args: string[]; stderr: string }[] = [
    { name: 'a folder without CSV files', args: ['import', 'zendesk-tables', 'docs'], stderr: 'slac: docs holds no .csv files.\n' },
    { name: 'files without a ticket table', args: ['import', 'zendesk-tables', `${fixtures}/zendesk-tables/user.csv`], stderr: `slac: no ticket table among ${fixtures}/zendesk-tables/user.csv; zendesk-tables needs ticket.csv (or ticket_data.csv).\n` },
    { name: 'an output of unknown format', args: ['import', 'zendesk-tables', `${fixtures}/zendesk-tables`, '-o', join(out, 'log.txt')], stderr: `slac: cannot tell the log format of ${join(out, 'log.txt')}: name it .ndjson, .jsonl or .csv.\n` },
    { name: 'a --client-field the ticket table does not have', args: ['import', 'zendesk-tables', `${fixtures}/zendesk-tables`, '--client-field', 'account'], stderr: `slac: ${fixtures}/zendesk-tables/ticket.csv:1: the header has no 'account' column.\n` },
    { name: 'an unknown source', args: ['import', 'helpscout', 'x.csv'], stderr: "slac: command-argument value 'helpscout' is invalid for argument 'source'. Allowed choices are zendesk, zendesk-tables, jira, zammad, glpi, freshdesk.\n" },
  ];
  it.each(cases)('refuses $name with one line and exit status 2', ({ args, stderr }) => {
    const result = slac(...args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 1).join('\n') + '\n').toBe(stderr);
  });

  it("lists a file named after a member of every object (constructor.csv) as not a table, like any other", () => {
    const folder = mkdtempSync(join(out, 'object-names-'));
    writeFileSync(join(folder, 'ticket.csv'), 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,new,2024-03-04 09:00:00\n');
    writeFileSync(join(folder, 'constructor.csv'), 'a\n1\n');
    writeFileSync(join(folder, 'toString_data.csv'), 'a\n1\n');
    const result = slac('import', 'zendesk-tables', folder, '-o', join(out, 'object-names.ndjson'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${folder}/constructor.csv: 1 row, not a table of the zendesk-tables source: not read`);
    expect(result.stderr).toContain(`${folder}/toString_data.csv: 1 row, not a table of the zendesk-tables source: not read`);
  });

  it('names the file and line of a ticket table without a needed column, and leaves no log behind', () => {
    const folder = mkdtempSync(join(out, 'no-column-'));
    writeFileSync(join(folder, 'ticket.csv'), 'id,created\n1,2024-03-04 09:00:00\n');
    const result = slac('import', 'zendesk-tables', folder, '-o', join(out, 'never.ndjson'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`slac: ${folder}/ticket.csv:1: the header has no 'created_at', 'status' columns.\n`);
    expect(existsSync(join(out, 'never.ndjson'))).toBe(false);
  });
});
