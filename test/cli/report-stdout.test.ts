import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * The report on standard output is written from one reused buffer straight
 * when standard output is a file (Node writes a file synchronously), and
 * from a copy of each block when it is a pipe (whose stream may keep what
 * it is given). Both must give the bytes `-o` gives, over several blocks
 * (a block is 1 MiB).
 */

const TICKETS = 6000;

function log(): string {
  const rows: string[] = [];
  for (let i = 0; i < TICKETS; i++) {
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
});
