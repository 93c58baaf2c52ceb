import { describe, expect, it } from 'vitest';
import { renderText } from '../../../runtime/report/index.js';
import { percentBeside } from '../../../runtime/report/percent-text.js';
import { sampleBuilder } from './sample.js';

describe('a percentage next to a verdict stays on its side of the threshold', () => {
  it.each([
    // [measured fraction, threshold fraction, meets it, shown]
    [0.9904, 0.99, true, '99.04%'],
    [0.989996, 0.99, false, '98.9996%'],
    [0.990004, 0.990004, true, '99.0004%'],
    [0.990004, 0.990005, false, '99%'],
    [0.99, 0.99, true, '99%'],
    // The summary's 6 decimals already rounded 98.99999% onto 99%.
    [0.99, 0.99, false, '98.9999%'],
    [0.95, 0.99, false, '95%'],
    // An objective of six decimals (SLA3079) is the threshold whole.
    [0.999999, 0.9999995, false, '99.9999%'],
    [1, 0.9999995, true, '100%'],
    [0.9999995, 0.9999995, false, '99.9999%'],
    // Rounded onto it: the largest figure below it that its own decimals tell apart.
    [1, 0.9999995, false, '99.99994%'],
  ])('%s against %s (meets: %s) reads %s', (fraction, threshold, atOrAbove, shown) => {
    expect(percentBeside(fraction, threshold, atOrAbove)).toBe(shown);
  });
});

describe('text report figures at the threshold', () => {
  it('shows a missed 98.9996% attainment, uptime and credit tier with the digits that keep them under 99%', () => {
    const summary = sampleBuilder().finish({ invalidRows: 0, skipped: [] });
    summary.objectives = [{ ...summary.objectives[0]!, attainment: 0.989996, objective: 0.99, ok: false }];
    summary.uptime = [{ ...summary.uptime[0]!, uptime: 0.989996, objective: 0.99, ok: false }];
    summary.credits = [{ period: '2026-11', percent: 5, uncappedPercent: 5, tiers: [{ metric: 'Availability', value: 0.989996, belowPercent: 99, creditPercent: 5 }] }];
    const text = renderText(summary, { total: 0, rows: [] });
    expect(text).toMatch(/Incident response +2026-11 +98\.9996% +objective 99% .* MISSED/);
    expect(text).toMatch(/Service availability +2026-11 +98\.9996% +objective 99% .* MISSED/);
    expect(text).toContain('Service availability 98.9996% below 99%: 5%');
    expect(text).not.toMatch(/ 99% +objective 99%/);
  });

  it('shows an objective with all its decimals: 99.9995%, not 100%', () => {
    const summary = sampleBuilder().finish({ invalidRows: 0, skipped: [] });
    summary.objectives = [{ ...summary.objectives[0]!, attainment: 0.999996, objective: 0.999995, ok: true }];
    expect(renderText(summary, { total: 0, rows: [] })).toMatch(/100% +objective 99\.9995% .* OK/);
  });
});
