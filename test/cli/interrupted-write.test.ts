import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtBin } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * A check killed while it writes its report (Ctrl-C, a CI job's timeout)
 * cannot remove its temporary file: it writes without yielding to the event
 * loop, where a signal handler would run. The next write of the same
 * output removes what a writer no longer running left behind, through the
 * built CLI as users run it; a running writer's file and anything else are
 * kept.
 */
describe('temporary files of a writer that was killed', () => {
  it.each([
    ['check', 'report.json', ['check', 'a.sla', 'log.csv', '--format', 'json', '-o', 'report.json']],
    ['fmt', 'a.sla', ['fmt', 'a.sla']],
  ])('are removed by the next %s of the same output', (_, output, args) => {
    const deadWriter = `.${output}.999999999.k3x9a1b2.tmp`;
    const liveWriter = `.${output}.${process.pid}.abc123de.tmp`;
    const unrelated = [`.${output}.notes`, `.${output}.12.x.tmp.keep`, '.other.json.999999999.k3x9a1b2.tmp'];
    const folder = freshFolder('interrupted-write');
    // Indented twice as deep as fmt writes it: fmt rewrites it.
    write(folder, 'a.sla', agreementText().replace(/^ {2}/gm, '    '));
    write(folder, 'log.csv', 'ticket,time,event,severity\nT-1,2026-03-02T10:00:00+01:00,created,High\n');
    for (const name of [deadWriter, liveWriter, ...unrelated]) write(folder, name, 'part of a report\n');
    const run = spawnSync(process.execPath, [builtBin, ...args], { cwd: folder, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(readdirSync(folder)).not.toContain(deadWriter);
    expect(readdirSync(folder)).toEqual(expect.arrayContaining([liveWriter, ...unrelated, output]));
  });
});
