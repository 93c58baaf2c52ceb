import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, type CliRun } from './built-cli.js';

/**
 * `slac check AGREEMENT FILE... --log-format zendesk-tables` through the
 * built executable (run `node scripts/build.mjs` first): a helpdesk's export
 * streamed straight into the check gives the report that `slac import` then
 * `slac check` gives; the import summary, and one line per status or
 * priority the agreement never mentions, go to stderr.
 */

const out = mkdtempSync(join(tmpdir(), 'slac-check-log-format-'));
const fivetran = 'test/import/fixtures/zendesk-fivetran';
const fivetranSla = 'test/import/fixtures/zendesk-fivetran.sla';
/** The line check, report and explain give first (SLA4060): the seed agreement's Urgent and High resolution targets are looser than the next severity's (SLA3051). */
const agreementWarnings = `${fivetranSla}: warning: the agreement has 2 warnings (SLA3051), not listed here: \`slac validate ${fivetranSla}\` lists them [SLA4060]\n`;
/** A small export (ticket and organisation tables) and agreements that map it fully (loose) or not (strict). */
const fixtures = 'test/cli/fixtures/log-format';

function slac(...args: string[]): CliRun {
  return runBuiltCli(args, repoRoot);
}

/** `slac import zendesk-tables FILES -o LOG` (extra arguments go to the import), then the log's path. */
function imported(name: string, ...args: string[]): string {
  const log = join(out, name);
  const run = slac('import', 'zendesk-tables', ...args, '-o', log);
  expect(run.code, run.stderr).toBe(0);
  return log;
}

/** Per ticket and metric, "status elapsed/target". */
function verdicts(tickets: { id: string; metrics: Record<string, { status: string; elapsedMinutes: number; targetMinutes: number }> }[]): Record<string, string> {
  return Object.fromEntries(tickets.flatMap((ticket) => Object.entries(ticket.metrics).map(([metric, m]) => [`${ticket.id} ${metric}`, `${m.status} ${m.elapsedMinutes}/${m.targetMinutes}`])));
}

describe('slac check --log-format zendesk-tables: the Fivetran seed tables', () => {
  const log = imported('fivetran.ndjson', fivetran);

  it.each(['text', 'json'])('gives, as %s, the report of slac import then slac check', (format) => {
    const streamed = slac('check', fivetranSla, '--log-format', 'zendesk-tables', fivetran, '--format', format);
    const fromFile = slac('check', fivetranSla, log, '--format', format);
    expect(streamed.code).toBe(fromFile.code);
    expect(fromFile.stdout.length).toBeGreaterThan(100);
    // A warning about the whole log (SLA4050: the 2020 tickets predate the agreement's 2024 effective date) names
    // the log: the export's rows when they stream in, the imported file otherwise. Everything else is the same.
    const streamedName = JSON.stringify(`${fivetran} (zendesk-tables rows)`);
    if (format === 'json') expect(JSON.parse(streamed.stdout).warnings).toEqual([expect.objectContaining({ file: JSON.parse(streamedName), line: 0, code: 'SLA4050' })]);
    expect(streamed.stdout.replaceAll(streamedName, JSON.stringify(log))).toBe(fromFile.stdout);
  });

  it('prints the import summary, then one warning per status the agreement never mentions, naming its first record', () => {
    const streamed = slac('check', fivetranSla, '--log-format', 'zendesk-tables', fivetran);
    const summary = slac('import', 'zendesk-tables', fivetran, '-o', join(out, 'again.ndjson')).stderr;
    expect(streamed.stderr.startsWith(agreementWarnings + summary)).toBe(true);
    // solved: tickets 16988 (no history: its ticket row) and 11071; closed: seven tickets, 14173 first; open: 11071 four times.
    const warning = (where: string, value: string, rows: string): string =>
      `${fivetran}/${where}: warning: key 'status': '${value}' is in no \`pause when status\` of agreement ZendeskFivetran, so it pauses no clock; ${rows} use it (the first here) [SLA4046]`;
    // Then the one warning any log of these tickets gets: all 8 were created in 2020, the agreement takes effect in 2024.
    const early = (file: string): string =>
      `${file}: warning: 8 tickets were created before the agreement took effect on 2024-01-01; they are checked, and counted in the objectives and credits of their periods, as if it applied then [SLA4050]`;
    expect(streamed.stderr.slice(agreementWarnings.length + summary.length).split('\n')).toEqual([
      warning('ticket_data.csv:3', 'solved', '2 rows'),
      warning('ticket_data.csv:4', 'closed', '7 rows'),
      warning('ticket_field_history_data.csv:2', 'open', '4 rows'),
      early(`${fivetran} (zendesk-tables rows)`),
      '',
    ]);
    // A log file given as such is the user's own: no warnings about its statuses.
    expect(slac('check', fivetranSla, log).stderr).toBe(`${agreementWarnings}${early(log)}\n`);
  });
});

describe('slac check --log-format zendesk-tables: a priority the agreement does not map', () => {
  const strict = `${fixtures}/strict.sla`;
  const rows = `${fixtures}/export/ticket.csv`;

  it('is one error with its count, not one per row; the other errors name the exported rows', () => {
    const run = slac('check', strict, '--log-format', 'zendesk-tables', `${fixtures}/export`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    const after = lines.slice(lines.findIndex((line) => line.startsWith('note (5)')) + 1);
    // Each exported row gives a ticket's created row and its others: those name the created row, refused above (SLA4055).
    const noCreated = (line: number, ticket: number): string =>
      `${rows}:${line}: key 'ticket': ticket '${ticket}' has no valid 'created' event: its 'created' row on line ${line} is invalid [SLA4055]`;
    expect(after).toEqual([
      `${rows}:2: key 'severity': 'low' is neither a severity of agreement Strict nor in any severity's \`matches\`; 3 rows use it (the first here), and they are invalid rows [SLA4047]`,
      `${rows}:2: warning: key 'status': 'solved' is in no \`pause when status\` of agreement Strict, so it pauses no clock; 2 rows use it (the first here) [SLA4046]`,
      `${rows}:3: warning: key 'status': 'closed' is in no \`pause when status\` of agreement Strict, so it pauses no clock; 1 row uses it (the first here) [SLA4046]`,
      `${rows}:6: warning: key 'status': 'on-hold' is in no \`pause when status\` of agreement Strict, so it pauses no clock; 1 row uses it (the first here) [SLA4046]`,
      // Tickets 1, 2 and 4 lose their `created` row: their status and resolved/closed rows have none.
      noCreated(2, 1),
      noCreated(2, 1),
      noCreated(3, 2),
      noCreated(3, 2),
      noCreated(5, 4),
      noCreated(5, 4),
      'slac: no report: the input has 9 errors (pass --skip-invalid to leave invalid rows out).',
      '',
    ]);
    expect(run.stderr).not.toContain('SLA4004');
  });

  it('with --skip-invalid, leaves those rows out and lists each in the report, at its exported row', () => {
    const run = slac('check', strict, '--log-format', 'zendesk-tables', `${fixtures}/export`, '--skip-invalid', '--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.invalidRows).toBe(9);
    expect(report.skipped.map((row: { file: string; line: number; code: string }) => `${row.file}:${row.line} ${row.code}`)).toEqual(
      [2, 3, 5].flatMap((line) => [`${rows}:${line} SLA4004`, `${rows}:${line} SLA4055`, `${rows}:${line} SLA4055`]),
    );
    // The created row each names is its exported row too, not a row of the log never written.
    const named = report.skipped.filter((row: { code: string }) => row.code === 'SLA4055').map((row: { line: number; message: string }) => [row.line, /on line (\d+)/.exec(row.message)?.[1]]);
    expect(named).toEqual([2, 2, 3, 3, 5, 5].map((line) => [line, String(line)]));
    // Ticket 3: urgent, open 11:00-12:00 then pending (paused) to the as-of instant; ticket 5: urgent, 10:00-18:00 open.
    expect(verdicts(report.tickets)).toEqual({ '3 Resolution': 'pending 60/240', '5 Resolution': 'breached 480/240' });
    expect(run.stderr).toContain('slac: 9 invalid log rows skipped (also listed in the report):\n');
    expect(run.stderr).not.toContain("'low' is not a severity");
  });

  // The per-row errors quote the priority escaped ('lo\tw'); they are still left to its one SLA4047 line.
  // (Zendesk priorities are read in lower case.)
  it.each([
    ['a tab', '"lo\tw"', 'lo\\tw'],
    ['an escape sequence', 'low\u001b[2j', 'low\\u{1b}[2j'],
  ])('with %s in the priority, is still one error, not one per row', (_name, written, shown) => {
    const folder = mkdtempSync(join(out, 'priority-'));
    writeFileSync(join(folder, 'ticket.csv'), readFileSync(join(repoRoot, fixtures, 'export', 'ticket.csv'), 'utf8').replaceAll(',low,', `,${written},`));
    writeFileSync(join(folder, 'organization.csv'), readFileSync(join(repoRoot, fixtures, 'export', 'organization.csv')));
    for (const flags of [[], ['--skip-invalid']]) {
      const run = slac('check', strict, '--log-format', 'zendesk-tables', folder, ...flags);
      expect(run.stderr).toContain(`:2: key 'severity': '${shown}' is neither a severity of agreement Strict`);
      expect(run.stderr).not.toContain('SLA4004');
      expect(run.stderr).not.toContain('is not a severity');
    }
  });
});

describe('slac check PORTFOLIO --log-format zendesk-tables --client-field', () => {
  const portfolio = `${fixtures}/portfolio.sla`;

  it('routes tickets by the named field and gives the report of slac import then slac check', () => {
    const streamed = slac('check', portfolio, '--log-format', 'zendesk-tables', `${fixtures}/export`, '--client-field', 'custom_account', '--format', 'json');
    const log = imported('accounts.ndjson', `${fixtures}/export`, '--client-field', 'custom_account');
    const fromFile = slac('check', portfolio, log, '--format', 'json');
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe(fromFile.stdout);
    const report = JSON.parse(streamed.stdout);
    const byClient = Object.fromEntries(report.clients.map((client: { client: string; report: { tickets: [] } }) => [client.client, verdicts(client.report.tickets)]));
    // Loose pauses on on-hold: ticket 5 is open 10:00-18:00 (480 > 240 minutes); 2 closes after 24 hours (1440 > 480).
    expect(byClient).toEqual({
      'ACME-1': { '1 Resolution': 'met 240/480', '3 Resolution': 'pending 60/240', '5 Resolution': 'breached 480/240' },
      'GLOBEX-7': { '2 Resolution': 'breached 1440/480', '4 Resolution': 'met 30/480' },
    });
    // One agreement file for both clients: each value is named once.
    expect(streamed.stderr.match(/SLA4046/g)).toHaveLength(2);
  });

  it('without --client-field, clients are the organisations, which the portfolio does not list', () => {
    const run = slac('check', portfolio, '--log-format', 'zendesk-tables', `${fixtures}/export`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fixtures}/export/ticket.csv:2: key 'client': ticket '1' has client 'Acme Ltd'; portfolio Accounts lists 'ACME-1', 'GLOBEX-7' and declares no others [SLA4030]`);
  });
});

describe('slac check --log-format: bad combinations', () => {
  const log = imported('for-errors.ndjson', `${fixtures}/export`);
  const loose = `${fixtures}/loose.sla`;
  const cases: [string, string[], RegExp | string][] = [
    ['two logs without --log-format', [loose, log, log], `slac: a ticket log is one file, not 2 (${log}, ${log}); several files or folders are read only as a helpdesk's export (--log-format `],
    ['two logs with --log-format ndjson', [loose, log, log, '--log-format', 'ndjson'], 'slac: a ticket log is one file, not 2'],
    ['an unknown format', [loose, log, '--log-format', 'zendeks'], /argument 'zendeks' is invalid\. Allowed choices are csv, ndjson, .*zendesk-tables/],
    ['--client-field without a helpdesk format', [loose, log, '--client-field', 'custom_account'], "slac: --client-field is read only with the export of a helpdesk (--log-format "],
    ['--client-field with --log-format csv', [loose, log, '--log-format', 'csv', '--client-field', 'x'], 'a csv log names the client in its \'client\' column'],
    ['a missing export', [loose, '--log-format', 'zendesk-tables', `${fixtures}/nothing`], `slac: cannot read ${fixtures}/nothing: no such file or folder.`],
    ['an export without its ticket table', [loose, '--log-format', 'zendesk-tables', `${fixtures}/export/organization.csv`], 'no ticket table among'],
    ['an outage log whose extension says nothing', [loose, '--log-format', 'zendesk-tables', `${fixtures}/export`, '--outages', 'outages.txt'], 'slac: cannot tell the log format of outages.txt'],
    ['-o onto an exported file', [loose, '--log-format', 'zendesk-tables', `${fixtures}/export`, '-o', `${fixtures}/export/ticket.csv`], 'one of the exported files'],
  ];
  it.each(cases)('%s is refused in one line, exit 2', (_name, args, message) => {
    const run = slac('check', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof message === 'string') expect(run.stderr).toContain(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad option stops the check before the export is read: no import summary', () => {
    const run = slac('check', loose, '--log-format', 'zendesk-tables', `${fixtures}/export`, '--assume-timezone', 'Mars/Base');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("--assume-timezone: 'Mars/Base' is not a time zone; use an IANA name such as Europe/Berlin [SLA4017]\nslac: no report: the input has 1 error.\n");
  });

  it('lists the helpdesk formats and --client-field in --help', () => {
    const help = slac('check', '--help').stdout;
    expect(help).toContain('"zendesk-tables"');
    expect(help).toContain('--client-field');
  });

  it('reads an outage log beside the export, by its extension, naming its own rows', () => {
    const outages = join(out, 'outages.csv');
    writeFileSync(outages, 'start,end,kind\n2024-03-04T10:00:00Z,2024-03-04T11:00:00Z,outage\n2024-03-04T12:00:00Z,2024-03-04T13:00:00Z,fire\n');
    const run = slac('check', loose, '--log-format', 'zendesk-tables', `${fixtures}/export`, '--outages', outages);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${outages}:3: key 'kind': 'fire' is not an outage kind; expected outage or maintenance [SLA4015]`);
  });
});
