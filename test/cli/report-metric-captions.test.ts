import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * The caption under each metric's chart named the metric twice, by its
 * title and by its name in the source: "First response (FirstResponse) per
 * period", "Uptime (Uptime) per period" in the Lets Flo example. The pack
 * and the site name a metric by its title everywhere else (the heading just
 * above, the major incidents, the credits); the captions now do too.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const INPUTS = [example('hosting.sla'), example('logs', 'hosting.tickets.ndjson'), '--outages', example('logs', 'hosting.outages.csv')];

describe('slac report: the caption of a metric\'s chart and table', () => {
  it('names the metric by its title on the site', () => {
    const folder = freshFolder('report-metric-captions');
    const run = runBuiltCli(['report', ...INPUTS, '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const captions = [...readFileSync(join(folder, 'site', 'index.html'), 'utf8').matchAll(/<caption[^>]*>([^<]*)<\/caption>/g)].map((match) => match[1]);
    expect(captions).toEqual(expect.arrayContaining(['First response per period', 'Bug fix or workaround per period', 'Platform availability per period']));
    expect(captions.filter((caption) => /\((FirstResponse|Fix|Uptime)\)/.test(caption!))).toEqual([]);
  });

  it('names the metric by its title in the review pack', () => {
    const folder = freshFolder('report-metric-captions');
    const run = runBuiltCli(['report', ...INPUTS, '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    const lines = execFileSync('pdftotext', ['-layout', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }).split('\n').map((line) => line.trim());
    for (const caption of ['First response: attainment per period against the objective', 'Bug fix or workaround: attainment per period against the objective', 'Platform availability per period, in minutes']) {
      expect(lines).toContain(caption);
    }
    expect(lines.filter((line) => /\((FirstResponse|Fix|Uptime)\)/.test(line))).toEqual([]);
  });
});
