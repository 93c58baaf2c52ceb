import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { checkEvents, compileCalendar, instantAfterOpenMillis } from '../../runtime/index.js';
import { findCalendar } from '../../language/model/model.js';
import { join } from 'node:path';
import { EXAMPLES, FIXTURES, loadModel } from './helpers.js';

/** `43 minutes 12 seconds` -> 2592: the allowance as the document prints it. */
function printedSeconds(text: string): number {
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+) (hour|minute|second)s?/g)) {
    seconds += Number(amount) * { hour: 3600, minute: 60, second: 1 }[unit as 'hour' | 'minute' | 'second'];
  }
  return seconds;
}

const WITH_UPTIME = EXAMPLES.filter(({ file }) => loadModel(file).metrics.some((metric) => metric.measures === 'uptime' && metric.objective));

test('the examples with an availability objective are the ones this test covers', () => {
  expect(WITH_UPTIME.map(({ name }) => name)).toEqual(['poologics', 'hosting', 'letsflo']);
});

// For each period the document lists, Downtime of exactly the printed allowance keeps
// to the objective in `slac check`, and one second more misses it.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `May, July 2026; January 2027` -> `['2026-05', '2026-07', '2027-01']`: the
 * months of one row of the table, as the runtime labels its periods. Anything
 * that is not a list of months fails, so no period is skipped unread.
 */
function printedMonths(cell: string): string[] {
  return cell.split('; ').flatMap((part) => {
    // A first month cut short by the effective date: `March 2026 (from 15 March)`.
    const match = /^((?:[A-Z][a-z]+, )*[A-Z][a-z]+) (\d{4})(?: \(from \d{1,2} [A-Z][a-z]+\))?$/.exec(part);
    if (!match) throw new Error(`not a list of months in one year: "${part}"`);
    return match[1]!.split(', ').map((name) => {
      const month = MONTHS.indexOf(name) + 1;
      if (month === 0) throw new Error(`not a month: "${name}"`);
      return `${match[2]}-${String(month).padStart(2, '0')}`;
    });
  });
}

test('a row lists its months in order, each year stated once', () => {
  expect(printedMonths('April, June, September, November 2026')).toEqual(['2026-04', '2026-06', '2026-09', '2026-11']);
  expect(printedMonths('May, December 2026; January 2027')).toEqual(['2026-05', '2026-12', '2027-01']);
  expect(printedMonths('March 2026 (from 15 March)')).toEqual(['2026-03']);
  expect(() => printedMonths('Week 14 of 2026')).toThrow(/not a list of months/);
  expect(() => printedMonths('Smarch 2026')).toThrow(/not a month/);
});

// The examples take effect on the 1st; this one on the 15th, which cuts its first month short.
describe.each([...WITH_UPTIME, { name: 'effective mid-month', file: join(FIXTURES, 'mid-month.sla') }])('$name', ({ file }) => {
  const model = loadModel(file);
  const { document } = renderAgreement(model);
  const appendix = document.appendices[0]!;
  const uptime = model.metrics.filter((metric) => metric.measures === 'uptime' && metric.objective);

  describe.each(uptime)('$title', (metric) => {
    const tableSection = appendix.subsections.find((candidate) => candidate.title === `Downtime allowed by ${metric.title}`);
    const table = tableSection?.blocks.find((block) => block.kind === 'table');
    const rows = table?.kind === 'table' ? table.rows.map((row) => row.map((cell) => cell.map((span) => ('text' in span ? span.text : '')).join(''))) : [];
    const calendar = compileCalendar(findCalendar(model, metric.clock)!);

    // Every month the table names, with the allowance its row prints.
    const printed = rows.flatMap((row) => printedMonths(row[0]!).map((period) => ({ period, allowance: row[2]! })));
    const effective = model.agreement!.effective!;
    const asOf = Date.parse(`${Number(effective.slice(0, 4)) + 2}-01-01T00:00:00Z`);
    // The runtime's own periods, from a run without outages.
    const periods = checkEvents(model, [], { outages: [], asOf }).uptime.filter((candidate) => candidate.metric === metric.name);

    test('the table names each month of the first year exactly once', () => {
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect([...printed.map(({ period }) => period)].sort()).toEqual(periods.slice(0, 12).map((row) => row.period));
    });

    test.each(printed)('$period: $allowance is met, one second more is missed', ({ period, allowance }) => {
      const seconds = printedSeconds(allowance);
      const index = periods.findIndex((candidate) => candidate.period === period);
      const row = periods[index]!;
      expect(row.downtimeMinutes).toBe(0);
      const from = Date.parse(row.from);
      const outageOf = (length: number) => {
        // Open time, not wall time: the outage ends when `length` seconds of the calendar's open time have passed.
        const start = instantAfterOpenMillis(calendar, from, 0);
        const end = instantAfterOpenMillis(calendar, start, length * 1000);
        return [{ start: new Date(start).toISOString(), end: new Date(end).toISOString(), kind: 'outage', description: 'Test' }];
      };
      const at = (length: number) => checkEvents(model, [], { outages: outageOf(length), asOf }).uptime.filter((candidate) => candidate.metric === metric.name)[index]!;
      const exact = at(seconds);
      expect(exact.period).toBe(period);
      // The report rounds minutes to three decimals.
      expect(exact.downtimeMinutes * 60).toBeCloseTo(seconds, 1);
      expect(exact.ok).toBe(true);
      expect(at(seconds + 1).ok).toBe(false);
    });
  });
});
