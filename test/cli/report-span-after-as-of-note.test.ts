import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { pageText } from './site-text.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * A span that begins after the as-of instant counts nothing. slac report
 * warned of it on stderr only: the site's overview and the review pack's
 * cover showed the span's zeros as figures. They now say so where the
 * reader looks, with advice only where a later --as-of would count
 * something (the log has events in the span).
 */
const inputs = [join(repoRoot, 'examples', 'letsflo.sla'), join(repoRoot, 'examples', 'logs', 'letsflo.tickets.csv')];
const flat = pageText;

const cases: { name: string; span: string[]; asOf: string; says: string | undefined }[] = [
  {
    name: 'a span the log reaches',
    span: ['--from', '2026-03-01', '--to', '2026-03-31'],
    asOf: '2026-02-15T00:00:00Z',
    says: "The span reported (2026-03-01 to 2026-03-31) begins after the as-of instant 2026-02-15T00:00:00+00:00: nothing in it is counted. The log has events in or after it: give an --as-of in or after the span, or none (the log's latest event).",
  },
  {
    name: 'a span after the whole log',
    span: ['--period', '2062'],
    asOf: '2026-02-15T00:00:00Z',
    says: "The span reported (2062) begins after the as-of instant 2026-02-15T00:00:00+00:00: nothing in it is counted. The log's latest event is at 2026-05-02T22:56:40+01:00.",
  },
  { name: 'a span that holds the as-of instant', span: ['--period', '2026-02'], asOf: '2026-02-15T00:00:00Z', says: undefined },
];

describe('slac report: a span that begins after the as-of instant, said on the page', () => {
  it.each(cases)('$name: the site overview', ({ span, asOf, says }) => {
    const folder = freshFolder('report-span-after-as-of-note');
    const run = runBuiltCli(['report', ...inputs, ...span, '--as-of', asOf, '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const overview = flat(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    if (says === undefined) expect(overview).not.toContain('begins after the as-of instant');
    else expect(overview).toContain(says);
  });

  it('the review pack says it on its cover', () => {
    const folder = freshFolder('report-span-after-as-of-note');
    const run = runBuiltCli(['report', ...inputs, ...cases[0]!.span, '--as-of', cases[0]!.asOf, '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    const cover = flat(execFileSync('pdftotext', ['-f', '1', '-l', '1', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }));
    expect(cover).toContain('begins after the as-of instant 2026-02-15T00:00:00+00:00: nothing in it is counted.');
  });
});
