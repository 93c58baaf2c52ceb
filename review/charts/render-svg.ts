/**
 * Vega-Lite → Vega → SVG in Node, with no browser and no canvas: the same
 * spec gives the same bytes (no ids from counters, no dates). The SVG says
 * what it is to assistive technology: role="img" with a <title> and <desc>.
 */
import { parse, View, type Runtime } from 'vega';
import { compile } from 'vega-lite';
import { barChartShape, type BarChartInput } from './bar-chart.js';

/**
 * Compiled shapes of bar charts, by their spec. Compiling (Vega-Lite) and
 * parsing (Vega) a spec is two thirds of drawing a chart, and a report of
 * many clients draws thousands of charts of a handful of shapes.
 */
const runtimes = new Map<string, Runtime>();

/** Renders a bar chart to an SVG element with its text alternative; `id` makes the title ids unique in a page. */
export async function renderBarChartSvg(input: BarChartInput, alternative: { id: string; title: string; description: string }): Promise<string> {
  const shape = barChartShape(input);
  const key = JSON.stringify(shape.spec);
  let runtime = runtimes.get(key);
  if (!runtime) runtimes.set(key, (runtime = parse(compile(shape.spec).spec)));
  const view = new View(runtime, { renderer: 'none' });
  try {
    view.signal('domainLow', shape.domain[0]).signal('domainHigh', shape.domain[1]).data('bars', shape.bars);
    if (shape.objective) view.data('objective', shape.objective);
    return finishedSvg(await view.toSVG(), alternative);
  } finally {
    view.finalize();
  }
}

/** Vega's SVG made the same for the same chart, and one image with its text alternative. */
export function finishedSvg(svg: string, alternative: { id: string; title: string; description: string }): string {
  return accessibleSvg(deterministicSvg(svg, alternative.id), alternative);
}

/** Vega numbers clip paths from a counter shared by every view in the process: number them per chart instead. */
function deterministicSvg(svg: string, id: string): string {
  const clips = new Map<string, string>();
  return svg.replace(/\bclip\d+\b/g, (name) => {
    let renamed = clips.get(name);
    if (!renamed) clips.set(name, (renamed = `${id}-clip${clips.size + 1}`));
    return renamed;
  });
}

/**
 * One image with one text alternative: Vega's own ARIA roles on the groups
 * inside (graphics-symbol, ...) would ask for an alternative per mark, and
 * the figures are in the table beside the chart.
 */
function accessibleSvg(svg: string, alternative: { id: string; title: string; description: string }): string {
  const titleId = `${alternative.id}-title`;
  const descId = `${alternative.id}-desc`;
  svg = svg.replace(/ (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '');
  const open = svg.indexOf('>') + 1;
  const root = svg.slice(0, open - 1).replace(/ class="marks"/, ' class="chart"');
  return (
    `${root} role="img" aria-labelledby="${titleId} ${descId}">` +
    `<title id="${titleId}">${escapeXml(alternative.title)}</title><desc id="${descId}">${escapeXml(alternative.description)}</desc>` +
    svg.slice(open)
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
