/**
 * The report's one kind of chart, as a Vega-Lite spec: labelled bars,
 * optionally against an objective line. Readable without colour: every bar
 * carries its value as text, bars that miss the objective are light
 * with a dark outline and say "missed", and the objective is a dashed line
 * with its own label. Values are written in a column right of the plot.
 */
import type { TopLevelSpec } from 'vega-lite';

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  /** Text written at the end of the bar. */
  text: string;
  /** False when the bar misses the objective; drawn light with a dark outline. */
  ok?: boolean | null;
}

/** What a chart shows, and the sentence that says it to someone who cannot see it. */
export interface BarChartInput {
  title: string;
  /** The text alternative: what the chart shows, in words. */
  description: string;
  bars: Bar[];
  /** Bars are fractions shown as percentages (0-100 %). */
  percent?: boolean;
  /** A dashed line at this value, labelled. */
  objective?: { value: number; label: string };
  /** The axis title of the values. */
  valueTitle: string;
}

const INK = '#1a1a1a';
const MET_FILL = '#4d4d4d';
const MISSED_FILL = '#e6e6e6';
const FONT = 'Helvetica, Arial, sans-serif';

/** The Vega-Lite spec of a horizontal bar chart: one row per bar, so long labels and many periods fit. */
export function barChartSpec(input: BarChartInput): TopLevelSpec {
  const values = input.bars.map((bar) => ({ label: bar.label, value: bar.value, text: bar.text, missed: bar.ok === false ? 'missed' : 'met' }));
  const max = input.bars.reduce((largest, bar) => Math.max(largest, bar.value), Math.max(0, input.objective?.value ?? 0));
  const least = input.bars.reduce((smallest, bar) => Math.min(smallest, bar.value), input.objective?.value ?? 1);
  const domain = input.percent ? [Math.max(0, least - 0.05), 1] : [0, max === 0 ? 1 : max * 1.25];
  const x = { field: 'value', type: 'quantitative' as const, title: input.valueTitle, scale: { domain, nice: false, zero: !input.percent }, axis: { format: input.percent ? '.0%' : 'd', tickCount: 5, grid: true, gridColor: '#d9d9d9' } };
  const y = { field: 'label', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 320 } };
  const layers: TopLevelSpec[] = [
    {
      mark: { type: 'bar', stroke: INK, strokeWidth: 1, clip: true },
      encoding: {
        y,
        x,
        fill: { field: 'missed', type: 'nominal', scale: { domain: ['met', 'missed'], range: [MET_FILL, MISSED_FILL] }, legend: null },
      },
    } as unknown as TopLevelSpec,
    {
      // Values sit in a column right of the plot, where no bar or objective line can cross them.
      mark: { type: 'text', align: 'left', x: 'width', dx: 10, color: INK, font: FONT, fontSize: 11 },
      encoding: { y, text: { field: 'text' } },
    } as unknown as TopLevelSpec,
  ];
  if (input.objective) {
    layers.push({
      data: { values: [{ value: input.objective.value, label: input.objective.label }] },
      layer: [
        { mark: { type: 'rule', color: INK, strokeDash: [6, 3], strokeWidth: 2 }, encoding: { x: { field: 'value', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'center', baseline: 'bottom', y: -3, color: INK, font: FONT, fontSize: 11 }, encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    } as unknown as TopLevelSpec);
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: { step: 24 },
    padding: { top: 18, left: 4, right: 110, bottom: 4 },
    background: 'white',
    data: { values },
    layer: layers,
    config: { aria: false, font: FONT, axis: { labelColor: INK, titleColor: INK, domainColor: INK, tickColor: INK, labelFontSize: 11, titleFontSize: 11 }, view: { stroke: null } },
  } as unknown as TopLevelSpec;
}
