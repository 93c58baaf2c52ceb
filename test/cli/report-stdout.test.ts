import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZendeskExport } from '../../scripts/generate-zendesk-export.mjs';
import { builtBin } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * The report on standard output is written from one reused buffer straight
 * when standard output is a file (Node writes a file synchronously) or a
 * pipe (made blocking: Node would queue in memory what the pipe cannot take
 * at once). Both must give the bytes `-o` gives, over several blocks (a
 * block is 1 MiB), and a reader slower than the check must not make the
 * check hold its report in memory; nor `slac import` its log.
 */

const TICKETS = 6000;

function log(tickets = TICKETS): string {
  const rows: string[] = [];
  for (let i = 0; i < tickets; i++) {
    const minute = String(i % 60).padStart(2, '0');
    rows.push(`T-${i},2026-03-02T09:${minute}:00+01:00,created,High,Email,,,`, `T-${i},2026-03-02T10:${minute}:30+01:00,reply,,,,agent,`);
  }
  return `${LOG_HEADER}\n${rows.join('\n')}\n`;
}

describe('the report on standard output', () => {
  it('is the same bytes as -o writes, into a file and into a pipe', () => {
    const folder = freshFolder('report-stdout');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', log());
    const args = [builtBin, 'check', 'a.sla', 'log.csv', '--format', 'json'];
    const named = spawnSync(process.execPath, [...args, '-o', 'named.json'], { cwd: folder, encoding: 'utf8' });
    expect(named.stderr).toBe('');
    const expected = readFileSync(join(folder, 'named.json'));
    expect(expected.length).toBeGreaterThan(1.5 * 2 ** 20);
    expect(expected.toString('utf8')).toContain(`"id": "T-${TICKETS - 1}"`);

    const fd = openSync(join(folder, 'redirected.json'), 'w');
    try {
      const redirected = spawnSync(process.execPath, args, { cwd: folder, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(redirected.stderr).toBe('');
      expect(redirected.status).toBe(named.status);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(join(folder, 'redirected.json')).equals(expected)).toBe(true);

    const piped = spawnSync(process.execPath, args, { cwd: folder, maxBuffer: 64 * 2 ** 20 });
    expect(piped.status).toBe(named.status);
    expect(Buffer.from(piped.stdout).equals(expected)).toBe(true);
  });

  /** The built CLI's own peak RSS in bytes, printed to stderr at exit: no /usr/bin/time needed. */
  const PEAK_PRINTER = `import { writeSync } from 'node:fs';
process.on('exit', () => writeSync(2, 'peak ' + process.resourceUsage().maxRSS * 1024 + '\\n'));
process.argv.splice(1, 1);
await import(process.argv[1]);
`;

  function peakOf(stderr: string): number {
    const match = /peak (\d+)\n$/.exec(stderr);
    if (match === null) throw new Error(`no peak in: ${stderr}`);
    return Number(match[1]);
  }

  /**
   * Runs the built CLI with `args` in `folder` twice, writing `-o output`
   * and to a pipe whose reader takes nothing for 2 s (a queued output would
   * be whole in memory by then: each run takes under 1 s here); checks both
   * give the same bytes, and returns the output's size and how much higher
   * the piped run's peak RSS was.
   */
  function slowPipeGrowth(folder: string, args: readonly string[], output: string): { bytes: number; growth: number } {
    write(folder, 'peak.mjs', PEAK_PRINTER);
    const command = [process.execPath, 'peak.mjs', builtBin, ...args].map((word) => `'${word}'`).join(' ');
    const toFile = spawnSync('bash', ['-c', `${command} -o ${output}`], { cwd: folder, encoding: 'utf8' });
    const toSlowPipe = spawnSync('bash', ['-c', `${command} | (sleep 2; cat > piped)`], { cwd: folder, encoding: 'utf8' });
    expect(readFileSync(join(folder, 'piped')).equals(readFileSync(join(folder, output)))).toBe(true);
    return { bytes: statSync(join(folder, output)).size, growth: peakOf(toSlowPipe.stderr) - peakOf(toFile.stderr) };
  }

  it('waits for a slow reader instead of holding the report in memory', () => {
    const folder = freshFolder('report-pipe-memory');
    write(folder, 'a.sla', agreementText());
    // About 38 MB of JSON: well above how much the peak varies between runs.
    write(folder, 'log.csv', log(100_000));
    const { bytes, growth } = slowPipeGrowth(folder, ['check', 'a.sla', 'log.csv', '--format', 'json'], 'report.json');
    expect(bytes).toBeGreaterThan(30e6);
    expect(growth).toBeLessThan(bytes / 2);
  });

  it('slac import: the log to a slow reader is held back too, not gathered in memory', () => {
    const folder = freshFolder('import-pipe-memory');
    // About 45 MB of NDJSON.
    writeZendeskExport(join(folder, 'export'), 50_000);
    const { bytes, growth } = slowPipeGrowth(folder, ['import', 'zendesk', 'export'], 'log.ndjson');
    expect(bytes).toBeGreaterThan(30e6);
    expect(growth).toBeLessThan(bytes / 2);
  });
});
