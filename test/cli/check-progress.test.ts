import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';

const agreement = join(import.meta.dirname, '..', '..', 'examples', 'poologics.sla');
const folder = mkdtempSync(join(tmpdir(), 'slac-progress-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A valid log of about `megabytes` MB: long status texts make it large, with over 4,096 tickets (evaluation reports progress per 4,096). */
function writeLog(name: string, megabytes: number): string {
  const note = 'Investigating with the customer '.padEnd(400, '.');
  const rows = ['ticket,time,event,status'];
  let size = 0;
  for (let ticket = 0; size < megabytes * 1024 * 1024; ticket++) {
    const row = [`T-${ticket},2026-03-02T14:00:00Z,created,`, ...Array.from({ length: 2 }, (_, i) => `T-${ticket},2026-03-02T14:${10 + i}:00Z,status,${note}`)];
    rows.push(...row);
    size += row.reduce((sum, line) => sum + line.length + 1, 0);
  }
  const path = join(folder, name);
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

/** The same log as NDJSON, for worker threads (they read NDJSON only). */
function writeNdjsonLog(name: string, megabytes: number): string {
  const [header, ...rows] = readFileSync(writeLog(`${name}.csv`, megabytes), 'utf8').trim().split('\n');
  const keys = header!.split(',');
  const lines = rows.map((row) => JSON.stringify(Object.fromEntries(row.split(',').map((value, index) => [keys[index], value]).filter(([, value]) => value !== ''))));
  const path = join(folder, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function stderrOf(log: string, stderrIsTTY: boolean, extra: string[] = []): Promise<string> {
  let stderr = '';
  const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text), stderrIsTTY, cwd: folder };
  const status = await runCli(['check', agreement, log, '--format', 'json', '-o', join(folder, 'report.json'), ...extra], io);
  expect(status).toBeLessThan(2);
  return stderr;
}

describe('slac check progress bar', () => {
  const large = writeLog('large.csv', 6);
  const small = writeLog('small.csv', 0.1);

  it('draws reading and evaluating on a terminal for a large log, then erases itself', async () => {
    const stderr = await stderrOf(large, true);
    expect(stderr).toContain('Reading');
    expect(stderr).toContain('100%');
    expect(stderr).toContain('Evaluating tickets');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws them with --jobs 2 too: reading as the threads take blocks, then evaluating', async () => {
    const log = writeNdjsonLog('large.ndjson', 6);
    const blockBytes = 3 * 1024 * 1024;
    // Worker threads on a log under 32 MB, in blocks of 3 MiB: the bar moves a block at a time (the one-thread reader moves by 1 MiB chunks).
    process.env.SLAC_CHECK_PARALLEL_MIN_BYTES = '0';
    process.env.SLAC_CHECK_CORES = '2';
    process.env.SLAC_CHECK_BLOCK_BYTES = String(blockBytes);
    try {
      const stderr = await stderrOf(log, true, ['--jobs', '2']);
      const size = statSync(log).size;
      const blocks = Array.from({ length: Math.ceil(size / blockBytes) }, (_, index) => Math.floor((Math.min(size, (index + 1) * blockBytes) / size) * 100));
      const reading = [...stderr.matchAll(/Reading .*?\] (\d+)%/g)].map((match) => Number(match[1]));
      expect(reading).toEqual(blocks);
      expect(stderr).toContain('Evaluating tickets');
      expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    } finally {
      delete process.env.SLAC_CHECK_PARALLEL_MIN_BYTES;
      delete process.env.SLAC_CHECK_CORES;
      delete process.env.SLAC_CHECK_BLOCK_BYTES;
    }
  });

  it('with --jobs 2, erases itself before saying that a CSV record runs over two lines', async () => {
    // The log's lines are not its records: the check is done again on one thread, and --jobs says so, on a line of its own.
    const rows = readFileSync(large, 'utf8').split('\n');
    const at = rows.findIndex((row, index) => index > rows.length * 0.75 && row.includes(',status,'));
    rows[at] = rows[at]!.replace(/,status,Investigating with (.*)$/, ',status,"Investigating\nwith $1"');
    const log = join(folder, 'over-lines.csv');
    writeFileSync(log, rows.join('\n'));
    process.env.SLAC_CHECK_PARALLEL_MIN_BYTES = '0';
    process.env.SLAC_CHECK_CORES = '2';
    process.env.SLAC_CHECK_BLOCK_BYTES = String(1024 * 1024);
    try {
      const stderr = await stderrOf(log, true, ['--jobs', '2']);
      const notice = `slac: --jobs 2: ${log}:${at + 1}: a quoted field runs on past this line, so the log is checked on one thread (where its records start is known only by reading it from the top).\n`;
      expect(stderr).toContain(`\r\u001b[K${notice}`);
      expect(stderr.endsWith('\r\u001b[K')).toBe(true);
      // After it, the bar is that of the check on one thread, from the top: the threads' reading, given up, is not drawn on.
      const reading = (text: string): number[] => [...text.matchAll(/Reading .*?\] (\d+)%/g)].map((match) => Number(match[1]));
      expect(reading(stderr.slice(stderr.indexOf(notice)))).toEqual(reading(await stderrOf(log, true, ['--jobs', '1'])));
    } finally {
      delete process.env.SLAC_CHECK_PARALLEL_MIN_BYTES;
      delete process.env.SLAC_CHECK_CORES;
      delete process.env.SLAC_CHECK_BLOCK_BYTES;
    }
  });

  it.each([
    ['a large log when stderr is not a terminal', large, false],
    ['a small log on a terminal', small, true],
  ])('prints nothing on stderr for %s', async (_case, log, tty) => {
    expect(await stderrOf(log, tty)).toBe('');
  });
});
