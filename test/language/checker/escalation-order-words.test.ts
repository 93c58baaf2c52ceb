import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// SLA3010 says which way an escalation goes wrong: a level numbered lower
// than one written before it is out of order by its number, whenever it
// falls due; "falls due before" is for a level that does fall due earlier.

const metrics =
  'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 {\n  default\n}\n' +
  'metric Fix {\n  measures resolution\n  clock Office\n  target 8 hours\n}\n';

function sla3010(levels: string): string[] {
  const text = `${metrics}escalation {\n  clock Office\n${levels}}\n`;
  const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
  return analyze('/m/entry.sla', host).diagnostics.filter((d) => d.code === 'SLA3010').map((d) => d.message);
}

describe('SLA3010 names what is out of order', () => {
  it.each([
    ['a lower number written later, falling due later', '  level 2 "Two" after 1 hour\n  level 1 "One" after 2 hours\n', ['Escalation level 1 is written after level 2; levels must escalate in order.']],
    ['a lower number written later, at a larger share', '  level 2 "Two" at 50% of Fix\n  level 1 "One" at 100% of Fix\n', ['Escalation level 1 is written after level 2; levels must escalate in order.']],
    ['a higher level after a shorter time', '  level 1 "One" after 2 hours\n  level 2 "Two" after 1 hour\n', ['Escalation level 2 falls due before level 1; levels must escalate in order.']],
    ['a higher level at a smaller share', '  level 1 "One" at 100% of Fix\n  level 2 "Two" at 50% of Fix\n', ['Escalation level 2 falls due before level 1; levels must escalate in order.']],
  ])('%s', (_name, levels, messages) => {
    expect(sla3010(levels)).toEqual(messages);
  });
});
