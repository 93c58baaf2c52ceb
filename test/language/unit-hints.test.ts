import { describe, expect, it } from 'vitest';
import { analyze } from '../../language/workspace/index.js';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';
import type { SourceHost } from '../../language/workspace/source-host.js';

/** Every diagnostic of a metric whose target is `target`. */
function diagnosticsOf(target: string): Diagnostic[] {
  const text = `calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 {\n  default\n}\nmetric Response {\n  measures first response\n  clock Office\n  target ${target}\n}\n`;
  const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
  return analyze('/m/entry.sla', host).diagnostics;
}

/** The SLA1022 diagnostics of a metric whose target is `target`, with their quick-fix suggestion. */
function unitErrors(target: string): { message: string; suggestion?: unknown }[] {
  return diagnosticsOf(target)
    .filter((d) => d.code === 'SLA1022')
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
    ['1 hrs', 'hrs', " Did you mean 'hour'?", 'hour'],
    ['1 workday', 'workday', " Did you mean 'business day'?", 'business day'],
    ['2 working days', 'working days', " Did you mean 'business days'?", 'business days'],
    ['1 Working Day', 'Working Day', " Did you mean 'business day'?", 'business day'],
    ['3 work days', 'work days', " Did you mean 'business days'?", 'business days'],
    ['4 working hours', 'working hours', " Hours count on the metric's clock: with a business-hours clock, '4 hours' is 4 business hours.", 'hours'],
  ])('%s', (target, unit, hint, suggestion) => {
    expect(unitErrors(target)).toEqual([{ message: `'${unit}' ${UNITS}${hint}`, suggestion }]);
  });

  it("'2 working days' is one error: 'days' is not read as the next statement", () => {
    expect(diagnosticsOf('2 working days').map((d) => d.code)).toEqual(['SLA1022']);
  });

  it("'2 working' at the end of its line: the unit that follows is not known, so no quick fix", () => {
    expect(unitErrors('2 working')).toEqual([{ message: `'working' ${UNITS} Did you mean 'business days'?`, suggestion: undefined }]);
  });

  it("'working' with 'days' on the next line: the next line stays a statement of its own", () => {
    expect(diagnosticsOf('2 working\n  days').map((d) => d.code)).toEqual(['SLA1022', 'SLA1012']);
  });
});
