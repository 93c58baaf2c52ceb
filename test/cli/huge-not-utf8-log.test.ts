import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtBin, repoRoot } from './built-cli.js';

/**
 * A log of many gigabytes with bytes that are not UTF-8 near its top,
 * through the built CLI. The one-thread reader looked for the bad line by
 * reading the whole file into memory: past 2 GiB Node refuses that, and the
 * user got "internal error: File size ... is greater than 2 GiB" (exit 70);
 * below it, the whole log sat in memory. With `--jobs 2` the threads read
 * on to the end before the one-thread reader said where (19 s for a 2.2 GB
 * log). Both now name the line at once. The log is a sparse file: its
 * 20 GiB after the first lines are a hole, which takes no disk space (and
 * which a full read would take minutes to scan: the timeout is the backstop).
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-huge-not-utf8-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const created = '{"ticket":"T1","event":"created","at":"2026-01-05T09:00:00Z","severity":"P3"}\n';

function hugeLog(name: string, head: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, head);
  truncateSync(path, 20 * 1024 ** 3);
  return path;
}

const ndjson = hugeLog('huge.ndjson', Buffer.concat([Buffer.from(created.repeat(3)), Buffer.from('{"ticket":"T\xff"}\n', 'latin1'), Buffer.from(created.repeat(20_000))]));
const csv = hugeLog('huge.csv', Buffer.concat([Buffer.from('ticket,event,at,severity\nT1,created,2026-01-05T09:00:00Z,P3\n'), Buffer.from('T\xe9,created,2026-01-05T09:00:00Z,P3\n', 'latin1'), Buffer.from('T1,resolved,2026-01-06T09:00:00Z,\n'.repeat(20_000))]));

describe('a huge log with a line that is not UTF-8', () => {
  it.each([
    ['NDJSON', '1', ndjson, 4],
    ['NDJSON', '2', ndjson, 4],
    ['CSV', '1', csv, 3],
    ['CSV', '2', csv, 3],
  ])('%s at --jobs %s: the line is named at once', (_, jobs, log, line) => {
    const result = spawnSync(process.execPath, [builtBin, 'check', join(repoRoot, 'examples', 'poologics.sla'), log, '--jobs', jobs], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, SLAC_CHECK_CORES: '8' },
    });
    expect(result.error).toBeUndefined(); // not killed by the timeout
    expect(result.stderr).not.toContain('internal error');
    expect({ code: result.status, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: expect.stringContaining(`${log}:${line}: cannot read ${log}: line ${line} is not UTF-8 text`),
    });
  }, 120_000);
});
