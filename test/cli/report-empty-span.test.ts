import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * A span that holds none of the log's tickets (`--period 2062` for 2026, a
 * slip of the keys) gave a site of empty months, exit 0, and a stderr that
 * said only how many pages were written: every ticket of the log was left
 * out without a word. It is still made (a span may rightly be empty), with
 * a warning that says how many tickets the log has and that none is in it.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);

describe('slac report: a span that holds no ticket of the log', () => {
  it.each([
    ['an agreement', [example('letsflo.sla'), example('logs', 'letsflo.tickets.csv')], '--period', '2062'],
    ['a portfolio', [example('multilevel', 'departments.sla'), example('logs', 'departments.tickets.csv')], '--from', '2030-01-01'],
  ])('%s: the site is written, with a warning naming the span', (_name, inputs, option, value) => {
    const folder = freshFolder('report-empty-span');
    const run = runBuiltCli(['report', ...inputs, option, value, '--as-of', '2026-06-30T00:00:00Z', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^slac: warning: no ticket of the log was created in the span reported \\(${option === '--period' ? value : `${value} to …`}\\); its \\d+ tickets are all outside it\\.$`, 'm'));
  });

  // With an --as-of before the log's end, the count was of the tickets created by then (123 of Lets Flo's 260), said as the log's.
  it('says that the tickets counted are those created by the as-of instant, when the log runs past it', () => {
    const folder = freshFolder('report-empty-span');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), '--period', '2062', '--as-of', '2026-03-15T00:00:00Z', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('slac: warning: no ticket of the log was created in the span reported (2062); its 123 tickets created by the as-of instant are all outside it.\n');
  });

  it('says nothing when the span holds a ticket', () => {
    const folder = freshFolder('report-empty-span');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), '--period', '2026-03', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('warning');
  });
});

/**
 * A span that begins after the as-of instant (`--period 2026-03 --as-of
 * 2026-02-15T00:00:00Z`) counted nothing, and the only word on stderr was
 * that "no ticket of the log was created in the span", which the log's own
 * March rows belied: they were left out as after the as-of instant. The
 * warning now says that the span begins after it.
 */
describe('slac report: a span that begins after the as-of instant', () => {
  it.each([
    ['an agreement', [example('letsflo.sla'), example('logs', 'letsflo.tickets.csv')], ['--period', '2026-03'], '2026-03', '2026-02-15T00:00:00Z', '2026-02-15T00:00:00+00:00'],
    ['a portfolio', [example('multilevel', 'departments.sla'), example('logs', 'departments.tickets.csv')], ['--from', '2026-04-01'], '2026-04-01 to …', '2026-03-15T00:00:00Z', '2026-03-15T01:00:00+01:00'],
    ['a span of both ends', [example('letsflo.sla'), example('logs', 'letsflo.tickets.csv')], ['--from', '2026-04-01', '--to', '2026-04-30'], '2026-04-01 to 2026-04-30', '2026-03-15T00:00:00Z', '2026-03-15T00:00:00+00:00'],
  ])('%s: the warning says the span begins after the as-of instant, and only that', (_name, inputs, span, label, asOf, shownAsOf) => {
    const folder = freshFolder('report-span-after-as-of');
    const run = runBuiltCli(['report', ...inputs, ...span, '--as-of', asOf, '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`slac: warning: the span reported (${label}) begins after the as-of instant ${shownAsOf}: nothing in it is counted. Give an --as-of in or after the span, or none (the log's latest event).\n`);
    // The empty-span warning beside it ("its 123 tickets are all outside it") told the same thing another, wrong, way.
    expect(run.stderr).not.toContain('no ticket of the log was created in the span');
  });

  it('says nothing of the as-of instant when it falls inside the span', () => {
    const folder = freshFolder('report-span-after-as-of');
    const run = runBuiltCli(['report', example('letsflo.sla'), example('logs', 'letsflo.tickets.csv'), '--period', '2026-Q1', '--as-of', '2026-03-01T00:00:00Z', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('begins after the as-of instant');
  });
});
