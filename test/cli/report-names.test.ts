import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * The names `slac report` gives to what it writes (from an adversarial
 * pass): every ticket id gives a page name a file system
 * takes, every metric its own chart and ids, every client its own folder
 * named as `slac compile` names it; and a year before 0000 prints whole.
 */

/** `rows` of one ticket each, created in March 2026 and answered six hours later (a breach of the 2-hour target). */
function breachedTickets(ids: readonly string[], extraColumn?: (index: number) => string): string {
  const rows = ids.flatMap((id, index) => {
    const day = String(index + 2).padStart(2, '0');
    const quoted = `"${id.replace(/"/g, '""')}"`;
    const extra = extraColumn ? `,${extraColumn(index)}` : '';
    return [`${quoted},2026-03-${day}T09:00:00+01:00,created,High,Email,,,${extra}`, `${quoted},2026-03-${day}T15:00:00+01:00,reply,,,,agent,${extraColumn ? ',' : ''}`];
  });
  return [`${LOG_HEADER}${extraColumn ? ',client' : ''}`, ...rows].join('\n');
}

/** Every `href` of the site's pages that names a file, and whether that file is there. */
function brokenLinks(site: string): string[] {
  const broken: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        for (const [, href] of readFileSync(path, 'utf8').matchAll(/href="([^"#]+)/g)) {
          try {
            readFileSync(join(folder, decodeURIComponent(href!.replace(/&amp;/g, '&'))));
          } catch {
            broken.push(`${path}: ${href}`);
          }
        }
      }
    }
  };
  walk(site);
  return broken;
}

describe('slac report: ticket page names', () => {
  it.each([
    ['28 CJK characters (252 bytes encoded)', '票'.repeat(28)],
    ['251 letters', 'x'.repeat(251)],
    ['600 letters', 'y'.repeat(600)],
  ])('an id of %s gets a page, linked from the breach table', (_name, id) => {
    const folder = freshFolder('report-long-id');
    write(folder, 'a.sla', agreementText());
    write(folder, 't.csv', breachedTickets([id, 'ok-1']));
    const run = runBuiltCli(['report', 'a.sla', 't.csv', '-o', 'site'], folder);
    expect(run.stderr).toMatch(/^slac: wrote \d+ pages \(2 ticket timelines\)/);
    expect(run.code).toBe(0);
    const pages = readdirSync(join(folder, 'site', 'tickets'));
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(Buffer.byteLength(page)).toBeLessThanOrEqual(255);
    expect(brokenLinks(join(folder, 'site'))).toEqual([]);
  });

  it('ids that differ only in case get pages whose names differ ignoring case (macOS, Windows)', () => {
    const folder = freshFolder('report-case-id');
    write(folder, 'a.sla', agreementText());
    write(folder, 't.csv', breachedTickets(['Ab-1', 'aB-1', 'AB-1']));
    expect(runBuiltCli(['report', 'a.sla', 't.csv', '-o', 'site'], folder).code).toBe(0);
    const pages = readdirSync(join(folder, 'site', 'tickets'));
    expect(new Set(pages.map((page) => page.toLowerCase())).size).toBe(3);
    expect(brokenLinks(join(folder, 'site'))).toEqual([]);
  });

  it('two long ids with the same first 200 characters get two pages', () => {
    const folder = freshFolder('report-long-id');
    write(folder, 'a.sla', agreementText());
    write(folder, 't.csv', breachedTickets([`${'z'.repeat(300)}-1`, `${'z'.repeat(300)}-2`]));
    expect(runBuiltCli(['report', 'a.sla', 't.csv', '-o', 'site'], folder).code).toBe(0);
    expect(readdirSync(join(folder, 'site', 'tickets'))).toHaveLength(2);
  });
});

describe('slac report: metrics whose names differ in case or underscores', () => {
  it.each([
    ['First_Response and first_response', 'First_Response', 'first_response'],
    ['First_Response and First__Response', 'First_Response', 'First__Response'],
  ])('%s each have their own chart file and element ids', (_name, first, second) => {
    const folder = freshFolder('report-metric-slug');
    const metric = (name: string, title: string, target: string): string => `metric ${name} {\n  title "${title}"\n  measures first response\n  clock Office\n  target ${target}\n  objective 90% monthly\n}\n`;
    write(folder, 'a.sla', agreementText(`${metric(first, 'Fast reply', '2 hours')}${metric(second, 'Slow reply', '8 hours')}`).replace(/metric Response \{[^}]*\}\n/, ''));
    write(folder, 't.csv', breachedTickets(['A-1']));
    const run = runBuiltCli(['report', 'a.sla', 't.csv', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    const charts = readdirSync(join(folder, 'site', 'charts')).filter((file) => file.startsWith('overview-attainment-'));
    expect(charts).toHaveLength(2);
    // The fast reply's 2-hour target is breached (0% met), the slow reply's 8-hour one met (100%): the two specs differ.
    const specs = charts.map((file) => readFileSync(join(folder, 'site', 'charts', file), 'utf8'));
    expect(specs.filter((spec) => spec.includes('"0% missed"'))).toHaveLength(1);
    expect(specs.filter((spec) => spec.includes('"100%"'))).toHaveLength(1);
    const index = readFileSync(join(folder, 'site', 'index.html'), 'utf8');
    const chartTitles = [...index.matchAll(/<title id="(attainment-[^"]+)-title">([^:]+):/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(chartTitles).toHaveLength(2);
    expect(chartTitles[0]).toMatch(/ Fast reply$/);
    expect(chartTitles[1]).toMatch(/ Slow reply$/);
    expect(chartTitles[0]!.split(' ')[0]).not.toBe(chartTitles[1]!.split(' ')[0]);
    const ids = [...index.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!);
    expect(ids.filter((id, at) => ids.indexOf(id) !== at)).toEqual([]);
  });
});

describe('slac report: portfolio client folders', () => {
  it('are named as slac compile names client documents: accents dropped, client-N when no letter is left, numbered when two meet', () => {
    const folder = freshFolder('report-client-folders');
    write(folder, 'a.sla', agreementText());
    const clients = ['日本 株式会社', 'Ünïcödé', 'ACME', 'acme!'];
    write(folder, 'p.sla', `portfolio P {\n${clients.map((client) => `  client "${client}" uses "a.sla"\n`).join('')}}\n`);
    write(folder, 't.csv', breachedTickets(['T-1', 'T-2', 'T-3', 'T-4'], (index) => clients[index]!));
    const run = runBuiltCli(['report', 'p.sla', 't.csv', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(readdirSync(join(folder, 'site', 'clients')).sort()).toEqual(['acme', 'acme-2', 'client-1', 'unicode']);
    expect(brokenLinks(join(folder, 'site'))).toEqual([]);
  });
});

describe('an as-of instant in the year before 0000', () => {
  // slac check printed such a report (its year whole, -0001, after a fix for 00-1) until check refused the years
  // slac report refuses (0000 to 9999 in the report zone, cli/as-of-years.ts): it now names the year whole in its refusal.
  it('is refused, naming its year whole (-0001), not 00-1', () => {
    const folder = freshFolder('report-year-zero');
    // West of UTC, 0000-01-01T00:00:00Z is a day of the year before.
    write(folder, 'a.sla', agreementText().replace('Europe/Berlin', 'America/New_York'));
    write(folder, 't.csv', breachedTickets(['A-1']));
    const run = runBuiltCli(['check', 'a.sla', 't.csv', '--as-of', '0000-01-01T00:00:00Z'], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('-0001-12-31, before 0000, the first year a report can cover: give a later --as-of.');
    expect(run.stderr).not.toContain('00-1');
  });
});
