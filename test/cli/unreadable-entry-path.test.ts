import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli, type CliRun } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/** The built CLI in `cwd`. */
const slacIn = (cwd: string, ...args: string[]): CliRun => runBuiltCli(args, cwd);

/**
 * An agreement given to slac that cannot be read is named in the message as
 * the user wrote it: `slac validate /dev/null` said "Cannot read the file
 * 'null'" (its name seen from its own folder) after the location
 * `/dev/null:1:1`. Also for a FIFO, a folder, a missing file in a folder,
 * and for compile and check; the log, fmt's file and compile's output
 * already named the path as written.
 */

const NOT_REGULAR = 'it is not a regular file (a device, a pipe or a socket)';

describe('an agreement that cannot be read is named as the user wrote it', () => {
  const folder = freshFolder('unreadable-entry');
  execFileSync('mkfifo', [join(folder, 'pipe.sla')]);
  mkdirSync(join(folder, 'sub'));
  write(folder, 'sub/a.sla', agreementText());
  write(folder, 'log.csv', 'ticket,time,event\n');

  it.each([
    ['a device', '/dev/null', NOT_REGULAR],
    ['a FIFO in the folder', 'pipe.sla', NOT_REGULAR],
    ['a folder', 'sub', 'it is a folder, not a file'],
    // `slac validate .` named it '' (the folder seen from itself).
    ['the folder it runs in', '.', 'it is a folder, not a file'],
    ['a missing file in a folder', 'sub/nowhere.sla', 'no such file'],
  ])('%s (%s): validate, compile and check', (_name, path, reason) => {
    const message = `${path}:1:1: error SLA2010: Cannot read the file '${path}': ${reason}.`;
    const validate = slacIn(folder, 'validate', path);
    expect({ code: validate.code, stdout: validate.stdout }).toEqual({ code: 2, stdout: `${message}\n1 error in 1 file\n` });
    const compile = slacIn(folder, 'compile', path, '-o', 'out.md');
    expect(compile.code).toBe(2);
    expect(compile.stderr).toContain(`${message}\n`);
    const check = slacIn(folder, 'check', path, 'log.csv');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`${message}\n`);
  });

  it('fmt and check name a device or FIFO given as their file or log as written', () => {
    for (const path of ['/dev/null', 'pipe.sla']) {
      const fmt = slacIn(folder, 'fmt', path);
      expect({ code: fmt.code, stderr: fmt.stderr }).toEqual({ code: 2, stderr: `slac: cannot read ${path}: ${NOT_REGULAR}.\n` });
    }
    const check = slacIn(folder, 'check', 'sub/a.sla', '/dev/null');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`slac: cannot read /dev/null: ${NOT_REGULAR}.`);
  });
});
