import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * Review packs of different spans written into one folder, through the
 * built CLI: every pack of `--from/--to` was `NAME-review.pdf`, so a
 * quarter's pack made after a month's replaced it without a word. A pack's
 * file name now says its span, as `--period`'s does.
 */

/** The pack's printed text, runs of spaces squeezed. */
function packText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('slac report --format pdf -o DIR: the span is in the file name', () => {
  it('keeps the packs of different spans side by side, each named by its span', () => {
    const folder = freshFolder('report-pack-spans');
    write(folder, 'a.sla', agreementText());
    write(folder, 't.csv', [
      LOG_HEADER,
      'T-1,2026-01-05T09:00:00+01:00,created,High,Email,,,',
      'T-1,2026-01-05T15:00:00+01:00,reply,,,,agent,',
      'T-2,2026-02-03T09:00:00+01:00,created,High,Email,,,',
      'T-2,2026-02-03T10:00:00+01:00,reply,,,,agent,',
    ].join('\n'));
    const spans = [
      { flags: ['--from', '2026-01-01', '--to', '2026-01-31'], file: 'a-review-2026-01-01-to-2026-01-31.pdf', period: '2026-01-01 to 2026-01-31' },
      { flags: ['--from', '2026-02-01', '--to', '2026-02-28'], file: 'a-review-2026-02-01-to-2026-02-28.pdf', period: '2026-02-01 to 2026-02-28' },
      { flags: ['--from', '2026-02-01'], file: 'a-review-from-2026-02-01.pdf', period: '2026-02-01 to …' },
      { flags: ['--to', '2026-01-31'], file: 'a-review-to-2026-01-31.pdf', period: '… to 2026-01-31' },
      { flags: ['--period', '2026-Q1'], file: 'a-review-2026-Q1.pdf', period: '2026-Q1' },
      { flags: [], file: 'a-review.pdf', period: '' },
    ];
    for (const span of spans) {
      const run = runBuiltCli(['report', 'a.sla', 't.csv', '--format', 'pdf', '-o', 'packs', '--as-of', '2026-03-01T00:00:00Z', ...span.flags], folder);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`wrote the service review pack ${join('packs', span.file)}.`);
    }
    expect(readdirSync(join(folder, 'packs')).sort()).toEqual(spans.map((span) => span.file).sort());
    for (const span of spans.filter((each) => each.period !== '')) {
      expect(packText(join(folder, 'packs', span.file)), span.file).toContain(`Period reviewed ${span.period}`);
    }
  }, 180_000);
});

/**
 * A pack of the same span made again (a later --as-of, other notes)
 * replaced the one in the folder, and stderr said only "wrote": the earlier
 * pack, perhaps the one sent to the client, was gone without a word. The
 * line now says that it replaced the file there.
 */
describe('slac report --format pdf: a pack made again says it replaced the one before', () => {
  it('the second run of one span names the pack it replaced; the first does not', () => {
    const folder = freshFolder('report-pack-spans');
    write(folder, 'a.sla', agreementText());
    write(folder, 't.csv', [LOG_HEADER, 'T-1,2026-01-05T09:00:00+01:00,created,High,Email,,,', 'T-1,2026-01-05T15:00:00+01:00,reply,,,,agent,'].join('\n'));
    const pack = join('packs', 'a-review-2026-01.pdf');
    const first = runBuiltCli(['report', 'a.sla', 't.csv', '--format', 'pdf', '-o', 'packs', '--period', '2026-01', '--as-of', '2026-02-01T00:00:00Z'], folder);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`slac: wrote the service review pack ${pack}.\n`);
    const again = runBuiltCli(['report', 'a.sla', 't.csv', '--format', 'pdf', '-o', 'packs', '--period', '2026-01', '--as-of', '2026-03-01T00:00:00Z'], folder);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`slac: wrote the service review pack ${pack}, replacing the file of that name.\n`);
  }, 120_000);
});
