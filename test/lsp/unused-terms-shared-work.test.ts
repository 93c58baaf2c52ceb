// SLA5005 builds the whole document on each edit in the editor. Of a large
// agreement's uptime metrics (on four zones, all monthly) each listed the
// periods of its first year again with luxon, and every calendar compiled
// asked Intl whether its zone was one, on each build: together about a
// third of the judgement. Now the periods are listed once per zone and kind
// in a document, and a zone is known to be one once found. The same
// warnings. Counted, not timed.
import { IANAZone } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { unusedTermDiagnosticsOfModel } from '../../compiler/unused-terms.js';
import { analyze } from '../../language/workspace/index.js';
import { largeAgreement } from '../../scripts/large-agreement.mjs';

const counts = vi.hoisted(() => ({ periodLists: 0 }));

vi.mock('../../compiler/document/periods.js', async (importOriginal) => {
  const periods = await importOriginal<typeof import('../../compiler/document/periods.js')>();
  return {
    ...periods,
    firstYearPeriods: (...args: Parameters<typeof periods.firstYearPeriods>) => {
      counts.periodLists++;
      return periods.firstYearPeriods(...args);
    },
  };
});

describe('the SLA5005 judgement of an agreement of many uptime metrics', () => {
  const file = '/virtual/large.sla';
  const text = largeAgreement(1500);
  const analysis = analyze(file, { readFile: (f) => (f === file ? text : undefined) });
  const model = analysis.model!;
  const judge = () => unusedTermDiagnosticsOfModel(model, file, (f) => analysis.texts.get(f), (f) => analysis.files.get(f));

  it('lists the periods of the first year once per zone and kind, and asks Intl about a zone once', () => {
    const uptime = model.metrics.filter((metric) => metric.measures === 'uptime' && metric.objective);
    const zoneOf = (clock: string) => model.calendars.find((calendar) => calendar.name === clock)!.timezone;
    const kinds = new Set(uptime.map((metric) => `${zoneOf(metric.clock)} ${metric.objective!.period}`));
    expect(uptime.length).toBeGreaterThan(2 * kinds.size);
    counts.periodLists = 0;
    const warnings = judge();
    expect(warnings.map((w) => [w.code, w.range.start.line])).toEqual([['SLA5005', 11]]);
    expect(counts.periodLists).toBe(kinds.size);
    const zoneQuestions = vi.spyOn(IANAZone, 'isValidZone');
    expect(judge()).toEqual(warnings);
    expect(zoneQuestions).not.toHaveBeenCalled();
  });
});
