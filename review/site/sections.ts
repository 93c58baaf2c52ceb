/**
 * The sections of the overview and period pages, each a heading, its
 * chart(s) and the table of the same figures. Every figure is read from
 * `SiteData` as it is; nothing is computed here but text.
 */
import { plural } from '../../compiler/english.js';
import type { ChartFigure } from '../charts/figures.js';
import { allowedDowntimeMinutes, BREACHES_BY_TARGET_SEVERITY, creditTierText, measuredText, objectiveText, partialUptimeText } from '../data/figure-text.js';
import type { CreditRow, ObjectiveRow, ReviewSummary, UptimeRow } from '../../runtime/evaluate/summary.js';
import type { BreachCount, EscalationCounts, MonthMetric } from '../data/site-data.js';
import { escapeHtml, figure, num, section, table, textHtml, type Cell } from './html.js';
import { titleOf } from '../../runtime/report/metric-titles.js';
import { maintenancePartWhy } from '../../runtime/report/maintenance-text.js';

/** The rendered SVG of each chart, by chart id. */
export type ChartSvgs = ReadonlyMap<string, string>;

function verdictCell(ok: boolean | null): Cell {
  return { text: ok === true ? 'met' : ok === false ? 'missed' : 'no verdict', value: ok, ...(ok === false ? { className: 'missed' } : {}) };
}

/** A measured figure, printed on its verdict's side of the objective. */
function measuredCell(fraction: number | null, objective: number | null = null, ok: boolean | null = null): Cell {
  return { text: measuredText(fraction, objective, ok), value: fraction, className: 'num' };
}

function objectiveCell(objective: number | null): Cell {
  return { text: objectiveText(objective), value: objective, className: 'num' };
}

/** Charts with the table of all their figures beside the first one. */
function chartsWithTable(charts: readonly ChartFigure[], svgs: ChartSvgs, tableHtml: string): string {
  const drawn = charts.map((chart) => svgs.get(chart.id) ?? '').filter((svg) => svg !== '');
  if (drawn.length === 0) return tableHtml;
  return `${drawn.map((svg, index) => (index === drawn.length - 1 ? figure(svg, tableHtml) : `<div class="figure">${svg}</div>`)).join('\n')}`;
}

/** Attainment per metric and objective period, with met/breached/pending counts. */
export function objectivesSection(rows: readonly ObjectiveRow[], charts: readonly ChartFigure[], svgs: ChartSvgs, slugs: ReadonlyMap<string, string>, heading = 'Response and resolution objectives', note?: string): string {
  if (rows.length === 0) return section('objectives', heading, '<p>No ticket metric has an objective, or no ticket was counted.</p>');
  const metrics = [...new Set(rows.map((row) => row.metric))];
  const parts = metrics.map((metric) => {
    const metricRows = rows.filter((row) => row.metric === metric);
    const tableHtml = table(
      `objectives-${slugs.get(metric)!}`,
      `${metricRows[0]!.title} per period`,
      ['Period', 'Met', 'Breached', 'Pending', 'Attainment', 'Objective', 'Verdict'],
      metricRows.map((row) => [row.period, num(row.met), num(row.breached), num(row.pending), measuredCell(row.attainment, row.objective, row.ok), objectiveCell(row.objective), verdictCell(row.ok)]),
    );
    return `<h3>${escapeHtml(metricRows[0]!.title)}</h3>\n${chartsWithTable(charts.filter((chart) => chart.id === `attainment-${slugs.get(metric)!}`), svgs, tableHtml)}`;
  });
  const spanNote = note === undefined ? '' : `<p class="note">${textHtml(note)}</p>\n`;
  return section('objectives', heading, `<p class="note">Pending tickets are still running within their target and are not counted in the attainment.</p>\n${spanNote}${parts.join('\n')}`);
}

/** One month's verdicts per metric. */
export function monthMetricsSection(metrics: readonly MonthMetric[], charts: readonly ChartFigure[], svgs: ChartSvgs): string {
  if (metrics.length === 0) return section('month-metrics', 'Tickets created this month', '<p>No ticket was created this month.</p>');
  const tableHtml = table(
    'month-metrics',
    'Verdicts of the tickets created this month, per metric',
    ['Metric', 'Met', 'Breached', 'Pending', 'Within target'],
    metrics.map((metric) => [{ text: metric.title, value: metric.metric }, num(metric.met), num(metric.breached), num(metric.pending), measuredCell(metric.attainment, metric.objective, metric.atOrAboveObjective)]),
  );
  return section('month-metrics', 'Tickets created this month', chartsWithTable(charts, svgs, tableHtml));
}

/** Uptime per period against the objective, with the maintenance excluded and counted; `emptyText` (figure-text.ts noUptimeText) when no row is shown. */
export function uptimeSection(rows: readonly UptimeRow[], charts: readonly ChartFigure[], svgs: ChartSvgs, slugs: ReadonlyMap<string, string>, emptyText: string): string {
  if (rows.length === 0) return section('uptime', 'Uptime', `<p>${textHtml(emptyText)}</p>`);
  const metrics = [...new Set(rows.map((row) => row.metric))];
  const parts = metrics.map((metric) => {
    const metricRows = rows.filter((row) => row.metric === metric);
    const tableHtml = table(
      `uptime-${slugs.get(metric)!}`,
      `${metricRows[0]!.title} per period`,
      ['Period', 'Scheduled minutes', 'Downtime minutes', 'Allowed downtime minutes', 'Uptime', 'Objective', 'Verdict', 'Maintenance excluded (minutes, rows)', 'Maintenance counted as downtime (minutes, rows)'],
      metricRows.map((row) => [
        row.period,
        num(row.scheduledMinutes),
        num(row.downtimeMinutes),
        allowanceCell(row),
        measuredCell(row.uptime, row.objective, row.ok),
        objectiveCell(row.objective),
        verdictCell(row.ok),
        { text: `${row.maintenance.excludedMinutes} min, ${plural(row.maintenance.excludedRows, 'row')}`, value: row.maintenance.excludedMinutes },
        { text: `${row.maintenance.countedMinutes} min, ${plural(row.maintenance.countedRows, 'row')}`, value: row.maintenance.countedMinutes },
      ]),
    );
    const partial = partialUptimeText(metricRows);
    const partialNote = partial === undefined ? '' : `\n<p class="note">${textHtml(partial)}</p>`;
    return `<h3>${escapeHtml(metricRows[0]!.title)}</h3>\n${chartsWithTable(charts.filter((chart) => chart.id === `uptime-${slugs.get(metric)!}`), svgs, tableHtml)}${partialNote}\n${maintenanceTable(slugs.get(metric)!, metricRows)}`;
  });
  return section('uptime', 'Uptime', parts.join('\n'));
}

/** The downtime the objective allows in the period, as the compiled document states it. */
function allowanceCell(row: UptimeRow): Cell {
  const allowed = allowedDowntimeMinutes(row);
  if (allowed === null) return { text: 'no objective', value: null };
  return { text: String(allowed), value: allowed, className: 'num' };
}

function maintenanceTable(metricSlug: string, rows: readonly UptimeRow[]): string {
  const parts = rows.flatMap((row) => row.maintenance.parts.map((part) => ({ period: row.period, part })));
  if (parts.length === 0) return '<p class="note">No maintenance in these periods.</p>';
  return table(
    `maintenance-${metricSlug}`,
    'Maintenance: what was excluded from scheduled time and what counted as downtime',
    ['Start', 'End', 'Period', 'Minutes', 'Treated as', 'Why', 'Outage log line', 'Description'],
    parts.map(({ period, part }) => [
      part.start,
      part.end,
      period,
      num(part.minutes),
      part.excluded ? 'excluded (scheduled maintenance)' : part.counted ? 'counted as downtime' : 'not excluded (no exclusion in the agreement)',
      maintenancePartWhy(part),
      num(part.line),
      part.description ?? '',
    ]),
  );
}

/** Credits owed per period, with the tiers (rules) that produced each; `none`, the sentence for an agreement that sets no credits (noCreditsText). */
export function creditsSection(rows: readonly CreditRow[], titles: ReadonlyMap<string, string>, none: string | undefined): string {
  // Headed as the review pack heads it: "Credits owed" above "The agreement sets no service credits." read as credits agreed.
  if (none !== undefined) return section('credits', 'Service credits', `<p>${escapeHtml(none)}</p>`);
  if (rows.length === 0) return section('credits', 'Credits owed', '<p>No credit is owed in the periods reported.</p>');
  const body = table(
    'credits',
    'Credits owed per period and the rule that produced each',
    ['Period', 'Credit owed', 'Before the cap', 'Rule'],
    rows.map((row) => [
      row.period,
      { text: `${row.percent}%`, value: row.percent, className: 'num' },
      { text: `${row.uncappedPercent}%`, value: row.uncappedPercent, className: 'num' },
      row.tiers.map((tier) => creditTierText(tier, titles)).join('; '),
    ]),
  );
  return section('credits', 'Credits owed', body);
}

/** Escalations met, late, missed and pending; `none`, the sentence for an agreement that sets no levels (noEscalationText); `dueLater`, escalationsDueLaterText. */
export function escalationsSection(counts: EscalationCounts, charts: readonly ChartFigure[], svgs: ChartSvgs, none: string | undefined, dueLater: string | undefined, id = 'escalations'): string {
  if (none !== undefined) return section(id, 'Escalations', `<p>${escapeHtml(none)}</p>`);
  const tableHtml = table(`${id}-table`, 'Escalation levels owed, by how they went', ['Escalations', 'Count'], [
    ['met', num(counts.met)],
    ['late', num(counts.late)],
    ['missed', num(counts.missed)],
    ['pending', num(counts.pending)],
  ]);
  const note = dueLater === undefined ? '' : `\n<p>${textHtml(dueLater)}</p>`;
  return section(id, 'Escalations', chartsWithTable(charts, svgs, tableHtml) + note);
}

/** Breaches by severity and by channel. */
export function breachCountsSection(bySeverity: readonly BreachCount[], byChannel: readonly BreachCount[], charts: readonly ChartFigure[], svgs: ChartSvgs): string {
  const countsTable = (id: string, what: string, counts: readonly BreachCount[]): string =>
    table(id, `Breached ticket metrics by ${what}`, [what === 'severity' ? 'Severity' : 'Channel', 'Breaches'], counts.map((count) => [count.name, num(count.breaches)]));
  const severity = chartsWithTable(charts.filter((chart) => chart.id === 'by-severity'), svgs, countsTable('by-severity-table', 'severity', bySeverity));
  const channel = chartsWithTable(charts.filter((chart) => chart.id === 'by-channel'), svgs, countsTable('by-channel-table', 'channel', byChannel));
  const bySeverityNote = `<p>${BREACHES_BY_TARGET_SEVERITY}</p>`;
  return section('breaches', 'Breaches by severity and channel', `<h3>By severity</h3>\n${bySeverityNote}\n${severity}\n<h3>By channel</h3>\n${channel}`);
}

/** When the next review is due and what has triggered one. */
export function reviewSection(review: ReviewSummary, ticketHref: (ticket: string) => string | undefined, titles: ReadonlyMap<string, string>): string {
  const next = review.next === null ? 'not set (the agreement gives no review interval or no effective date)' : review.next;
  const triggers = review.triggers.map((trigger): Cell[] => {
    if (trigger.kind === 'breach') {
      const href = ticketHref(trigger.ticket);
      return ['major incident', { text: trigger.ticket, ...(href === undefined ? {} : { href }) }, `${trigger.severity} ticket breached ${trigger.metrics.map((metric) => titleOf(titles, metric)).join(', ')}`];
    }
    return ['uptime objective missed', trigger.period, `${titleOf(titles, trigger.metric)}: ${measuredText(trigger.uptime, trigger.objective, false)} against ${objectiveText(trigger.objective)}`];
  });
  const body =
    `<dl class="facts"><dt>Next scheduled review</dt><dd id="review-next">${textHtml(next)}</dd><dt>Extra reviews triggered</dt><dd id="review-trigger-count">${review.triggers.length}</dd></dl>\n` +
    (triggers.length === 0 ? '<p>Nothing has triggered an extra review.</p>' : table('review-triggers', 'What triggered an extra review', ['Trigger', 'Ticket or period', 'Why'], triggers));
  return section('review', 'Service review', body);
}
