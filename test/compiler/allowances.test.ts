import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { checkEvents, compileCalendar, instantAfterOpenMillis } from '../../runtime/index.js';
import { findCalendar } from '../../language/model/model.js';
import { EXAMPLES, loadModel } from './helpers.js';

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
describe.each(WITH_UPTIME)('$name', ({ file }) => {
  const model = loadModel(file);
  const { document } = renderAgreement(model);
  const appendix = document.appendices[0]!;
  const uptime = model.metrics.filter((metric) => metric.measures === 'uptime' && metric.objective);

  describe.each(uptime)('$title', (metric) => {
    const tableSection = appendix.subsections.find((candidate) => candidate.title === `Downtime allowed by ${metric.title.charAt(0).toLowerCase()}${metric.title.slice(1)}`);
    const table = tableSection?.blocks.find((block) => block.kind === 'table');
    const rows = table?.kind === 'table' ? table.rows.map((row) => row.map((cell) => cell.map((span) => ('text' in span ? span.text : '')).join(''))) : [];
    const calendar = compileCalendar(findCalendar(model, metric.clock)!);

    test('the document lists a year of periods', () => expect(rows.length).toBeGreaterThanOrEqual(1));

    test.each(rows.map((row, index) => ({ period: row[0]!, allowance: row[2]!, index })))('$period: $allowance is met, one second more is missed', ({ allowance, index }) => {
      const seconds = printedSeconds(allowance);
      const effective = model.agreement!.effective!;
      // The period's start, from the runtime's own reports: run once without outages to learn the period's bounds.
      const asOf = Date.parse(`${Number(effective.slice(0, 4)) + 2}-01-01T00:00:00Z`);
      const empty = checkEvents(model, [], { outages: [], asOf });
      const row = empty.uptime.filter((candidate) => candidate.metric === metric.name)[index]!;
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
      expect(exact.period).toBe(row.period);
      // The report rounds minutes to three decimals.
      expect(exact.downtimeMinutes * 60).toBeCloseTo(seconds, 1);
      expect(exact.ok).toBe(true);
      expect(at(seconds + 1).ok).toBe(false);
    });
  });
});
