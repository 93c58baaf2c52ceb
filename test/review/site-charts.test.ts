import { describe, expect, test } from 'vitest';
import { barChartSpec } from '../../review/charts/bar-chart.js';
import { attainmentCharts, breachCountChart, escalationChart } from '../../review/charts/figures.js';
import { measuredText } from '../../review/data/figure-text.js';
import { renderBarChartSvg } from '../../review/charts/render-svg.js';
import type { ObjectiveRow } from '../../runtime/evaluate/summary.js';

const rows: ObjectiveRow[] = [
  { metric: 'Response', title: 'Incident response time', period: '2026-Q1', met: 162, breached: 7, pending: 0, attainment: 0.95858, objective: 0.95, ok: true },
  { metric: 'Response', title: 'Incident response time', period: '2026-Q2', met: 85, breached: 6, pending: 0, attainment: 0.934066, objective: 0.95, ok: false },
];

describe('the charts', () => {
  test('render to the same bytes every time, with no counter ids', async () => {
    const chart = attainmentCharts(rows)[0]!;
    const alternative = { id: chart.id, title: chart.input.title, description: chart.input.description };
    const first = await renderBarChartSvg(chart.input, alternative);
    // Another chart in between moves Vega's process-wide counters.
    await renderBarChartSvg(breachCountChart('by-severity', 'severity', [{ name: 'Urgent', breaches: 3 }])!.input, { id: 'other', title: 't', description: 'd' });
    const second = await renderBarChartSvg(chart.input, alternative);
    expect(second).toBe(first);
    expect(first).not.toMatch(/(?<![\w-])clip\d/);
  });

  test('say what they show to assistive technology', async () => {
    const chart = attainmentCharts(rows)[0]!;
    const svg = await renderBarChartSvg(chart.input, { id: chart.id, title: chart.input.title, description: chart.input.description });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="attainment-response-title attainment-response-desc">/);
    expect(svg).toContain('<title id="attainment-response-title">Incident response time: attainment per period</title>');
    expect(chart.input.description).toBe(
      'Incident response time: attainment per period. 2026-Q1: 95.858% of 169 tickets met the target, objective met; 2026-Q2: 93.407% of 91 tickets met the target, objective missed. The objective is 95%.',
    );
  });

  test('mark a missed objective in words and in shade, not in colour alone', () => {
    const bars = attainmentCharts(rows)[0]!.input.bars;
    expect(bars.map((bar) => bar.text)).toEqual(['95.858%', '93.407% missed']);
    const spec = JSON.stringify(barChartSpec(attainmentCharts(rows)[0]!.input));
    expect(spec).toContain('"strokeDash":[6,3]');
    expect(spec).toContain('"range":["#4d4d4d","#e6e6e6"]');
  });

  test.each([
    // [measured, objective, verdict, as the text report prints it]
    [0.95858, null, null, '95.858%'],
    [1, null, null, '100%'],
    [0, null, null, '0%'],
    [null, 0.95, null, 'no verdict'],
    [0.989996, 0.99, false, '98.9996%'],
    [0.999899, 0.9999, false, '99.9899%'],
  ])('measuredText(%s, %s, %s) is %s', (fraction, objective, ok, text) => {
    expect(measuredText(fraction, objective, ok)).toBe(text);
  });

  test('empty counts draw no chart', () => {
    expect(escalationChart('e', { met: 0, late: 0, missed: 0, pending: 0 })).toBeUndefined();
    expect(breachCountChart('s', 'severity', [{ name: 'Urgent', breaches: 0 }])).toBeUndefined();
  });
});
