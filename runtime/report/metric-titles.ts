import type { ReportSummary } from '../evaluate/index.js';

/** Where titles are read: the compiled model (every metric), or a report's objective and uptime rows (the metrics they list). */
export type MetricTitleSource = { readonly metrics: readonly { readonly name: string; readonly title: string }[] } | Pick<ReportSummary, 'objectives' | 'uptime'>;

/**
 * Each metric's title by its name. Verdicts, credit tiers and review
 * triggers name a metric by the source's name (`FirstResponse`, the JSON
 * key); the words of a report use the title the document gives the
 * service level ("First response"). Only the model knows every metric's
 * title: the report's rows know those with an objective or uptime row.
 */
export function metricTitles(source: MetricTitleSource): ReadonlyMap<string, string> {
  if ('metrics' in source) return new Map(source.metrics.map((metric) => [metric.name, metric.title]));
  return new Map([...source.objectives, ...source.uptime].map((row) => [row.metric, row.title]));
}

/** The metric's title, or its name when the titles do not know it. */
export function titleOf(titles: ReadonlyMap<string, string>, metric: string): string {
  return titles.get(metric) ?? metric;
}
