import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A path of spaces only, or one with a blank at an end, was printed bare:
 * `slac fmt ' '` said "slac: cannot read  : no such file." and
 * `slac validate ' '` " :1:1: error SLA2010: ...", the name lost among the
 * message's own spaces. Every message about reading a file quotes such a
 * path ('...'), in the file:line prefix as in the text, and so does every
 * message about writing one (-o); other paths are printed as they were. Through the built CLI, in an empty folder.
 */

const agreement = join(repoRoot, 'examples', 'letsflo.sla');
const log = join(repoRoot, 'examples', 'logs', 'letsflo.tickets.csv');

describe('a blank path, or one blank at an end, is quoted where it is read', () => {
  it.each([
    [['fmt', ' '], "slac: cannot read ' ': no such file.\n", ''],
    [['fmt', 'a.sla '], "slac: cannot read 'a.sla ': no such file.\n", ''],
    [['validate', ' '], '', "' ':1:1: error SLA2010: Cannot read the file ' ': no such file."],
    [['validate', ' a.sla'], '', "' a.sla':1:1: error SLA2010: Cannot read the file ' a.sla': no such file."],
    [['compile', ' '], "' ':1:1: error SLA2010: Cannot read the file ' ': no such file.", ''],
    [['check', ' ', log], "' ':1:1: error SLA2010: Cannot read the file ' ': no such file.", ''],
    [['check', agreement, ' .csv'], "' .csv': cannot read ' .csv': no such file [SLA4022]\n", ''],
    [['check', agreement, ' '], "' ': cannot tell the log format of ' '; name it .csv, .ndjson or .jsonl, or pass --log-format csv|ndjson [SLA4020]\n", ''],
    [['check', ' .sla.json', log], "slac: cannot read the compiled model ' .sla.json': no such file.\n", ''],
    [['check', agreement, 'dir.csv '], "slac: cannot read 'dir.csv ': it is a folder, not a file.\n", ''],
    [['explain', agreement, ' .csv', 'T1'], "' .csv': cannot read ' .csv': no such file [SLA4022]\n", ''],
    [['import', 'zendesk-tables', ' '], "slac: cannot read ' ': no such file or folder.\n", ''],
    // And where it is written (-o).
    [['compile', agreement, '-o', ' x/a.pdf'], "slac: cannot write ' x/a.pdf': its folder does not exist.\n", ''],
    [['check', agreement, log, '-o', 'dir.csv '], "slac: cannot write 'dir.csv ': it is a folder; give a file name.\n", ''],
    [['import', 'zendesk-tables', join(repoRoot, 'test', 'import', 'fixtures', 'zendesk-tables'), '-o', ' x/l.ndjson'], "slac: cannot write ' x/l.ndjson': its folder does not exist.\n", ''],
    [['report', agreement, log, '--format', 'site', '-o', 'file.txt '], "slac: cannot write the site into 'file.txt ': it is a file, not a folder.\n", ''],
    [['report', agreement, log, '--format', 'pdf', '-o', 'file.txt '], "slac: cannot write the review pack into 'file.txt ': it is a file, not a folder; give a folder or a file name ending in .pdf.\n", ''],
  ])('slac %j', (args, stderr, stdout) => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-blank-path-'));
    mkdirSync(join(folder, 'dir.csv '));
    writeFileSync(join(folder, 'file.txt '), '');
    const run = runBuiltCli(args, folder);
    expect(run.code).toBe(2);
    if (stderr !== '') expect(run.stderr).toContain(stderr);
    if (stdout !== '') expect(run.stdout).toContain(stdout);
  });

  it('a path without a blank at an end is printed as it was', () => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-blank-path-'));
    expect(runBuiltCli(['fmt', 'a b.sla'], folder).stderr).toBe('slac: cannot read a b.sla: no such file.\n');
  });
});
