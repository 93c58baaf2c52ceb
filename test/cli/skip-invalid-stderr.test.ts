import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { serializeModel } from '../../runtime/model-io.js';
import { supportModel } from '../runtime/check/fixture-model.js';
import { repoRoot } from './built-cli.js';

/**
 * `--skip-invalid` never drops a row without a word on stderr, whatever the
 * format (issue 13), and names it as its error would: with the key at fault
 * and the code (`key 'ticket': missing; ...` read `missing; ...` until
 * 2026-12-06).
 */
const folder = mkdtempSync(join(tmpdir(), 'slac-cli-skip-'));
writeFileSync(join(folder, 'support.sla.json'), serializeModel(supportModel));
const good = [
  'ticket,time,event,severity,channel,status,author,level',
  'A,2026-03-02T09:00:00-05:00,created,,,,,',
  'A,2026-03-02T09:10:00-05:00,reply,,,,agent,',
  'A,2026-03-02T10:00:00-05:00,resolved,,,,,',
];
writeFileSync(join(folder, 'good.csv'), good.join('\n'));
writeFileSync(join(folder, 'bad.csv'), [...good, 'A,2026-03-02T10:30:00Z,reply,,,,robot,'].join('\n'));

async function slac(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTTY: false, cwd: folder });
  return { code, stdout, stderr };
}

// As the error would be without --skip-invalid: the key and the code too.
const skippedRow = "bad.csv:5: key 'author': 'robot' is not a reply author; expected agent, customer or system [SLA4006]\n";

describe('--skip-invalid', () => {
  it.each([
    ['text', 'also listed in the report'],
    ['json', 'also listed in the report'],
    ['csv', 'not in the CSV report'],
  ])('prints the count and the skipped rows on stderr (%s)', async (format, note) => {
    const result = await slac('check', 'support.sla.json', 'bad.csv', '--skip-invalid', '--format', format);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`slac: 1 invalid log row skipped (${note}):\n${skippedRow}`);
  });

  it('lists the row in the text report as on stderr', async () => {
    const result = await slac('check', 'support.sla.json', 'bad.csv', '--skip-invalid');
    expect(result.stdout).toContain(`Skipped rows (1)\n  ${skippedRow}`);
  });

  // A row with two bad keys is one row and two problems: "Skipped rows (2)" under "Invalid log rows skipped: 1." read as two rows.
  it('counts rows in the text report, and the problems when a row has several', async () => {
    writeFileSync(join(folder, 'twice.csv'), [...good, 'A,yesterday,reply,,,,robot,'].join('\n'));
    const result = await slac('check', 'support.sla.json', 'twice.csv', '--skip-invalid');
    expect(result.stdout).toContain('Invalid log rows skipped: 1.\n');
    expect(result.stdout).toMatch(/\nSkipped rows \(1, with 2 problems\)\n {2}twice\.csv:5: key '[a-z]+': .*\n {2}twice\.csv:5: key '[a-z]+': /);
  });

  it.each(['text', 'json', 'csv'])('says nothing on stderr when no row was skipped (%s)', async (format) => {
    const result = await slac('check', 'support.sla.json', 'good.csv', '--skip-invalid', '--format', format);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('--skip-invalid when every row is invalid', () => {
  const rows = {
    csv: ['ticket,time,event', 'A,2026-03-02T09:00:00-05:00,bogus', 'B,xx,created'].join('\n'),
    ndjson: ['{"ticket":"A","time":"2026-03-02T09:00:00-05:00","event":"bogus"}', '{"ticket":"B","time":"xx","event":"created"}'].join('\n'),
  };
  for (const [extension, text] of Object.entries(rows)) writeFileSync(join(folder, `allbad.${extension}`), `${text}\n`);

  it.each(['csv', 'ndjson'].flatMap((extension) => ['text', 'json', 'csv'].map((format) => [extension, format])))(
    'counts and lists the skipped rows before saying there is no event (%s log, %s report)',
    async (extension, format) => {
      const result = await slac('check', 'support.sla.json', `allbad.${extension}`, '--skip-invalid', '--format', format);
      // The CSV log's rows start after its header.
      const first = extension === 'csv' ? 2 : 1;
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'slac: 2 invalid log rows skipped (no valid row left to report on):\n' +
          `allbad.${extension}:${first}: key 'event': 'bogus' is not an event; expected one of created, reply, status, severity, estimate, escalated, resolved, reopened or closed [SLA4003]\n` +
          `allbad.${extension}:${first + 1}: key 'time': 'xx' is not an ISO 8601 instant with an offset: write it as 2026-03-02T09:15:00Z, or 2026-03-02T09:15:00+01:00 with an offset [SLA4002]\n` +
          `allbad.${extension}: the log has no events; pass --as-of to make a report at a given instant [SLA4019]\n` +
          'slac: no report: the input has 1 error.\n',
      );
    },
  );
});

describe('--skip-invalid with a portfolio', () => {
  const portfolio = join(repoRoot, 'examples', 'multilevel', 'departments.sla');
  const log = readFileSync(join(repoRoot, 'examples', 'logs', 'departments.tickets.csv'), 'utf8').trimEnd().split('\n');
  // A client's row with a bad time (line 2's ticket and client, created again): skipped in that client's report.
  const bad = log[1]!.replace(/^([^,]*),[^,]*,/, '$1,notatime,');
  writeFileSync(join(folder, 'departments.csv'), [...log, bad].join('\n'));
  const badLine = log.length + 1;

  // Every row invalid: one of a client (a bad time), one of none (no ticket).
  writeFileSync(join(folder, 'departments-allbad.csv'), [log[0], log[1]!.replace(/^([^,]*),[^,]*,/, '$1,notatime,'), ',2026-03-03T15:54:10Z,reply,,,,system,,'].join('\n'));

  it.each(['text', 'json', 'csv'])('counts and lists the skipped rows when every row is invalid (%s)', async (format) => {
    const result = await slac('check', portfolio, 'departments-allbad.csv', '--skip-invalid', '--format', format);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^slac: 2 invalid log rows skipped \(no valid row left to report on\):\ndepartments-allbad\.csv:2: key 'time': 'notatime' .* \[SLA4002\]\ndepartments-allbad\.csv:3: key 'ticket': missing; every row names its ticket \[SLA4001\]\ndepartments-allbad\.csv: the log has no events/);
  });

  it.each([
    ['text', 'also listed in the report'],
    ['json', 'also listed in the report'],
    ['csv', 'not in the CSV report'],
  ])("prints a client's skipped rows on stderr (%s)", async (format, note) => {
    const result = await slac('check', portfolio, 'departments.csv', '--skip-invalid', '--format', format);
    expect(result.stderr).toBe(`slac: 1 invalid log row skipped (${note}):\ndepartments.csv:${badLine}: key 'time': 'notatime' is not an ISO 8601 instant with an offset: write it as 2026-03-02T09:15:00Z, or 2026-03-02T09:15:00+01:00 with an offset [SLA4002]\n`);
  });
});
