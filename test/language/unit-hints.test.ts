import { describe, expect, it } from 'vitest';
import { analyze } from '../../language/workspace/index.js';
import type { SourceHost } from '../../language/workspace/source-host.js';

/** The SLA1022 diagnostics of a metric whose target is `target`, with their quick-fix suggestion. */
function unitErrors(target: string): { message: string; suggestion?: unknown }[] {
  const text = `calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 {\n  default\n}\nmetric Response {\n  measures first response\n  clock Office\n  target ${target}\n}\n`;
  const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
  return analyze('/m/entry.sla', host)
    .diagnostics.filter((d) => d.code === 'SLA1022')
    .map((d) => ({ message: d.message, suggestion: (d.data as { suggestion?: unknown } | undefined)?.suggestion }));
}

const UNITS = 'is not a duration unit; use minutes, hours, days, business days, weeks or months.';

describe('an unknown duration unit says which unit was likely meant', () => {
  it.each([
    ['20 mins', 'mins', " Did you mean 'minutes'?", 'minutes'],
    ['90 min', 'min', " Did you mean 'minutes'?", 'minutes'],
    ['4 hrs', 'hrs', " Did you mean 'hours'?", 'hours'],
    ['24h', 'h', " Did you mean 'hours'?", 'hours'],
    ['2 wks', 'wks', " Did you mean 'weeks'?", 'weeks'],
    ['3 workdays', 'workdays', " Did you mean 'business days'?", 'business days'],
    ['4 business hours', 'business hours', " Hours count on the metric's clock: with a business-hours clock, '4 hours' is 4 business hours.", 'hours'],
    ['1 business hour', 'business hour', " Hours count on the metric's clock: with a business-hours clock, '1 hour' is 1 business hour.", 'hour'],
    ['2 fortnights', 'fortnights', '', undefined],
  ])('%s', (target, unit, hint, suggestion) => {
    expect(unitErrors(target)).toEqual([{ message: `'${unit}' ${UNITS}${hint}`, suggestion }]);
  });

  it("'2 working days': business days, with no quick fix (the unit read is 'working', and 'days' is left over)", () => {
    expect(unitErrors('2 working days')[0]).toEqual({ message: `'working' ${UNITS} Did you mean 'business days'?`, suggestion: undefined });
  });
});
