import type { ReportSummary } from '../evaluate/index.js';

/**
 * The exit status of `slac check` for a report: 1 when an objective (ticket
 * or uptime) is missed or a credit is due; with `strict`, also when any
 * ticket metric is breached or any escalation missed. 0 otherwise.
 */
export function exitStatusOf(summary: ReportSummary, strict: boolean): 0 | 1 {
  const objectiveMissed = summary.objectives.some((row) => row.ok === false) || summary.uptime.some((row) => row.ok === false);
  const creditDue = summary.credits.some((row) => row.percent > 0);
  if (objectiveMissed || creditDue) return 1;
  if (strict && (summary.totals.breached > 0 || summary.totals.escalations.missed > 0)) return 1;
  return 0;
}
