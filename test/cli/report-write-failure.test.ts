import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin, repoRoot } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * An output that cannot be written to the end (here: past the shell's file
 * size limit, as on a full disk) says why, once, and leaves the destination
 * as it was and no temporary file; with `--jobs 2` too, where the report's
 * writer is fed from worker threads' messages. A report site, written page
 * by page into its folder, says why too, and that it is incomplete.
 */

/** 3,000 tickets, as NDJSON (the `--jobs` workers read NDJSON): a JSON report of about 2 MB, written in pieces of 1 MiB. */
function largeLog(): string {
  const rows: string[] = [];
  for (let ticket = 0; ticket < 3000; ticket++) {
    const minute = String(ticket % 60).padStart(2, '0');
    rows.push(
      JSON.stringify({ ticket: `T-${ticket}`, time: `2026-03-02T10:${minute}:00+01:00`, event: 'created', severity: 'High', channel: 'Email' }),
      JSON.stringify({ ticket: `T-${ticket}`, time: `2026-03-02T11:${minute}:00+01:00`, event: 'reply', author: 'agent' }),
    );
  }
  return `${rows.join('\n')}\n`;
}

/**
 * The built CLI with files limited to `kib` KiB (`ulimit -f`): a write
 * that reaches the limit writes what fits, and the next fails with EFBIG.
 */
function slacWithFileLimit(folder: string, kib: number, args: readonly string[]): { code: number | null; stderr: string } {
  const command = `ulimit -f ${kib} && exec "$0" "$@"`;
  const result = spawnSync('bash', ['-c', command, process.execPath, builtBin, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '2' } });
  return { code: result.status, stderr: result.stderr };
}

/** Every file under `folder`, by its path inside it, with its text. */
function siteFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(folder, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('an output that cannot be written to its end', () => {
  it.each(['1', '2'])('says why and leaves the destination as it was (--jobs %s)', (jobs) => {
    const folder = freshFolder(`write-failure-${jobs}`);
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.ndjson', largeLog());
    write(folder, 'report.json', 'the report before\n');
    const run = slacWithFileLimit(folder, 256, ['check', 'a.sla', 'log.ndjson', '--format', 'json', '--jobs', jobs, '-o', 'report.json']);
    expect(run.stderr).toBe('slac: cannot write the report to report.json: file too large.\n');
    expect(run.code).toBe(2);
    expect(readFileSync(join(folder, 'report.json'), 'utf8')).toBe('the report before\n');
    expect(readdirSync(folder).sort()).toEqual(['a.sla', 'log.ndjson', 'report.json']);
  });

  it('fmt: the source is left whole, not replaced by what fitted', () => {
    const folder = freshFolder('write-failure-fmt');
    // Indented twice as deep as fmt writes it, and over the 4 KiB limit.
    const source = agreementText().replace(/^ {2}/gm, '    ');
    const long = `${source}\n${'// a comment line that fmt keeps as it is\n'.repeat(120)}`;
    write(folder, 'a.sla', long);
    const run = slacWithFileLimit(folder, 4, ['fmt', 'a.sla']);
    expect(run.stderr).toBe('slac: cannot write a.sla: file too large.\n');
    expect(run.code).toBe(2);
    expect(readFileSync(join(folder, 'a.sla'), 'utf8')).toBe(long);
    expect(readdirSync(folder)).toEqual(['a.sla']);
  });

  it('report: a site that cannot be written says why, as a user error, and the folder keeps the site it had', () => {
    const folder = freshFolder('write-failure-site');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.ndjson', largeLog());
    const before = slacWithFileLimit(folder, 100_000, ['report', 'a.sla', 'log.ndjson', '-o', 'site', '--as-of', '2026-03-02T10:30:00+01:00']);
    expect(before.code).toBe(0);
    const pagesBefore = siteFiles(join(folder, 'site'));
    const run = slacWithFileLimit(folder, 2, ['report', 'a.sla', 'log.ndjson', '-o', 'site']);
    expect(run.stderr).toBe('slac: cannot write the site into site: file too large; site is left as it was.\n');
    expect(run.code).toBe(2);
    // Every page as it was, and no staging folder left behind.
    expect(siteFiles(join(folder, 'site'))).toEqual(pagesBefore);
  });

  it('import: a log that cannot be written says why, as a user error, and the destination is left as it was', () => {
    const folder = freshFolder('write-failure-import');
    write(folder, 'log.ndjson', 'the log before\n');
    const run = slacWithFileLimit(folder, 1, ['import', 'jira', join(repoRoot, 'test', 'import', 'fixtures', 'jira'), '-o', 'log.ndjson']);
    expect(run.stderr).toBe('slac: cannot write log.ndjson: file too large.\n');
    expect(run.code).toBe(2);
    expect(readFileSync(join(folder, 'log.ndjson'), 'utf8')).toBe('the log before\n');
    expect(readdirSync(folder)).toEqual(['log.ndjson']);
  });

  it('compile: an output written in one piece is not left cut short at the limit', () => {
    const folder = freshFolder('write-failure-compile');
    write(folder, 'a.sla', agreementText());
    const run = slacWithFileLimit(folder, 4, ['compile', 'a.sla', '--format', 'html', '-o', 'a.html']);
    expect(run.stderr).toBe(`slac: cannot write ${join(folder, 'a.html')}: file too large.\n`);
    expect(run.code).toBe(2);
    expect(readdirSync(folder)).toEqual(['a.sla']);
  });
});
