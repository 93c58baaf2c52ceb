import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `-o /dev/null` (as the benchmark writes) or `-o` a named pipe: the report
 * is written into the device or pipe itself. Written beside it and renamed
 * over it, as regular files are, it would replace /dev/null with a file.
 */

const LOG = `${LOG_HEADER}\nA,2026-03-02T09:00:00+01:00,created,High,Email,,,\nA,2026-03-02T09:10:00+01:00,reply,,,,agent,\n`;

describe('-o a pipe or a device', () => {
  it('writes into a named pipe and leaves it a pipe, with no temporary file', async () => {
    const folder = freshFolder('fifo-out');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', LOG);
    const fifo = join(folder, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [builtBin, 'check', 'a.sla', 'log.csv', '-o', 'report.fifo'], { cwd: folder, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const reading = readFile(fifo, 'utf8');
    await exited;
    // A check that never opened the pipe would leave the read waiting for a writer for ever: open the pipe and
    // close it, so that the read ends with what was written (nothing). Once the read has ended, there is no reader,
    // and the open fails. (Racing the read against the exit lost on a loaded machine: both end together.)
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // the read has ended
    }
    const report = await reading;
    expect(report).toContain('Tickets: 1,');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['a.sla', 'log.csv', 'report.fifo']);
  });
});
