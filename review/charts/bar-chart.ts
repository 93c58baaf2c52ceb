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

/** The Vega-Lite spec of a horizontal bar chart, its data written in: what the report keeps beside its pages. */
export function barChartSpec(input: BarChartInput): TopLevelSpec {
  const objective = objectiveValues(input);
  return layeredSpec(input, { bars: { values: barValues(input) }, ...(objective ? { objective: { values: objective } } : {}), domain: valueDomain(input) });
}

/**
 * The same chart as a spec of its shape only, with the data and the domain
 * to give it when drawn: the data sets `bars` and `objective`, the signals
 * `domainLow` and `domainHigh`. Charts of one shape (percent or count, with
 * or without an objective, one axis title) share one spec, so a report of
 * many clients compiles each shape once (render-svg.ts), and draws the
 * same SVG as `barChartSpec` (test/review/chart-shapes.test.ts).
 */
export function barChartShape(input: BarChartInput): { spec: TopLevelSpec; bars: ChartRow[]; objective?: ChartRow[]; domain: [number, number] } {
  const objective = objectiveValues(input);
  const spec = layeredSpec(input, {
    bars: { name: 'bars' },
    ...(objective ? { objective: { name: 'objective' } } : {}),
    domain: [{ expr: 'domainLow' }, { expr: 'domainHigh' }],
  });
  const params = [{ name: 'domainLow', value: 0 }, { name: 'domainHigh', value: 1 }];
  return { spec: { ...spec, params } as unknown as TopLevelSpec, bars: barValues(input), ...(objective ? { objective } : {}), domain: valueDomain(input) };
}

/** A row of a chart's data. */
export type ChartRow = Record<string, string | number>;

/** Where a chart's data and value domain come from: written in, or named and given when drawn. */
interface ChartSources {
  bars: { values: ChartRow[] } | { name: string };
  objective?: { values: ChartRow[] } | { name: string };
  domain: [number, number] | [{ expr: string }, { expr: string }];
}

function barValues(input: BarChartInput): ChartRow[] {
  return input.bars.map((bar) => ({ label: bar.label, value: bar.value, text: bar.text, missed: bar.ok === false ? 'missed' : 'met' }));
}

function objectiveValues(input: BarChartInput): ChartRow[] | undefined {
  return input.objective ? [{ value: input.objective.value, label: input.objective.label }] : undefined;
}

/** Percentages from a little under the lowest value (or the objective) to 100%; counts from 0 to a quarter above the highest. */
function valueDomain(input: BarChartInput): [number, number] {
  const max = input.bars.reduce((largest, bar) => Math.max(largest, bar.value), Math.max(0, input.objective?.value ?? 0));
  const least = input.bars.reduce((smallest, bar) => Math.min(smallest, bar.value), input.objective?.value ?? 1);
  return input.percent ? [Math.max(0, least - 0.05), 1] : [0, max === 0 ? 1 : max * 1.25];
}

/** One row per bar, so long labels and many periods fit. */
function layeredSpec(input: BarChartInput, sources: ChartSources): TopLevelSpec {
  const x = { field: 'value', type: 'quantitative' as const, title: input.valueTitle, scale: { domain: sources.domain, nice: false, zero: !input.percent }, axis: { format: input.percent ? '.0%' : 'd', tickCount: 5, grid: true, gridColor: '#d9d9d9' } };
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
  if (sources.objective) {
    layers.push({
      data: sources.objective,
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
    data: sources.bars,
    layer: layers,
    config: { aria: false, font: FONT, axis: { labelColor: INK, titleColor: INK, domainColor: INK, tickColor: INK, labelFontSize: 11, titleFontSize: 11 }, view: { stroke: null } },
  } as unknown as TopLevelSpec;
}
