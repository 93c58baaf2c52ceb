import { UNPRINTABLE_CHARACTERS } from '../../language/diagnostics/diagnostic.js';
import { formatDuration, formatDurationBeside } from '../clock/index.js';
import { EscalationList, isOwed, type BreachList, type BreachRow, type EscalationRow, type ReportSummary, type ReviewTrigger } from '../evaluate/index.js';
import { NO_CREDITS_TEXT, NO_ESCALATION_TEXT, type AgreementSets } from './agreement-sets.js';
import { maintenanceLines } from './maintenance-text.js';
import { formatSkippedRow } from '../log/log-error.js';
import { metricTitles, titleOf } from './metric-titles.js';
import { measuredPercent, percentBeside, thresholdPercent } from './percent-text.js';

/** The breaches and the escalations the text report lists at most, by default; the rest are counted. */
export const TEXT_LISTED = 50;

export interface TextReportOptions {
  /** List at most this many breaches and escalations (default TEXT_LISTED); the rest are counted. */
  maxListed?: number;
  /** The escalation rows, in report order, or the list they are in, when the summary's list was left empty (streamed). */
  escalations?: Iterable<EscalationRow> | EscalationList;
  /**
   * Each metric's title by its name, from the model (metricTitles(model)): a
   * credit or a review trigger names a metric as the document does. Without
   * it, the summary's objective and uptime rows give the titles they carry.
   */
  metricTitles?: ReadonlyMap<string, string>;
  /**
   * Whether the agreement sets credits and escalation levels, from the model
   * (agreementSets(model)): one that sets none gets the sentence the site and
   * the review pack give, not a zero count. Without it, as if it sets both.
   */
  sets?: AgreementSets;
}

/**
 * The report for people: a summary (tickets, objectives, uptime, credits,
 * review), then the breaches and the missed or late escalations. Durations
 * read `1h 35m`; lines stay within 100 columns except for long names.
 */
export function renderText(summary: ReportSummary, breaches: BreachList, options: TextReportOptions = {}): string {
  const maxListed = options.maxListed ?? TEXT_LISTED;
  const titles = options.metricTitles ?? metricTitles(summary);
  const sets = options.sets ?? { credits: true, escalation: true };
  const sections = [
    headerLines(summary, sets.escalation),
    objectiveLines(summary),
    uptimeLines(summary),
    creditLines(summary, titles, sets.credits),
    reviewLines(summary, titles),
    breachLines(breaches, maxListed),
    escalationLines(options.escalations ?? summary.escalations, summary.totals.escalations, maxListed),
    skippedLines(summary, maxListed),
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function headerLines(summary: ReportSummary, setsEscalation: boolean): string[] {
  const { totals } = summary;
  const escalations = totals.escalations;
  return [
    printable(summary.title === undefined ? summary.agreement : `${summary.title} (${summary.agreement})`),
    `As of ${summary.asOf}`,
    `Tickets: ${totals.tickets}, ${totals.breachedTickets} with a breach. ` +
      `Measures: ${totals.met} met, ${totals.breached} breached, ${totals.pending} pending.`,
    setsEscalation
      ? `Escalations: ${escalations.met} met, ${escalations.late} late, ${escalations.missed} missed, ${escalations.pending} pending.`
      : NO_ESCALATION_TEXT,
    ...(summary.invalidRows > 0 ? [`Invalid log rows skipped: ${summary.invalidRows}.`] : []),
  ];
}

function objectiveLines(summary: ReportSummary): string[] {
  if (summary.objectives.length === 0) return [];
  const rows = summary.objectives.map((row) => [
    row.title,
    row.period,
    row.attainment === null ? 'no verdict' : measuredPercent(row.attainment, row.objective, row.ok),
    row.objective === null ? '' : `objective ${thresholdPercent(row.objective)}`,
    `${row.met} met, ${row.breached} breached, ${row.pending} pending`,
    verdictWord(row.ok),
  ]);
  return ['Objectives', ...table(rows)];
}

function uptimeLines(summary: ReportSummary): string[] {
  if (summary.uptime.length === 0) return [];
  const rows = summary.uptime.map((row) => [
    row.title,
    row.period,
    row.uptime === null ? 'nothing scheduled' : measuredPercent(row.uptime, row.objective, row.ok),
    row.objective === null ? '' : `objective ${thresholdPercent(row.objective)}`,
    `down ${downtimeText(row)} of ${formatDuration(row.scheduledMinutes)}`,
    verdictWord(row.ok),
  ]);
  // Each period's maintenance goes right under its line.
  return ['Uptime', ...table(rows).flatMap((line, index) => [line, ...maintenanceLines(summary.uptime[index]!.maintenance)])];
}

/**
 * A period's downtime to the second, never rounded across what its objective
 * allows (the JSON figure keeps 4 decimals of a minute; the text, whole
 * seconds): 44m 38.401s MISSED against an allowance of 44m 38.4s shows as
 * 44m 39s, not 44m 38s.
 */
function downtimeText(row: ReportSummary['uptime'][number]): string {
  if (row.ok === null || row.objective === null) return formatDuration(row.downtimeMinutes);
  const seconds = row.downtimeMinutes * 60;
  const allowedSeconds = (1 - row.objective) * row.scheduledMinutes * 60;
  let shown = Math.round(seconds);
  if (row.ok === false && shown <= allowedSeconds) shown = Math.max(Math.ceil(seconds), Math.floor(allowedSeconds) + 1);
  else if (row.ok === true && shown > allowedSeconds) shown = Math.min(Math.floor(seconds), Math.floor(allowedSeconds));
  return formatDuration(shown / 60);
}

function creditLines(summary: ReportSummary, titles: ReadonlyMap<string, string>, setsCredits: boolean): string[] {
  if (!setsCredits) return [NO_CREDITS_TEXT];
  if (summary.credits.length === 0) return ['Credits: none due.'];
  const rows = summary.credits.map((row) => [
    row.period,
    `${row.percent}%` + (row.uncappedPercent > row.percent ? ` (capped from ${row.uncappedPercent}%)` : ''),
    row.tiers
      .map((tier) => `${titleOf(titles, tier.metric)} ${percentBeside(tier.value, tier.belowPercent / 100, false)} below ${tier.belowPercent}%: ${tier.creditPercent}%`)
      .join('; '),
  ]);
  return ['Credits', ...table(rows)];
}

function reviewLines(summary: ReportSummary, titles: ReadonlyMap<string, string>): string[] {
  const lines = [`Review: ${summary.review.next === null ? 'no date set' : `next on ${summary.review.next}`}`];
  // A trigger names a ticket of the log and the agreement's severities and metrics: printable, as the tables are.
  for (const trigger of summary.review.triggers) lines.push(printable(`  also due: ${describeTrigger(trigger, titles)}`));
  return lines;
}

function describeTrigger(trigger: ReviewTrigger, titles: ReadonlyMap<string, string>): string {
  if (trigger.kind === 'breach') return `ticket ${trigger.ticket} (${trigger.severity}) breached ${trigger.metrics.map((metric) => titleOf(titles, metric)).join(', ')}`;
  const measured = trigger.uptime === null ? '' : ` at ${measuredPercent(trigger.uptime, trigger.objective, false)}`;
  return `${titleOf(titles, trigger.metric)} missed its objective in ${trigger.period}${measured}`;
}

function breachLines(breaches: BreachList, maxListed: number): string[] {
  if (breaches.total === 0) return [];
  const shown = breaches.rows.slice(0, maxListed);
  const rows = shown.map((row) => [
    row.ticket,
    targetLabel(row),
    row.title,
    // `target 2 business days (20h 19m)`: the target as agreed, then this ticket's open time to the due day's close.
    row.businessDays === undefined ? `target ${formatDuration(row.targetMinutes)}` : `target ${row.businessDays} (${formatDuration(row.targetMinutes)})`,
    `elapsed ${formatDurationBeside(row.elapsedMinutes, row.targetMinutes, true)}`,
    `${formatDurationBeside(row.overMinutes, 0, true)} late`,
    row.due === null ? 'paused' : `due ${readableInstant(row.due)}`,
  ]);
  return [`Breaches (${breaches.total}), in the order they fell due`, ...table(rows), ...more(breaches.total - shown.length)];
}

/**
 * The severity (and channel) whose target the line shows, beside it: the
 * ticket's at the metric's stop, so a ticket whose severity changed later
 * also says what it is now (`P1 (now P2)`).
 */
function targetLabel(row: BreachRow): string {
  const label = row.channel === undefined ? row.targetSeverity : `${row.targetSeverity} via ${row.channel}`;
  return row.targetSeverity === row.severity ? label : `${label} (now ${row.severity})`;
}

/**
 * `2026-01-05T16:42:07-05:00` as `2026-01-05 16:42`: the local time on the
 * metric's clock to the minute, to fit a line; the JSON report has the
 * exact instant with its offset.
 */
function readableInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

function escalationLines(escalations: Iterable<EscalationRow> | EscalationList, totals: ReportSummary['totals']['escalations'], maxListed: number): string[] {
  // The totals count every row; only the listed ones are made, since a large log owes hundreds of thousands.
  const owed = totals.missed + totals.late;
  if (owed === 0) return [];
  const shown = escalations instanceof EscalationList ? escalations.firstRows(maxListed, isOwed) : firstOwed(escalations, maxListed);
  const rows = shown.map((row) => [
    row.ticket,
    `level ${row.level}`,
    row.who,
    `due ${readableInstant(row.due)}`,
    row.status === 'late' ? `${formatDurationBeside(row.lateMinutes ?? 0, 0, true)} late` : 'missed',
  ]);
  return [`Escalations missed or late (${owed})`, ...table(rows), ...more(owed - shown.length)];
}

function firstOwed(escalations: Iterable<EscalationRow>, maxListed: number): EscalationRow[] {
  const shown: EscalationRow[] = [];
  for (const row of escalations) {
    if (shown.length === maxListed) break;
    if (isOwed(row.status)) shown.push(row);
  }
  return shown;
}

function skippedLines(summary: ReportSummary, maxListed: number): string[] {
  if (summary.skipped.length === 0) return [];
  const shown = summary.skipped.slice(0, maxListed);
  // One line a problem: a row with two bad keys is listed twice, and "Skipped rows (2)" under "Invalid log rows skipped: 1." read as two rows.
  const problems = summary.skipped.length === summary.invalidRows ? '' : `, with ${summary.skipped.length} problems`;
  return [
    `Skipped rows (${summary.invalidRows}${problems})`,
    ...shown.map((row) => printable(`  ${formatSkippedRow(row)}`)),
    ...more(summary.skipped.length - shown.length),
  ];
}

function more(hidden: number): string[] {
  return hidden > 0 ? [`  ... and ${hidden} more (see --format json)`] : [];
}

function verdictWord(ok: boolean | null): string {
  return ok === null ? '-' : ok ? 'OK' : 'MISSED';
}

/**
 * Text from the log or the agreement made safe for a terminal: control
 * characters (line breaks, escape sequences) and Unicode line separators
 * and bidirectional controls are written as `\u{1b}`, so that a ticket id cannot forge report lines or
 * drive the terminal.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE_CHARACTERS, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}

/** Left-aligned columns, two spaces apart, indented by two; every cell made printable. */
function table(rows: readonly string[][]): string[] {
  const cells = rows.map((row) => row.map(printable));
  const widths: number[] = [];
  for (const row of cells) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return cells.map((row) => ('  ' + row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ')).trimEnd());
}
