/**
 * The charts of a report, as data: each chart's Vega-Lite input made from
 * the site's figures, with its text alternative. Pages render them with
 * `renderBarChartSvg` and print the same figures as a table beside them.
 */
import { plural } from '../../compiler/english.js';
import type { ObjectiveRow, UptimeRow } from '../../runtime/evaluate/summary.js';
import type { BreachCount, EscalationCounts, MonthMetric } from '../data/site-data.js';
import { measuredText, objectiveText } from '../data/figure-text.js';
import type { Bar, BarChartInput } from './bar-chart.js';

/** A chart to draw: a stable id (unique in its page) and its input. */
export interface ChartFigure {
  id: string;
  input: BarChartInput;
}

/** One chart per metric: attainment in each objective period against the objective line. */
export function attainmentCharts(rows: readonly ObjectiveRow[], slugs = metricSlugs(rows.map((row) => row.metric))): ChartFigure[] {
  return groupBy(rows, (row) => row.metric).map(([metric, metricRows]) => {
    const measured = metricRows.filter((row) => row.attainment !== null);
    const objective = metricRows[0]!.objective;
    const title = `${metricRows[0]!.title}: attainment per period`;
    return {
      id: `attainment-${slugs.get(metric)!}`,
      input: {
        title,
        description: `${title}. ${sentences(measured.map((row) => `${row.period}: ${measuredText(row.attainment, row.objective, row.ok)} of ${plural(row.met + row.breached, 'ticket')} met the target${verdictWords(row.ok)}`))}${objective === null ? '' : ` The objective is ${objectiveText(objective)}.`}`,
        percent: true,
        valueTitle: 'Tickets within target',
        bars: measured.map((row) => ({ label: row.period, value: row.attainment!, text: `${measuredText(row.attainment, row.objective, row.ok)}${row.ok === false ? ' missed' : ''}`, ok: row.ok })),
        ...(objective === null ? {} : { objective: { value: objective, label: `objective ${objectiveText(objective)}` } }),
      },
    };
  });
}

/** One chart per uptime metric: uptime in each period against the objective line. */
export function uptimeCharts(rows: readonly UptimeRow[], slugs = metricSlugs(rows.map((row) => row.metric))): ChartFigure[] {
  return groupBy(rows, (row) => row.metric).map(([metric, metricRows]) => {
    const measured = metricRows.filter((row) => row.uptime !== null);
    const objective = metricRows[0]!.objective;
    const title = `${metricRows[0]!.title}: uptime per period`;
    return {
      id: `uptime-${slugs.get(metric)!}`,
      input: {
        title,
        description: `${title}. ${sentences(measured.map((row) => `${row.period}: ${measuredText(row.uptime, row.objective, row.ok)} up, ${row.downtimeMinutes} minutes down${verdictWords(row.ok)}`))}${objective === null ? '' : ` The objective is ${objectiveText(objective)}.`}`,
        percent: true,
        valueTitle: 'Uptime',
        bars: measured.map((row) => ({ label: row.period, value: row.uptime!, text: `${measuredText(row.uptime, row.objective, row.ok)}${row.ok === false ? ' missed' : ''}`, ok: row.ok })),
        ...(objective === null ? {} : { objective: { value: objective, label: `objective ${objectiveText(objective)}` } }),
      },
    };
  });
}

/** One month's attainment per metric (no objective line: objectives are judged over their own periods; each figure is still printed on its side of its metric's objective). */
export function monthAttainmentChart(month: string, metrics: readonly MonthMetric[]): ChartFigure | undefined {
  const measured = metrics.filter((metric) => metric.attainment !== null);
  if (measured.length === 0) return undefined;
  const title = `Tickets created in ${month} within target, per metric`;
  return {
    id: 'month-attainment',
    input: {
      title,
      description: `${title}. ${sentences(measured.map((metric) => `${metric.title}: ${measuredText(metric.attainment, metric.objective, metric.atOrAboveObjective)} (${metric.met} met, ${metric.breached} breached)`))}`,
      percent: true,
      valueTitle: 'Tickets within target',
      bars: measured.map((metric) => ({ label: metric.title, value: metric.attainment!, text: measuredText(metric.attainment, metric.objective, metric.atOrAboveObjective) })),
    },
  };
}

/** Breaches counted per severity or per channel. */
export function breachCountChart(id: string, what: 'severity' | 'channel', counts: readonly BreachCount[]): ChartFigure | undefined {
  if (counts.every((count) => count.breaches === 0)) return undefined;
  const title = `Breaches by ${what}`;
  return {
    id,
    input: {
      title,
      description: `${title}. ${sentences(counts.map((count) => `${count.name}: ${count.breaches}`))}`,
      valueTitle: 'Breached ticket metrics',
      bars: counts.map((count) => ({ label: count.name, value: count.breaches, text: String(count.breaches) })),
    },
  };
}

/** Escalations met, late, missed and pending. */
export function escalationChart(id: string, counts: EscalationCounts): ChartFigure | undefined {
  const entries: [string, number][] = [['met', counts.met], ['late', counts.late], ['missed', counts.missed], ['pending', counts.pending]];
  if (entries.every(([, count]) => count === 0)) return undefined;
  const bars: Bar[] = entries.map(([label, value]) => ({ label, value, text: String(value), ok: label === 'late' || label === 'missed' ? false : null }));
  return {
    id,
    input: { title: 'Escalations', description: `Escalations. ${sentences(entries.map(([label, value]) => `${label}: ${value}`))}`, valueTitle: 'Escalation levels owed', bars },
  };
}

function verdictWords(ok: boolean | null): string {
  return ok === true ? ', objective met' : ok === false ? ', objective missed' : '';
}

function sentences(parts: string[]): string {
  return parts.length === 0 ? 'Nothing measured.' : `${parts.join('; ')}.`;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const name = key(row);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(row);
  }
  return [...groups];
}

/**
 * Id-safe forms of metric names, unique among them: `slug` merges names
 * that differ only in case or punctuation (First_Response, first_response,
 * First__Response), whose charts would share one file and one element id;
 * the second and later of such names get `-2`, `-3`, in the order given.
 */
export function metricSlugs(names: Iterable<string>): ReadonlyMap<string, string> {
  const slugs = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    if (slugs.has(name)) continue;
    const base = slug(name);
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    slugs.set(name, candidate);
  }
  return slugs;
}

/** The metric slugs of a report: every metric of its objective and uptime rows, those of a month page included. */
export function reportMetricSlugs(data: { objectives: readonly { metric: string }[]; uptime: readonly { metric: string }[] }): ReadonlyMap<string, string> {
  return metricSlugs([...data.objectives, ...data.uptime].map((row) => row.metric));
}

/** An id-safe form of a name (merging case and punctuation: see metricSlugs for metrics). */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'metric';
}
