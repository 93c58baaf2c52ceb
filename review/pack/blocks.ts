/**
 * The blocks of figures an agenda item of the pack shows, as HTML: each a
 * sub-heading, the chart of the site and the table of the same figures
 * (read from SiteData as they are), then a sentence when there is nothing
 * to show. Headings are h3: the agenda item above is the h2.
 */
import type { AgreementModel } from '../../language/model/model.js';
import type { UptimeRow } from '../../runtime/evaluate/summary.js';
import { attainmentCharts, breachCountChart, escalationChart, reportMetricSlugs, uptimeCharts, type ChartFigure } from '../charts/figures.js';
import { allowedDowntimeMinutes, BREACHES_BY_TARGET_SEVERITY, creditTierText, escalationsDueLaterText, measuredText, noCreditsText, noEscalationText, noUptimeText, objectiveText, partialUptimeText, widerPeriodsText } from '../data/figure-text.js';
import { NO_CHANNEL, type SiteData } from '../data/site-data.js';
import { escapeHtml, num, table, textHtml, type Cell } from '../site/html.js';
import type { FigureBlock } from './agenda.js';
import { keyMoments, majorIncidents, mostSevere, RECURRING_MIN_TICKETS, recurringIssues, type MajorIncident } from './incidents.js';
import type { AgreementFigures } from '../data/run-check.js';
import { metricTitles, titleOf } from '../../runtime/report/metric-titles.js';
import { maintenancePartWhy } from '../../runtime/report/maintenance-text.js';

/** The rendered SVG of each chart, by chart id. */
export type ChartSvgs = ReadonlyMap<string, string>;

/** The charts a block shows (ids unique in the pack). */
export function blockCharts(block: FigureBlock, data: SiteData): ChartFigure[] {
  switch (block) {
    case 'performance':
      return attainmentCharts(data.objectives, reportMetricSlugs(data));
    case 'uptime':
      return uptimeCharts(data.uptime, reportMetricSlugs(data));
    case 'incidents':
      return present([breachCountChart('by-severity', 'severity', data.bySeverity), breachCountChart('by-channel', 'channel', data.byChannel)]);
    case 'escalations':
      return present([escalationChart('escalations-chart', data.escalations)]);
    case 'credits':
      return [];
  }
}

/** The HTML of a block. */
export function blockHtml(block: FigureBlock, figures: AgreementFigures, svgs: ChartSvgs): string {
  switch (block) {
    case 'performance':
      return performanceHtml(figures.data, svgs);
    case 'uptime':
      return uptimeHtml(figures.data.uptime, svgs, reportMetricSlugs(figures.data), noUptimeText(figures.data, 'in the period reviewed'));
    case 'credits':
      return creditsHtml(figures.data);
    case 'incidents':
      return incidentsHtml(figures, svgs);
    case 'escalations':
      return escalationsHtml(figures.data, svgs);
  }
}

/** A chart's SVG, with a caption when it shares its heading with another chart (breaches by severity, by channel). */
function chart(svgs: ChartSvgs, id: string, caption?: string): string {
  const svg = svgs.get(id);
  if (svg === undefined) return '';
  return caption === undefined ? `<div class="chart">${svg}</div>\n` : `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>\n`;
}

const verdict = (ok: boolean | null): Cell => ({ text: ok === true ? 'met' : ok === false ? 'missed' : 'no verdict', ...(ok === false ? { className: 'missed' } : {}) });
const measuredCell = (value: number | null, objective: number | null, ok: boolean | null): Cell => ({ text: measuredText(value, objective, ok), className: 'num' });
const objectiveCell = (value: number | null): Cell => ({ text: objectiveText(value), className: 'num' });

function allowance(row: UptimeRow): Cell {
  const allowed = allowedDowntimeMinutes(row);
  return allowed === null ? 'no objective' : { text: String(allowed), className: 'num' };
}

function performanceHtml(data: SiteData, svgs: ChartSvgs): string {
  const { totals } = data;
  const were = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? ' was' : 's were'}`;
  const intro = `<p>${were(totals.tickets, 'ticket')} created in the period; ${totals.breachedTickets} of them breached at least one target. Over all ticket metrics, ${were(totals.met, 'verdict')} met, ${totals.breached} breached and ${totals.pending} ${totals.pending === 1 ? 'is' : 'are'} pending (still within their target, and not counted in the attainment).</p>`;
  if (data.objectives.length === 0) return `<h3>Response and resolution objectives</h3>\n${intro}\n<p class="empty">No ticket metric has an objective in the period, so there is no attainment to report.</p>`;
  const metrics = [...new Set(data.objectives.map((row) => row.metric))];
  const slugs = reportMetricSlugs(data);
  const widerText = widerPeriodsText(data);
  const wider = widerText === undefined ? '' : `<p>${textHtml(widerText)}</p>\n`;
  const parts = metrics.map((metric) => {
    const rows = data.objectives.filter((row) => row.metric === metric);
    const tableHtml = table(
      `pack-objectives-${slugs.get(metric)!}`,
      `${rows[0]!.title}: attainment per period against the objective`,
      ['Period', 'Met', 'Breached', 'Pending', 'Attainment', 'Objective', 'Verdict'],
      rows.map((row) => [row.period, num(row.met), num(row.breached), num(row.pending), measuredCell(row.attainment, row.objective, row.ok), objectiveCell(row.objective), verdict(row.ok)]),
    );
    return `<div class="block"><h3>${escapeHtml(rows[0]!.title)}</h3>\n${chart(svgs, `attainment-${slugs.get(metric)!}`)}${tableHtml}</div>`;
  });
  return `${intro}\n${wider}${parts.join('\n')}`;
}

function uptimeHtml(rows: readonly UptimeRow[], svgs: ChartSvgs, slugs: ReadonlyMap<string, string>, emptyText: string): string {
  if (rows.length === 0) return `<h3>Uptime</h3>\n<p class="empty">${textHtml(emptyText)}</p>`;
  const metrics = [...new Set(rows.map((row) => row.metric))];
  return metrics
    .map((metric) => {
      const metricRows = rows.filter((row) => row.metric === metric);
      const tableHtml = wide(table(
        `pack-uptime-${slugs.get(metric)!}`,
        `${metricRows[0]!.title} per period, in minutes`,
        ['Period', 'Scheduled', 'Downtime', 'Allowed downtime', 'Uptime', 'Objective', 'Verdict', 'Maintenance excluded', 'Maintenance counted'],
        metricRows.map((row) => [
          row.period,
          num(row.scheduledMinutes),
          num(row.downtimeMinutes),
          allowance(row),
          measuredCell(row.uptime, row.objective, row.ok),
          objectiveCell(row.objective),
          verdict(row.ok),
          num(row.maintenance.excludedMinutes),
          num(row.maintenance.countedMinutes),
        ]),
      ));
      const counted = metricRows.flatMap((row) => row.maintenance.parts.filter((part) => part.counted).map((part) => ({ row, part })));
      const maintenance =
        counted.length === 0
          ? ''
          : wide(table(
              `pack-maintenance-${slugs.get(metric)!}`,
              'Maintenance counted as downtime, and why',
              ['Start', 'End', 'Minutes', 'Why', 'Outage log line'],
              counted.map(({ part }) => [instantCell(part.start), instantCell(part.end), num(part.minutes), maintenancePartWhy(part), num(part.line)]),
            ));
      const partial = partialUptimeText(metricRows);
      const partialNote = partial === undefined ? '' : `<p>${textHtml(partial)}</p>`;
      return `<div class="block"><h3>${escapeHtml(metricRows[0]!.title)}</h3>\n${chart(svgs, `uptime-${slugs.get(metric)!}`)}${tableHtml}${partialNote}</div>\n${maintenance}`;
    })
    .join('\n');
}

function creditsHtml(data: SiteData): string {
  const heading = '<h3>Service credits</h3>\n';
  const none = noCreditsText(data);
  if (none !== undefined) return `${heading}<p class="empty">${escapeHtml(none)}</p>`;
  if (data.credits.length === 0) return `${heading}<p>No credit is owed in the periods reported.</p>`;
  return `${heading}${table(
    'pack-credits',
    'Credits owed per period and the rule that produced each',
    ['Period', 'Credit owed', 'Before the cap', 'Rule'],
    data.credits.map((row) => [
      row.period,
      { text: `${row.percent}%`, className: 'num' },
      { text: `${row.uncappedPercent}%`, className: 'num' },
      row.tiers.map((tier) => creditTierText(tier, metricTitles(data))).join('; '),
    ]),
  )}`;
}

function escalationsHtml(data: SiteData, svgs: ChartSvgs): string {
  const heading = '<h3>Escalations</h3>\n';
  const counts = data.escalations;
  const none = noEscalationText(data);
  if (none !== undefined) return `${heading}<p class="empty">${escapeHtml(none)}</p>`;
  const tableHtml = table('pack-escalations', 'Escalation levels owed in the period, by how they went', ['Escalations', 'Count'], [
    ['met', num(counts.met)],
    ['late', num(counts.late)],
    ['missed', num(counts.missed)],
    ['pending', num(counts.pending)],
  ]);
  const dueLater = escalationsDueLaterText(data.escalationsDueAfterAsOf, data.asOf);
  const note = dueLater === undefined ? '' : `<p>${textHtml(dueLater)}</p>`;
  return `<div class="block">${heading}${chart(svgs, 'escalations-chart')}${tableHtml}${note}</div>`;
}

/** An instant in a table (`2026-04-03T04:44:00+02:00`), kept to one line: in a narrow column it broke at its hyphen. */
function instantCell(instant: string): Cell {
  return { text: instant, className: 'instant' };
}

function incidentsHtml(figures: AgreementFigures, svgs: ChartSvgs): string {
  const { data, model } = figures;
  const severity = mostSevere(model);
  const incidents = majorIncidents(figures);
  const titles = metricTitles(data);
  const parts: string[] = [];
  parts.push(`<h3>Major incidents</h3>\n<p>A major incident is a ticket of the most severe severity${severity === undefined ? '' : `, ${escapeHtml(severity)},`} that breached a target. ${incidents.length === 0 ? 'There was none in the period.' : `There ${incidents.length === 1 ? 'was 1' : `were ${incidents.length}`} in the period.`}</p>`);
  if (incidents.length > 0) {
    parts.push(
      table(
        'pack-major-incidents',
        'Major incidents, in order of creation',
        ['Ticket', 'Created', 'Channel', 'Targets breached'],
        incidents.map(({ ticket }) => [ticket.id, instantCell(ticket.created), ticket.channel ?? NO_CHANNEL, ticket.breaches.map((breach) => titleOf(titles, breach.metric)).join(', ')]),
      ),
    );
    parts.push(incidents.filter((incident) => incident.timeline).map(incidentSummary).join('\n'));
    const unsummarised = incidents.length - incidents.filter((incident) => incident.timeline).length;
    if (unsummarised > 0) parts.push(`<p class="note">The timelines of the first ${incidents.length - unsummarised} are summarised; run <code>slac explain</code> for the other ${unsummarised}.</p>`);
  }
  parts.push(recurringHtml(model, data));
  parts.push(`<div class="block"><h3>Breaches by severity and channel</h3>\n<p>${BREACHES_BY_TARGET_SEVERITY}</p>\n${chart(svgs, 'by-severity', 'By severity')}${chart(svgs, 'by-channel', 'By channel')}${breachCountTables(data)}</div>`);
  return parts.join('\n');
}

function incidentSummary({ ticket, timeline }: MajorIncident): string {
  const { shown, more } = keyMoments(timeline!);
  const reasons = timeline!.metrics.filter((metric) => metric.status === 'breached').map((metric) => `<li>${textHtml(metric.reason)}</li>`);
  // The sentence in one element: each child of the grid row is a cell of its own, and its spans (textHtml) would be too.
  const moments = shown.map((entry) => `<li><span class="when">${escapeHtml(shortTime(entry.local))}</span> <span class="what">${textHtml(entry.text)}</span></li>`);
  const facts = [ticket.severity, ticket.channel === undefined ? NO_CHANNEL : `via ${ticket.channel}`, `created ${shortTime(ticket.created)}`].join(', ');
  return `<div class="incident"><h4>${escapeHtml(ticket.id)}: ${textHtml(facts)}</h4>
<ul class="reasons">${reasons.join('')}</ul>
<ul class="moments">${moments.join('')}${more > 0 ? `<li class="note">and ${more} more moments (slac explain shows them all)</li>` : ''}</ul></div>`;
}

function recurringHtml(model: AgreementModel, data: SiteData): string {
  const issues = recurringIssues(model, data.breached);
  const definition = `<p>A recurring issue is the same target breached on ${RECURRING_MIN_TICKETS} or more tickets of the same severity and channel in the period.</p>`;
  if (issues.length === 0) return `<h3>Recurring issues</h3>\n${definition}\n<p>There was none in the period.</p>`;
  const titles = metricTitles(data);
  return `<div class="block"><h3>Recurring issues</h3>\n${definition}\n${table(
    'pack-recurring',
    'Recurring issues, most tickets first',
    ['Metric breached', 'Severity', 'Channel', 'Tickets', 'Months', 'First and last ticket'],
    issues.map((issue) => [titleOf(titles, issue.metric), issue.severity, issue.channel, num(issue.tickets), issue.months.join(', '), idsCell(issue.first, issue.last)]),
  )}</div>`;
}

/** The first and last ticket of a recurring issue, each id on one line ("PL-" / "1139" broke at its hyphen), but for one too long to fit (as the site's row headers do). */
function idsCell(first: string, last: string): Cell {
  return { text: `${first} … ${last}`, whole: [first, last].filter((id) => [...id].length <= LONG_ID) };
}

/** An id longer than this may wrap anywhere, as one that long on one line would push the columns beside it off the page. */
const LONG_ID = 40;

function breachCountTables(data: SiteData): string {
  const rows = (counts: SiteData['bySeverity']): Cell[][] => counts.map((count) => [count.name, num(count.breaches)]);
  return `<div class="side-by-side">${table('pack-by-severity', 'Breached ticket metrics by severity', ['Severity', 'Breaches'], rows(data.bySeverity))}${table('pack-by-channel', 'Breached ticket metrics by channel', ['Channel', 'Breaches'], rows(data.byChannel))}</div>`;
}

/** `2026-02-05T11:12:00+00:00` → `2026-02-05 11:12`: local wall time, as the check reports it. */
export function shortTime(local: string): string {
  return local.slice(0, 16).replace('T', ' ');
}

/** A table set smaller, for one with many columns. */
function wide(tableHtml: string): string {
  return tableHtml.replace('<table ', '<table class="wide" ');
}

function present<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
