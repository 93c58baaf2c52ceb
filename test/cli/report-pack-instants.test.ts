import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * The review pack's table of major incidents broke each Created instant at
 * its hyphen ("2026-04-" on one line, "03T04:44:00+02:00" on the next) in
 * the hosting example's April pack, as the column is narrow; the site keeps
 * such a date on one line. The pack's instant cells (major incidents'
 * Created, maintenance's Start and End) now keep to one line too.
 *
 * Running text broke them the same way: "which fell due 2026-04-" at a
 * line's end in the hosting pack's incident summaries, "(--" and "notes)"
 * on two lines, and the recurring issues' months ("2026-" / "03") and
 * ticket ids ("PL-" / "1139") in the Poologics pack. Every instant, date,
 * month, option and the recurring issues' ticket ids now keep whole.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);

describe('slac report --format pdf: an instant in a table keeps to one line', () => {
  it('the major incidents of the hosting example in 2026-04', () => {
    const folder = freshFolder('report-pack-instants');
    const run = runBuiltCli(['report', example('hosting.sla'), example('logs', 'hosting.tickets.ndjson'), '--outages', example('logs', 'hosting.outages.csv'), '--period', '2026-04', '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code).toBe(0);
    const lines = execFileSync('pdftotext', ['-layout', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }).split('\n');
    const incidents = ['NW-1006', 'NW-1048', 'NW-1041', 'NW-1150', 'NW-1098', 'NW-1290'];
    for (const ticket of incidents) {
      const row = lines.find((line) => new RegExp(`^\\s*${ticket}\\s+2026-04-`).test(line));
      expect(row, `the row of ${ticket}`).toMatch(/ 2026-04-\d\dT\d\d:\d\d:\d\d\+02:00 /);
    }
  });

  /** Lines of the pack where a date, an option or a ticket id broke at its hyphen: a line (or a column of it) ending in one. */
  function brokenAtHyphen(pack: string): string[] {
    const lines = execFileSync('pdftotext', ['-layout', pack, '-'], { encoding: 'utf8' }).split('\n');
    return lines.filter((line) => /(\d{4}-(\d\d-)?|\(--|\b[A-Z]{2}-)(\s|$)/.test(line));
  }

  it.each([
    ['hosting', 'hosting.tickets.ndjson'],
    ['poologics', 'poologics.tickets.csv'],
  ])('no instant, month, option or ticket id of the %s pack breaks at a hyphen', (name, log) => {
    const folder = freshFolder('report-pack-instants');
    const run = runBuiltCli(['report', example(`${name}.sla`), example('logs', log), '--outages', example('logs', `${name}.outages.csv`), '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(brokenAtHyphen(join(folder, 'pack.pdf'))).toEqual([]);
  });
});
