import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCliOnThreads, type CliRun } from './built-cli.js';

/**
 * A CSV log joined from two files (`cat jan.csv feb.csv`) whose first does
 * not end in a line break: the second header runs on from the first file's
 * last row, and `slac check` said `line 16: the row has 15 fields but the
 * header has 8`, an error that stopped the check. The row is now read with
 * its own values and a warning (SLA4057); a row whose last value cannot be
 * told from the header's first name is one error (SLA4058). At every --jobs.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-joined-header-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const slac = (args: readonly string[]): CliRun => runBuiltCliOnThreads(args, folder);

const agreement = join(repoRoot, 'examples', 'poologics.sla');
const example = join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv');
/** The example log (CRLF): its header, and its rows; line 16 is PL-1079's escalation to level 1, the row's last value. */
const [header, ...rows] = readFileSync(example, 'utf8').split('\r\n');
const firstFile = [header, ...rows.slice(0, 15)].join('\r\n');
const secondFile = [header, ...rows.slice(15)].join('\r\n');

/** The JSON report of a check, without its warnings, and the warnings apart. */
function report(run: CliRun): { rest: Record<string, unknown>; warnings: unknown } {
  const { warnings, ...rest } = JSON.parse(run.stdout) as Record<string, unknown>;
  return { rest, warnings };
}

const JOBS = ['1', '2'];

const RECOVERED =
  'the header row of line 1 is joined onto the end of this row, as where two CSV files are joined into one and the first does not end in a line break: the row is read without it';

describe('slac check: a CSV log joined from two files, the first without a final line break', () => {
  const whole = slac(['check', agreement, example, '--format', 'json']);
  it.each([
    ['no CRLF at all', ''],
    ['a CR without its LF', '\r'],
    ['the second file with a byte-order mark', '\uFEFF'],
  ])('%s: the row the header is joined onto is read as written, with one warning', (name, joint) => {
    const file = `joined-${joint.charCodeAt(0) || 0}.csv`;
    writeFileSync(join(folder, file), firstFile + joint + secondFile + '\r\n');
    for (const jobs of JOBS) {
      const run = slac(['check', agreement, file, '--format', 'json', '--jobs', jobs]);
      expect({ jobs, name, code: run.code, stderr: run.stderr }).toEqual({ jobs, name, code: whole.code, stderr: `${file}:16: warning: ${RECOVERED} [SLA4057]\n` });
      // The report of the log as it was before it was split in two, PL-1079's escalation to level 1 and all.
      expect(report(run).rest).toEqual(report(whole).rest);
      expect(report(run).warnings).toEqual([{ file, line: 16, code: 'SLA4057', message: RECOVERED }]);
    }
  });

  it('a joined header spelled otherwise: the row is one error naming the header and what to do', () => {
    const file = write('otherwise.csv', firstFile + secondFile.replace(/^ticket/, 'Ticket') + '\r\n');
    for (const jobs of JOBS) {
      const run = slac(['check', agreement, file, '--jobs', jobs]);
      expect({ jobs, code: run.code }).toEqual({ jobs, code: 2 });
      expect(run.stderr).toContain(
        `${file}:16: the header row of line 1 is joined onto the end of this row, as where two CSV files are joined into one and the first does not end in a line break; its last value cannot be told from the header's first name 'ticket': break the line where the header begins [SLA4058]\n`,
      );
      expect(run.stderr).not.toContain('fields but the header has');
    }
  });
});

function write(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return name;
}
