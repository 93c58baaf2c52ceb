import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A few bad inputs through the real executable (bin/slac.js running the
 * bundle built by `npm run build`): what reaches a terminal, exit status
 * included, with nothing from Node itself (warnings, stack traces).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'slac.js');
const folder = mkdtempSync(join(tmpdir(), 'slac-cli-e2e-errors-'));

function slac(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cases: { args: string[]; code: number; stream: 'stdout' | 'stderr'; text: string }[] = [
  { args: ['validate', 'nowhere.sla'], code: 2, stream: 'stdout', text: "nowhere.sla:1:1: error SLA2010: Cannot read the file 'nowhere.sla': no such file." },
  { args: ['fmt', '--bogus', 'x.sla'], code: 2, stream: 'stderr', text: "slac: unknown option '--bogus'\nRun 'slac fmt --help' for its options.\n" },
  { args: [], code: 2, stream: 'stderr', text: 'Usage: slac [options] [command]' },
  { args: ['--version'], code: 0, stream: 'stdout', text: '0.1.0\n' },
  { args: ['check', 'nowhere.sla.json', 'log.csv'], code: 2, stream: 'stderr', text: 'slac: cannot read the compiled model nowhere.sla.json: no such file.\n' },
];

describe('bin/slac.js on bad input', () => {
  it.each(cases)('slac $args: exit $code', ({ args, code, stream, text }) => {
    const run = slac(...args);
    expect(run.code).toBe(code);
    expect(run[stream]).toContain(text);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at |^\w*Error: |\(node:\d+\)/m);
  });
});

describe('bin/slac.js writing into a pipe closed early (slac check ... | head -1)', () => {
  it('stops quietly with exit 141 (128 + SIGPIPE), not 0 nor an EPIPE stack trace', async () => {
    copyFileSync(join(root, 'examples/poologics.sla'), join(folder, 'poologics.sla'));
    const rows = Array.from({ length: 20_000 }, (_, i) => `T${i},2026-01-05T15:02:00Z,created,,,,,`);
    writeFileSync(join(folder, 'many.csv'), `ticket,time,event,severity,channel,status,author,level\n${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [bin, 'check', 'poologics.sla', 'many.csv', '--format', 'csv'], { cwd: folder });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).toBe('');
    // Never 0: a closed pipe must not turn a failing verdict into success.
    expect(code).toBe(141);
  });

  it('stops at the first write the reader no longer takes, not after the whole check', async () => {
    copyFileSync(join(root, 'examples/poologics.sla'), join(folder, 'poologics.sla'));
    const rows = Array.from({ length: 20_000 }, (_, i) => `T${i},2026-01-05T15:02:00Z,created,,,,,`);
    // An event after --as-of: its warning is printed once every ticket is written, so only a check that went on after its reader left prints it.
    rows.push('T0,2026-02-01T09:00:00Z,resolved,,,,,');
    writeFileSync(join(folder, 'late.csv'), `ticket,time,event,severity,channel,status,author,level\n${rows.join('\n')}\n`);
    const ignoredWarning = slac('check', 'poologics.sla', 'late.csv', '--format', 'json', '--as-of', '2026-01-31T00:00:00Z', '-o', 'late.json');
    expect(ignoredWarning.stderr).toContain('1 event is after');
    const child = spawn(process.execPath, [bin, 'check', 'poologics.sla', 'late.csv', '--format', 'json', '--as-of', '2026-01-31T00:00:00Z'], { cwd: folder });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});
