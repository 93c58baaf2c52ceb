import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * An empty path argument (`slac fmt ''`, a shell variable left unset) was
 * read as the current folder: "cannot read : it is a folder, not a file",
 * "Cannot read the file 'work': it is a folder", " holds no .csv files".
 * Each command now says an empty path was given and what to name instead,
 * exit 2, before any work (nothing formatted, nothing written). Through the
 * built CLI, in an empty folder (the folder '' would have been read as).
 */

const agreement = join(repoRoot, 'examples', 'letsflo.sla');
const log = join(repoRoot, 'examples', 'logs', 'letsflo.tickets.csv');
const forAgreement = 'an empty path was given for the agreement; name a .sla or .sla.json file.';
const forLog = "an empty path was given for the ticket log; name its file (with --log-format, the export's files or folders).";

describe('an empty path argument', () => {
  it.each([
    [['fmt', ''], 'fmt: an empty path was given; name a .sla file.'],
    [['fmt', '--check', agreement, ''], 'fmt: an empty path was given; name a .sla file.'],
    [['validate', agreement, ''], 'validate: an empty path was given; name a .sla file.'],
    [['compile', ''], 'compile: an empty path was given; name a .sla file.'],
    [['check', '', log], `check: ${forAgreement}`],
    [['check', agreement, ''], `check: ${forLog}`],
    [['check', '--log-format', 'zendesk-tables', agreement, ''], `check: ${forLog}`],
    [['check', agreement, log, '--outages', ''], 'check: an empty path was given for --outages; name the outage log file.'],
    [['report', '', log], `report: ${forAgreement}`],
    [['report', agreement, log, ''], `report: ${forLog}`],
    [['report', agreement, log, '--format', 'pdf', '--notes', ''], 'report: an empty path was given for --notes; name a Markdown file.'],
    [['explain', '', log, 'T1'], `explain: ${forAgreement}`],
    [['explain', agreement, '', 'T1'], `explain: ${forLog}`],
    [['import', 'zendesk', ''], 'import: an empty path was given; name an exported file or a folder holding them.'],
    [['import', 'zendesk-tables', ''], 'import: an empty path was given; name an exported file or a folder holding them.'],
    [['init', '--from', 'zendesk-tables', ''], 'init: an empty path was given; name an exported table or a folder holding them.'],
  ])('slac %j: says so, exit 2', (args, message) => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-empty-path-'));
    const run = runBuiltCli(args, folder);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `slac: ${message}\n` });
  });
});
