import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostTag } from '../../cli/temp-files.js';
import { builtBin } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * A check killed while it writes its report (Ctrl-C, a CI job's timeout)
 * cannot remove its temporary file: it writes without yielding to the event
 * loop, where a signal handler would run. The next write of the same
 * output removes what a writer no longer running left behind, through the
 * built CLI as users run it; a running writer's file, a file of another host
 * (whose process ids mean nothing here) and anything else are kept.
 */
const host = hostTag();
const otherHost = host === '0badc0de' ? '0badf00d' : '0badc0de';
describe('temporary files of a writer that was killed', () => {
  it.each([
    ['check', 'report.json', ['check', 'a.sla', 'log.csv', '--format', 'json', '-o', 'report.json']],
    ['fmt', 'a.sla', ['fmt', 'a.sla']],
  ])('are removed by the next %s of the same output', (_, output, args) => {
    const deadWriter = `.${output}.999999999.${host}.k3x9a1b2.tmp`;
    const liveWriter = `.${output}.${process.pid}.${host}.abc123de.tmp`;
    const unrelated = [
      `.${output}.999999999.${otherHost}.k3x9a1b2.tmp`,
      `.${output}.999999999.k3x9a1b2.tmp`,
      `.${output}.notes`,
      `.${output}.12.${host}.x.tmp.keep`,
      `.other.json.999999999.${host}.k3x9a1b2.tmp`,
    ];
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

  it('are removed, with a site staged in a folder, by the next report into the same folder', () => {
    const folder = freshFolder('interrupted-site');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', 'ticket,time,event,severity\nT-1,2026-03-02T10:00:00+01:00,created,High\n');
    const deadWriter = join('site', `.slac-site.999999999.${host}.k3x9a1b2.tmp`);
    const liveWriter = join('site', `.slac-site.${process.pid}.${host}.abc123de.tmp`);
    const otherHostWriter = join('site', `.slac-site.999999999.${otherHost}.k3x9a1b2.tmp`);
    for (const staging of [deadWriter, liveWriter, otherHostWriter]) mkdirSync(join(folder, staging, 'tickets'), { recursive: true });
    write(folder, join(deadWriter, 'tickets', 'T-1.html'), 'a page of a site never finished');
    write(folder, join('site', 'notes.txt'), 'kept: the folder may hold more than the site');
    const run = spawnSync(process.execPath, [builtBin, 'report', 'a.sla', 'log.csv', '-o', 'site'], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const left = readdirSync(join(folder, 'site'));
    expect(left).not.toContain(basename(deadWriter));
    expect(left).toEqual(expect.arrayContaining([basename(liveWriter), basename(otherHostWriter), 'notes.txt', 'index.html', 'style.css']));
  });
});
