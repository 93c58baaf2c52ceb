import type { ReportSummary } from '../evaluate/index.js';

/**
 * Each reported metric's title by its name, from the objective and uptime
 * rows that carry both. A credit tier names its metric by the source's name
 * (`FirstResponse`, the JSON key); the words of a report use the title the
 * document gives the service level ("First response").
 */
export function metricTitles(rows: Pick<ReportSummary, 'objectives' | 'uptime'>): ReadonlyMap<string, string> {
  return new Map([...rows.objectives, ...rows.uptime].map((row) => [row.metric, row.title]));
}
