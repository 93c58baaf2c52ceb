import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';
import { allowedMinutes, checkReports, exampleJson, measuredText, objectiveText, SITE_EXAMPLES, type CheckJsonReport } from './site-examples.js';

// The review pack of every example (one per client for the departments
// portfolio), printed by the built CLI as users print it, read back with
// `pdftotext -layout`, and every figure compared with `slac check --format
// json` on the same inputs, written as review/pack/blocks.ts writes it.
// One Chromium print per example: the portfolio's client packs come from
// one `slac report` run.

const verdict = (ok: boolean | null): string => (ok === true ? 'met' : ok === false ? 'missed' : 'no verdict');
/** The file name slac gives a client's pack (`slug` of review/charts/figures.ts). */
const fileSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const FOOTER = /^Service review pack, .* Page \d+ of \d+ Fingerprint [0-9a-f]{12}$/;
/** An objective or uptime row's first cell: a year, quarter, month or week. */
const PERIOD_ROW = /^\d{4}(?:-(?:Q\d|W\d\d|\d\d))? /;

/** The pack's text, one line per printed line, runs of spaces squeezed, blank lines and page footers left out. */
function packLines(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && !FOOTER.test(line));
}

/** The `count` lines matching `row` after the first line containing `caption` (a table's caption; repeated headers are skipped). */
function rowsAfter(lines: readonly string[], caption: string, row: RegExp, count: number): string[] {
  const at = lines.findIndex((line) => line.includes(caption));
  if (at < 0) throw new Error(`the pack has no table "${caption}"`);
  return lines.slice(at + 1).filter((line) => row.test(line)).slice(0, count);
}

function objectiveRows(report: CheckJsonReport, metric: string): string[] {
  return report.objectives.filter((row) => row.metric === metric).map((row) => [row.period, row.met, row.breached, row.pending, measuredText(row.attainment, row.objective, row.ok), objectiveText(row.objective), verdict(row.ok)].join(' '));
}

function uptimeRows(report: CheckJsonReport, metric: string): string[] {
  return report.uptime
    .filter((row) => row.metric === metric)
    .map((row) => {
      return [row.period, row.scheduledMinutes, row.downtimeMinutes, allowedMinutes(row), measuredText(row.uptime, row.objective, row.ok), objectiveText(row.objective), verdict(row.ok), row.maintenance.excludedMinutes, row.maintenance.countedMinutes].join(' ');
    });
}

describe.each(SITE_EXAMPLES)('the review pack of $name', (example) => {
  let packs: { name: string; lines: string[]; report: CheckJsonReport }[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), `slac-pack-${example.name}-`));
    const run = runBuiltCli(['report', example.agreement, example.log, '--outages', example.outages, '--format', 'pdf', '-o', dir], repoRoot);
    if (run.code !== 0) throw new Error(`slac report --format pdf ${example.name} exited ${run.code}: ${run.stderr}`);
    const stem = example.agreement.replace(/^.*\//, '').replace(/\.sla$/, '');
    packs = checkReports(example, exampleJson(example)).map(({ client, report }) => {
      const name = `${client === undefined ? stem : fileSlug(client)}-review.pdf`;
      return { name, lines: packLines(join(dir, name)), report };
    });
  }, 180_000);

  test('has one pack per agreement report of the JSON (one per client of a portfolio)', () => {
    expect(packs.length).toBe(example.portfolio ? 2 : 1);
    for (const { lines } of packs) expect(lines.length).toBeGreaterThan(0);
  });

  test('shows every objective row of the JSON report under its metric, figure for figure', () => {
    for (const { name, lines, report } of packs) {
      expect(report.objectives.length, name).toBeGreaterThan(0);
      for (const metric of new Set(report.objectives.map((row) => row.metric))) {
        const title = report.objectives.find((row) => row.metric === metric)!.title;
        const expected = objectiveRows(report, metric);
        expect(rowsAfter(lines, `${title}: attainment per period against the objective`, PERIOD_ROW, expected.length), `${name} ${metric}`).toEqual(expected);
      }
    }
  });

  test('states the ticket and verdict totals of the JSON report', () => {
    for (const { name, lines, report } of packs) {
      const { totals } = report;
      const were = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? ' was' : 's were'}`;
      expect(lines.join(' '), name).toContain(
        `${were(totals.tickets, 'ticket')} created in the period; ${totals.breachedTickets} of them breached at least one target. Over all ticket metrics, ${were(totals.met, 'verdict')} met, ${totals.breached} breached and ${totals.pending} ${totals.pending === 1 ? 'is' : 'are'} pending`,
      );
    }
  });

  test('shows every uptime row of the JSON report: scheduled, downtime, allowed, uptime, objective, verdict and maintenance', () => {
    for (const { name, lines, report } of packs) {
      if (report.uptime.length === 0) {
        // Every example is given its outage log: a pack without uptime rows is of an agreement that measures none.
        expect(lines.join(' '), name).toContain('The agreement measures no uptime.');
        continue;
      }
      for (const metric of new Set(report.uptime.map((row) => row.metric))) {
        const title = report.uptime.find((row) => row.metric === metric)!.title;
        const expected = uptimeRows(report, metric);
        expect(rowsAfter(lines, `${title} per period, in minutes`, PERIOD_ROW, expected.length), `${name} ${metric}`).toEqual(expected);
      }
    }
  });

  test('shows the credits owed per period of the JSON report, with the rule of each', () => {
    for (const { name, lines, report } of packs) {
      const text = lines.join(' ');
      if (report.credits.length === 0) {
        expect(text, name).toMatch(/The agreement sets no service credits\.|No credit is owed in the periods reported\./);
        expect(text, name).not.toContain('Credits owed per period');
        continue;
      }
      const caption = 'Credits owed per period and the rule that produced each';
      const expected = report.credits.map((row) => `${row.period} ${row.percent}% ${row.uncappedPercent}% `);
      const shown = rowsAfter(lines, caption, PERIOD_ROW, report.credits.length);
      expect(shown.map((line, index) => line.slice(0, expected[index]?.length)), name).toEqual(expected);
      // A rule wraps onto lines of its own; read after the caption, the row and its rule are one run of text.
      const after = lines.slice(lines.findIndex((line) => line.includes(caption))).join(' ');
      // A tier names its service level by the title the document gives it, as the objectives do.
      const titles = new Map([...report.objectives, ...report.uptime].map((row) => [row.metric, row.title]));
      for (const row of report.credits) {
        const rule = row.tiers.map((tier) => `${titles.get(tier.metric)} at ${measuredText(tier.value, tier.belowPercent / 100, false)} is below ${tier.belowPercent}%: ${tier.creditPercent}% credit`).join('; ');
        expect(after, `${name} ${row.period}`).toContain(`${row.period} ${row.percent}% ${row.uncappedPercent}% ${rule}`);
      }
    }
  });

  test('shows the escalation counts of the JSON report', () => {
    for (const { name, lines, report } of packs) {
      const counts = report.totals.escalations;
      const statuses = ['met', 'late', 'missed', 'pending'] as const;
      if (statuses.every((status) => counts[status] === 0)) {
        expect(lines.join(' '), name).toContain('The agreement sets no escalation levels.');
        continue;
      }
      const shown = rowsAfter(lines, 'Escalation levels owed in the period, by how they went', /^(?:met|late|missed|pending) \d+$/, 4);
      expect(shown, name).toEqual(statuses.map((status) => `${status} ${counts[status]}`));
    }
  });

  // Hosting's escalation levels met in June but due in July once made the cover read "2026-04 to 2026-07".
  test('gives a period on the cover that ends at the as-of month', () => {
    for (const { name, lines, report } of packs) {
      const period = lines.map((line) => /^Period reviewed (?:\d{4}-\d\d to )?(\d{4}-\d\d) \(the whole log\)$/.exec(line)).find((match) => match !== null);
      expect(period?.[1], name).toBe(report.asOf.slice(0, 7));
    }
  });

  test('says which uptime periods are measured only up to the as-of instant', () => {
    for (const { name, lines, report } of packs) {
      const partial = [...new Set(report.uptime.filter((row) => row.to === report.asOf && !/T00:00:00/.test(row.to)).map((row) => row.period))];
      const text = lines.join(' ');
      if (partial.length === 0) expect(text, name).not.toContain('measured up to the as-of instant');
      else expect(text, name).toContain(`${partial.join(', ')} ${partial.length === 1 ? 'is' : 'are'} measured up to the as-of instant ${report.asOf}, not to`);
    }
  });

  test('gives the next review date and the as-of instant of the JSON report on the cover', () => {
    for (const { name, lines, report } of packs) {
      expect(lines, name).toContain(`Next scheduled review ${report.review.next ?? 'not set by the agreement'}`);
      expect(lines, name).toContain(`Figures as of ${report.asOf}`);
    }
  });
});
