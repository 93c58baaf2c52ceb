import { describe, expect, test } from 'vitest';
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { barChartSpec, type BarChartInput } from '../../review/charts/bar-chart.js';
import { attainmentCharts, breachCountChart, escalationChart, monthAttainmentChart, uptimeCharts } from '../../review/charts/figures.js';
import { finishedSvg, renderBarChartSvg } from '../../review/charts/render-svg.js';
import type { ObjectiveRow, UptimeRow } from '../../runtime/evaluate/summary.js';
import { mulberry32 } from '../../scripts/seeded-random.mjs';

// Charts are drawn from a shape compiled once (its data and value domain
// given when drawn); each must be the SVG its own spec, the one written
// beside the pages as `charts/*.vl.json`, draws when compiled alone.
async function drawnFromItsSpec(input: BarChartInput, alternative: { id: string; title: string; description: string }): Promise<string> {
  const view = new View(parse(compile(barChartSpec(input)).spec), { renderer: 'none' });
  try {
    return finishedSvg(await view.toSVG(), alternative);
  } finally {
    view.finalize();
  }
}

function objectiveRow(metric: string, period: string, attainment: number | null, objective: number | null): ObjectiveRow {
  const ok = attainment === null || objective === null ? null : attainment >= objective;
  return { metric, title: `${metric} time`, period, met: 90, breached: 10, pending: 0, attainment, objective, ok };
}

function uptimeRow(metric: string, period: string, uptime: number, objective: number | null): UptimeRow {
  return { metric, title: metric, period, from: `${period}-01`, to: `${period}-28`, scheduledMinutes: 40_320, downtimeMinutes: 12, uptime, objective, ok: objective === null ? null : uptime >= objective, maintenance: { excludedMinutes: 0, excludedRows: 0, countedMinutes: 0, countedRows: 0, parts: [] } };
}

const figures = [
  ...attainmentCharts([objectiveRow('Response', '2026-Q1', 0.95858, 0.95), objectiveRow('Response', '2026-Q2', 0.934066, 0.95), objectiveRow('Resolution', '2026-01', 1, null)]),
  ...attainmentCharts([objectiveRow('Low', '2026-01', 0, 0.99), objectiveRow('Low', '2026-02', 0.5, 0.99)]),
  ...uptimeCharts([uptimeRow('Uptime', '2026-01', 0.9995, 0.999), uptimeRow('Uptime', '2026-02', 0.97, 0.999)]),
  monthAttainmentChart('2026-03', [{ metric: 'Response', title: 'A metric whose title is long enough to be cut at the label limit of the axis, and more', attainment: 0.8, objective: null, atOrAboveObjective: null, met: 8, breached: 2, pending: 0 }])!,
  breachCountChart('by-severity', 'severity', [{ name: 'Urgent', breaches: 3 }, { name: 'Low', breaches: 0 }])!,
  breachCountChart('by-channel', 'channel', [{ name: 'Email', breaches: 1234 }])!,
  escalationChart('escalations', { met: 5, late: 2, missed: 1, pending: 0 })!,
];

/** Charts of every shape with seeded bars: counts, zeros, percentages near and far from the objective, one bar to twelve. */
function seededInputs(count: number): BarChartInput[] {
  const random = mulberry32(20261205);
  return Array.from({ length: count }, (_, index) => {
    const percent = random() < 0.6;
    const allZero = !percent && random() < 0.15;
    const bars = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, bar) => {
      const value = allZero ? 0 : percent ? 0.6 + random() * 0.4 : Math.floor(random() * 60);
      return { label: `Period ${bar} ${'x'.repeat(Math.floor(random() * 30))}`, value, text: String(value), ok: random() < 0.3 ? false : random() < 0.5 ? null : true };
    });
    const objective = percent && random() < 0.7 ? { value: 0.9 + random() * 0.09, label: 'objective' } : undefined;
    return { title: `chart ${index}`, description: 'seeded', bars, percent, valueTitle: percent ? 'Tickets within target' : 'Breached ticket metrics', ...(objective ? { objective } : {}) };
  });
}

describe('charts drawn from a compiled shape', () => {
  test.each(figures.map((figure) => [figure.id, figure] as const))('%s is the SVG its own spec draws', async (_id, figure) => {
    const alternative = { id: figure.id, title: figure.input.title, description: figure.input.description };
    expect(await renderBarChartSvg(figure.input, alternative)).toBe(await drawnFromItsSpec(figure.input, alternative));
  });

  test('40 seeded charts of every shape, drawn in turn, are each the SVG of their own spec', async () => {
    const inputs = seededInputs(40);
    const differing: string[] = [];
    for (const input of inputs) {
      const alternative = { id: 'c', title: input.title, description: input.description };
      if ((await renderBarChartSvg(input, alternative)) !== (await drawnFromItsSpec(input, alternative))) differing.push(input.title);
    }
    expect(new Set(inputs.map((input) => `${input.percent}-${input.objective !== undefined}`)).size).toBe(3);
    expect(differing).toEqual([]);
  });
});
