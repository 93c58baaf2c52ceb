import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { serializeModel } from '../../runtime/model-io.js';
import { supportModel } from '../runtime/check/fixture-model.js';
import { repoRoot } from './built-cli.js';

/** `--skip-invalid` never drops a row without a word on stderr, whatever the format (issue 13). */
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

const skippedRow = "bad.csv:5: 'robot' is not a reply author; expected agent, customer or system\n";

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

  it.each(['text', 'json', 'csv'])('says nothing on stderr when no row was skipped (%s)', async (format) => {
    const result = await slac('check', 'support.sla.json', 'good.csv', '--skip-invalid', '--format', format);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('--skip-invalid with a portfolio', () => {
  const portfolio = join(repoRoot, 'examples', 'multilevel', 'departments.sla');
  const log = readFileSync(join(repoRoot, 'examples', 'logs', 'departments.tickets.csv'), 'utf8').trimEnd().split('\n');
  // A client's row with a bad time (line 2's ticket and client, created again): skipped in that client's report.
  const bad = log[1]!.replace(/^([^,]*),[^,]*,/, '$1,notatime,');
  writeFileSync(join(folder, 'departments.csv'), [...log, bad].join('\n'));
  const badLine = log.length + 1;

  it.each([
    ['text', 'also listed in the report'],
    ['json', 'also listed in the report'],
    ['csv', 'not in the CSV report'],
  ])("prints a client's skipped rows on stderr (%s)", async (format, note) => {
    const result = await slac('check', portfolio, 'departments.csv', '--skip-invalid', '--format', format);
    expect(result.stderr).toBe(`slac: 1 invalid log row skipped (${note}):\ndepartments.csv:${badLine}: 'notatime' is not an ISO 8601 instant with an offset: write it as 2026-03-02T09:15:00Z, or 2026-03-02T09:15:00+01:00 with an offset\n`);
  });
});
