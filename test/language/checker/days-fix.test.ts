import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';

const text = (target: string) => `calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 08:00-18:00
}
severity Normal { default }
metric Fix {
  measures resolution
  clock Office
  target ${target}
}
`;

describe('ambiguous days', () => {
  it.each([
    ['2 days', { businessDays: '2 business days', hours: '48 hours' }],
    ['1 day', { businessDays: '1 business day', hours: '24 hours' }],
  ])('%s offers both replacements in data and message', (target, data) => {
    const { diagnostics } = analyze('/w/a.sla', { readFile: () => text(target) });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe('SLA3013');
    expect(diagnostics[0]!.data).toEqual(data);
    expect(diagnostics[0]!.message).toContain(`'${data.businessDays}' or '${data.hours}'`);
  });
});
