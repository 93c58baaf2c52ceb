import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, type CliRun } from './built-cli.js';

/**
 * `slac report` and `slac explain` with `--log-format zendesk-tables`
 * through the built executable (run `node scripts/build.mjs` first): the
 * export streamed straight into the report gives the site (and the
 * timeline) that `slac import` then `slac report` (`explain`) gives; the
 * import summary and one line per status the agreement never mentions go to
 * stderr, as with `slac check --log-format`.
 */

const out = mkdtempSync(join(tmpdir(), 'slac-report-log-format-'));
const fivetran = 'test/import/fixtures/zendesk-fivetran/';
const fivetranSla = 'test/import/fixtures/zendesk-fivetran.sla';
/** The line check, report and explain give first (SLA4060): the seed agreement's Urgent and High resolution targets are looser than the next severity's (SLA3051). */
const agreementWarnings = `${fivetranSla}: warning: the agreement has 2 warnings (SLA3051), not listed here: \`slac validate ${fivetranSla}\` lists them [SLA4060]\n`;
/** A small export (ticket and organisation tables) and agreements that map it fully (loose) or not (strict). */
const fixtures = 'test/cli/fixtures/log-format';

function slac(...args: string[]): CliRun {
  return runBuiltCli(args, repoRoot);
}

/** `slac import zendesk-tables FILES -o LOG` (extra arguments go to the import): the log's path and the summary on stderr. */
function imported(name: string, ...args: string[]): { log: string; summary: string } {
  const log = join(out, name);
  const run = slac('import', 'zendesk-tables', ...args, '-o', log);
  expect(run.code, run.stderr).toBe(0);
  return { log, summary: run.stderr };
}

/** Every file of a site, by path, with the footer line that names the source log taken out. */
function siteFiles(dir: string): Record<string, string> {
  // The list of files written (.slac-report.json) holds each page's hash, which the footer changes: its names are compared apart.
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== '.slac-report.json');
  return Object.fromEntries(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const text = readFileSync(path, 'utf8').replace(/^<footer><p>Made by slac report from .*$/m, '<footer>(source)');
      return [path.slice(dir.length + 1), text];
    }),
  );
}

/** The files the site's list (.slac-report.json) names: every file of the site but the list. */
function listedFiles(dir: string): string[] {
  return Object.keys((JSON.parse(readFileSync(join(dir, '.slac-report.json'), 'utf8')) as { files: object }).files);
}

/** The footer's "made from" of a site's index page. */
function madeFrom(dir: string): string {
  return /Made by slac report from (.*?); figures/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1] ?? '';
}

describe('slac report --log-format zendesk-tables: the Fivetran seed tables', () => {
  const { log, summary } = imported('fivetran.ndjson', fivetran);
  const streamedDir = join(out, 'streamed');
  const fromFileDir = join(out, 'from-file');
  const streamed = slac('report', fivetranSla, '--log-format', 'zendesk-tables', fivetran, '-o', streamedDir);
  const fromFile = slac('report', fivetranSla, log, '-o', fromFileDir);

  it('builds the site of slac import then slac report, byte for byte but for the line naming the source', () => {
    expect([streamed.code, fromFile.code]).toEqual([0, 0]);
    const index = (dir: string): string => readFileSync(join(dir, 'index.html'), 'utf8');
    const lines = (dir: string): string[] => index(dir).split('\n');
    const differing = lines(streamedDir).flatMap((line, at) => (line === lines(fromFileDir)[at] ? [] : [at]));
    expect(differing).toHaveLength(1);
    expect(lines(streamedDir)[differing[0]!]).toMatch(/^<footer><p>Made by slac report from /);
    // And every other page: the 8 tickets' timelines, the periods and the breaches.
    const files = siteFiles(streamedDir);
    expect(Object.keys(files).filter((path) => path.startsWith('tickets/'))).toHaveLength(8);
    expect(files).toEqual(siteFiles(fromFileDir));
    expect(listedFiles(streamedDir)).toEqual(listedFiles(fromFileDir));
    expect(madeFrom(streamedDir)).toBe(`${fivetran} (a zendesk-tables export)`);
    expect(madeFrom(fromFileDir)).toBe(log);
  });

  it('prints the import summary, one warning per status the agreement never mentions, then what it wrote', () => {
    expect(streamed.stderr.startsWith(agreementWarnings + summary)).toBe(true);
    // All 8 tickets were created in 2020; the agreement takes effect in 2024 (SLA4050).
    const early = (file: string): string =>
      `${file}: warning: 8 tickets were created before the agreement took effect on 2024-01-01; they are checked, and counted in the objectives and credits of their periods, as if it applied then [SLA4050]`;
    const warning = (where: string, value: string, rows: string): string =>
      `${fivetran}${where}: warning: key 'status': '${value}' is in no \`pause when status\` of agreement ZendeskFivetran, so it pauses no clock; ${rows} use it (the first here) [SLA4046]`;
    expect(streamed.stderr.slice(agreementWarnings.length + summary.length).split('\n')).toEqual([
      warning('ticket_data.csv:3', 'solved', '2 rows'),
      warning('ticket_data.csv:4', 'closed', '7 rows'),
      warning('ticket_field_history_data.csv:2', 'open', '4 rows'),
      early(`${fivetran} (zendesk-tables rows)`),
      `slac: wrote 22 pages (8 ticket timelines) to ${streamedDir}; open ${streamedDir}/index.html.`,
      '',
    ]);
    // A log file given as such is the user's own: no import summary, no warnings about its statuses.
    expect(fromFile.stderr).toBe(`${agreementWarnings}${early(log)}\nslac: wrote 22 pages (8 ticket timelines) to ${fromFileDir}; open ${fromFileDir}/index.html.\n`);
  });

  it.each([['text'], ['json']])('explains a ticket (%s) as slac import then slac explain does', (format) => {
    const fromExport = slac('explain', fivetranSla, '--log-format', 'zendesk-tables', fivetran, '11071', '--format', format);
    const fromLog = slac('explain', fivetranSla, log, '11071', '--format', format);
    expect([fromExport.code, fromLog.code]).toEqual([0, 0]);
    // Ticket 11071: created, then 17 status, severity, resolved and closed rows (lines 7 to 25 of the log).
    expect(fromLog.stdout).toContain('(log line 25)');
    expect(fromExport.stdout).toBe(fromLog.stdout);
    expect(fromExport.stderr.startsWith(agreementWarnings + summary)).toBe(true);
    expect(fromExport.stderr.slice(agreementWarnings.length + summary.length).match(/\[SLA4046\]\n/g)).toHaveLength(3);
    expect(fromLog.stderr).toBe(agreementWarnings);
  });
});

describe('slac report PORTFOLIO --log-format zendesk-tables --client-field', () => {
  it('routes tickets by the named field and builds the portal of slac import then slac report', () => {
    const portfolio = `${fixtures}/portfolio.sla`;
    const { log } = imported('accounts.ndjson', `${fixtures}/export`, '--client-field', 'custom_account');
    const streamedDir = join(out, 'portal-streamed');
    const fromFileDir = join(out, 'portal-from-file');
    const streamed = slac('report', portfolio, '--log-format', 'zendesk-tables', `${fixtures}/export`, '--client-field', 'custom_account', '-o', streamedDir);
    const fromFile = slac('report', portfolio, log, '-o', fromFileDir);
    expect([streamed.code, fromFile.code]).toEqual([0, 0]);
    const files = siteFiles(streamedDir);
    // One folder per client (clients/acme-1/, clients/globex-7/), each with its tickets.
    expect(Object.keys(files).filter((path) => path.endsWith('index.html'))).toHaveLength(3);
    expect(files).toEqual(siteFiles(fromFileDir));
    expect(listedFiles(streamedDir)).toEqual(listedFiles(fromFileDir));
    expect(madeFrom(streamedDir)).toBe(`${fixtures}/export (a zendesk-tables export)`);
  });

  it('explains a ticket after several exported files: the ticket id is the last argument', () => {
    const loose = `${fixtures}/loose.sla`;
    const { log } = imported('loose.ndjson', `${fixtures}/export/ticket.csv`, `${fixtures}/export/organization.csv`);
    const fromExport = slac('explain', loose, `${fixtures}/export/ticket.csv`, `${fixtures}/export/organization.csv`, '5', '--log-format', 'zendesk-tables', '--format', 'json');
    const fromLog = slac('explain', loose, log, '5', '--format', 'json');
    expect([fromExport.code, fromLog.code]).toEqual([0, 0]);
    expect(fromExport.stdout).toBe(fromLog.stdout);
    // Ticket 5: urgent, open 10:00-18:00 with no pause before on-hold (as-of 2024-03-05T18:00): 480 of 240 minutes.
    const timeline = JSON.parse(fromExport.stdout);
    expect(timeline.metrics.map((metric: { metric: string; status: string; elapsedMinutes: number }) => `${metric.metric} ${metric.status} ${metric.elapsedMinutes}`)).toEqual(['Resolution breached 480']);
  });
});

describe('slac report and explain --log-format: errors', () => {
  const loose = `${fixtures}/loose.sla`;
  const strict = `${fixtures}/strict.sla`;
  const rows = `${fixtures}/export/ticket.csv`;
  const { log } = imported('for-errors.ndjson', `${fixtures}/export`);
  const site = join(out, 'never');

  it.each([
    ['report', 'report'],
    ['explain', 'timeline'],
  ])('slac %s: a priority the agreement does not map is one error with its count; the rest name the exported rows', (command, made) => {
    const args = command === 'report' ? [strict, '--log-format', 'zendesk-tables', `${fixtures}/export`, '-o', site] : [strict, '--log-format', 'zendesk-tables', `${fixtures}/export`, '3'];
    const run = slac(command, ...args);
    expect([run.code, run.stdout]).toEqual([2, '']);
    const lines = run.stderr.split('\n');
    const after = lines.slice(lines.findIndex((line) => line.startsWith('note (5)')) + 1);
    expect(after[0]).toBe(
      `${rows}:2: key 'severity': 'low' is neither a severity of agreement Strict nor in any severity's \`matches\`; 3 rows use it (the first here), and they are invalid rows [SLA4047]`,
    );
    // Tickets 1, 2 and 4 lose their `created` row: their status and resolved/closed rows name it, at its exported row (6 errors, after 3 warnings).
    expect(after.slice(4, 10)).toEqual(
      [2, 2, 3, 3, 5, 5].map((line, at) => `${rows}:${line}: key 'ticket': ticket '${[1, 1, 2, 2, 4, 4][at]}' has no valid 'created' event: its 'created' row on line ${line} is invalid [SLA4055]`),
    );
    expect(after.slice(10)).toEqual([`slac: no ${made}: the input has 9 errors (pass --skip-invalid to leave invalid rows out).`, '']);
    expect(run.stderr).not.toContain('SLA4004');
  });

  const refused: [string, string[], string][] = [
    ['report: two logs without --log-format', ['report', loose, log, log, '-o', site], `slac: a ticket log is one file, not 2 (${log}, ${log}); several files or folders are read only as a helpdesk's export (--log-format `],
    ['report: two logs with --log-format csv', ['report', loose, log, log, '--log-format', 'csv', '-o', site], 'slac: a ticket log is one file, not 2'],
    ['report: --client-field without a helpdesk format', ['report', loose, log, '--client-field', 'custom_account', '-o', site], 'slac: --client-field is read only with the export of a helpdesk (--log-format '],
    ['report: a missing export', ['report', loose, '--log-format', 'zendesk-tables', `${fixtures}/nothing`, '-o', site], `slac: cannot read ${fixtures}/nothing: no such file or folder.`],
    ['report: an export without its ticket table', ['report', loose, '--log-format', 'zendesk-tables', `${fixtures}/export/organization.csv`, '-o', site], 'no ticket table among'],
    ['report: an unknown format', ['report', loose, log, '--log-format', 'zendeks', '-o', site], "argument 'zendeks' is invalid. Allowed choices are csv, ndjson, "],
    ['explain: two logs without --log-format', ['explain', loose, log, log, '5'], `slac: a ticket log is one file, not 2 (${log}, ${log}); several files or folders`],
    ['explain: --client-field with --log-format ndjson', ['explain', loose, log, '5', '--log-format', 'ndjson', '--client-field', 'x'], "a ndjson log names the client in its 'client' column"],
    ['explain: the ticket left out', ['explain', loose, '--log-format', 'zendesk-tables', `${fixtures}/export/ticket.csv`, `${fixtures}/export/organization.csv`], `slac: ${fixtures}/export/ticket.csv: no ticket '${fixtures}/export/organization.csv' among its 5 tickets. '${fixtures}/export/organization.csv' is a file or folder: the ticket id goes last, after the logs.`],
    ['explain: an unknown ticket', ['explain', loose, '--log-format', 'zendesk-tables', `${fixtures}/export`, '6'], `slac: ${fixtures}/export: no ticket '6' among its 5 tickets.`],
  ];
  it.each(refused)('%s is refused in one line, exit 2', (_name, args, message) => {
    const run = slac(...args);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists the helpdesk formats and --client-field in the help of report and explain, with the ticket last', () => {
    for (const command of ['report', 'explain']) {
      const help = slac(command, '--help').stdout;
      expect(help).toContain('"zendesk-tables"');
      expect(help).toContain('--client-field');
    }
    expect(slac('explain', '--help').stdout).toContain('Usage: slac explain [options] <agreement> <log...> <ticket>');
  });
});
