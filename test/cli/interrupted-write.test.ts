import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
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

  it('are removed, with a site staged in a folder, by the next report into the same folder', () => {
    const folder = freshFolder('interrupted-site');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', 'ticket,time,event,severity\nT-1,2026-03-02T10:00:00+01:00,created,High\n');
    const deadWriter = join('site', '.slac-site.999999999.k3x9a1b2.tmp');
    const liveWriter = join('site', `.slac-site.${process.pid}.abc123de.tmp`);
    for (const staging of [deadWriter, liveWriter]) mkdirSync(join(folder, staging, 'tickets'), { recursive: true });
    write(folder, join(deadWriter, 'tickets', 'T-1.html'), 'a page of a site never finished');
    write(folder, join('site', 'notes.txt'), 'kept: the folder may hold more than the site');
    const run = spawnSync(process.execPath, [builtBin, 'report', 'a.sla', 'log.csv', '-o', 'site'], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const left = readdirSync(join(folder, 'site'));
    expect(left).not.toContain(basename(deadWriter));
    expect(left).toEqual(expect.arrayContaining([basename(liveWriter), 'notes.txt', 'index.html', 'style.css']));
  });
});
