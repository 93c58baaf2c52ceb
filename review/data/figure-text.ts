/**
 * The figures of the site and the review pack as text, by the text
 * report's rules (runtime/report/percent-text.ts), so that every output of
 * one evaluation states a figure alike: a measured figure never rounded
 * onto or across its threshold, an objective with all its decimals, and
 * the downtime an objective allows as the compiled document states it.
 */
import { mostMissedKeeping } from '../../runtime/evaluate/fractions.js';
import { toMinutes } from '../../runtime/evaluate/metric-clock.js';
import type { CreditRow, UptimeRow } from '../../runtime/evaluate/summary.js';
import { NO_CREDITS_TEXT, NO_ESCALATION_TEXT } from '../../runtime/report/agreement-sets.js';
import { measuredPercent, percentBeside, thresholdPercent } from '../../runtime/report/percent-text.js';
import type { SiteData } from './site-data.js';
import { periodSpan, periodWithinSpan } from './window.js';

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

/** An attainment or uptime beside its objective and verdict (either may be null): `98.9899%`; null → `no verdict`. */
export function measuredText(fraction: number | null, objective: number | null = null, ok: boolean | null = null): string {
  return fraction === null ? 'no verdict' : measuredPercent(fraction, objective, ok);
}

/** An objective with all its decimals: `99.99%`, `99.9995%`; null → `no verdict`. */
export function objectiveText(objective: number | null): string {
  return objective === null ? 'no verdict' : thresholdPercent(objective);
}

/** One credit tier: the figure that fell below the tier's threshold, kept below it in print; the metric by its title (metricTitles). */
export function creditTierText(tier: CreditRow['tiers'][number], titles: ReadonlyMap<string, string>): string {
  return `${titles.get(tier.metric) ?? tier.metric} at ${percentBeside(tier.value, tier.belowPercent / 100, false)} is below ${tier.belowPercent}%: ${tier.creditPercent}% credit`;
}

/**
 * The downtime the row's objective allows, in minutes (as the row's
 * downtime is written): the most whole seconds that keep the objective, in
 * the check's exact arithmetic (`mostMissedKeeping`, as the compiled
 * document states it), never a float share rounded up past the downtime
 * that missed it. Null without an objective.
 */
export function allowedDowntimeMinutes(row: UptimeRow): number | null {
  if (row.objective === null) return null;
  const allowedMillis = mostMissedKeeping(row.objective * 100, Math.round(row.scheduledMinutes * MINUTE_MS));
  return toMinutes(Math.floor(allowedMillis / SECOND_MS) * SECOND_MS);
}

/**
 * An uptime period the log ends inside is measured only up to the as-of
 * instant (SEMANTICS.md: the last one may be partial): its scheduled
 * minutes read as a short month (39931.25 for June) beside the document's
 * allowance for the whole month, with nothing to say why. Undefined when
 * every row is a whole period.
 */
export function partialUptimeText(rows: readonly UptimeRow[]): string | undefined {
  const partial = rows.filter((row) => {
    const span = periodSpan(row.period);
    return span !== undefined && row.to.slice(0, 10) < span.to;
  });
  if (partial.length === 0) return undefined;
  const periods = [...new Set(partial.map((row) => row.period))];
  const one = periods.length === 1;
  return `${periods.join(', ')} ${one ? 'is' : 'are'} measured up to the as-of instant ${partial[0]!.to}, not to ${one ? 'its' : 'their'} end: ${one ? 'its' : 'their'} scheduled minutes, downtime and uptime are of that part.`;
}

/**
 * How the breaches by severity are counted, said wherever they are shown (the
 * site and the review pack): a ticket whose severity changed after it missed
 * a target counts under the target's severity (JSON `targetSeverity`), which
 * may not be the severity its page or a major-incident list gives it.
 */
export const BREACHES_BY_TARGET_SEVERITY = 'Each breach counts under the severity whose target it missed, even if the ticket’s severity changed afterwards.';

/**
 * What the site and the pack say for the escalations of an agreement that
 * sets no escalation levels, where a table of zeros read as levels set and
 * none due; undefined when it sets some.
 */
export function noEscalationText(data: SiteData): string | undefined {
  return data.setsEscalation ? undefined : NO_ESCALATION_TEXT;
}

/**
 * What the site and the pack say where no uptime row is shown (`where`: "in
 * this month"), as the case is: "the agreement measures none, or no outage
 * log was given" left the reader to guess which, and said nothing of the
 * credits that then go uncounted (`slac check` warns of them, SLA4064).
 */
export function noUptimeText(data: SiteData, where: string): string {
  const { metricTitles, outagesGiven, creditsDependOn } = data.uptimeMeasure;
  if (metricTitles.length === 0) return 'The agreement measures no uptime.';
  if (outagesGiven) return `No uptime period falls ${where}.`;
  const many = metricTitles.length > 1;
  const credits = creditsDependOn ? `, and the service credits that depend on ${many ? 'them' : 'it'} are not counted` : '';
  return `No uptime is reported: no outage log was given, so ${metricTitles.join(' and ')} ${many ? 'are' : 'is'} not measured${credits}.`;
}

/**
 * Why the as-of month counts escalation levels that fall due after it: a
 * level not yet due at the as-of instant (pending, or met ahead of its due)
 * is counted as it stood then, in the as-of month, as `slac check` counts
 * it; undefined when there is none.
 */
export function escalationsDueLaterText(count: number, asOf: string): string | undefined {
  if (count === 0) return undefined;
  const levels = count === 1 ? '1 level falls' : `${count} levels fall`;
  return `Of these, ${levels} due after the as-of instant ${asOf} (met ahead of time, or pending) and ${count === 1 ? 'is' : 'are'} counted in the as-of month, ${asOf.slice(0, 7)}.`;
}

/**
 * What the site and the pack say for the credits of an agreement that sets
 * none, as noEscalationText for levels: "No credit is owed" read as credits
 * agreed and every level kept.
 */
export function noCreditsText(data: SiteData): string | undefined {
  return data.setsCredits ? undefined : NO_CREDITS_TEXT;
}

/**
 * A span narrower than an objective's period (a March report, a quarterly
 * objective) shows the whole period's row: its counts (2026-Q1: 162 met)
 * then disagreed with the span's (146 met) without a word of why. Undefined
 * when every row's period is inside the span.
 */
export function widerPeriodsText(data: SiteData): string | undefined {
  if (data.spanLabel === undefined) return undefined;
  const wider = [...new Set(data.objectives.map((row) => row.period).filter((period) => !periodWithinSpan(period, data.span)))];
  if (wider.length === 0) return undefined;
  return `The objective rows are of the agreement’s whole periods (${wider.join(', ')}), which reach outside ${data.spanLabel}: they count the tickets of those periods created outside it too.`;
}

/**
 * A month wholly after the as-of instant (a span that runs past it:
 * `--period 2026-Q1 --as-of 2026-02-10`): the check counts nothing in it,
 * so its zeros are no figures. The site marks it in the months table and on
 * its page; the pack lists no months. Local dates compare as text (window.ts).
 */
export function monthAfterAsOf(data: SiteData, month: string): boolean {
  return month > data.asOf.slice(0, 7);
}

/** What the months table says of such a month, instead of its counts. */
export const AFTER_AS_OF_MONTH = 'after the as-of instant (no data yet)';

/** What such a month's page says first. */
export function afterAsOfMonthText(data: SiteData, month: string): string {
  return `${month} is after the as-of instant ${data.asOf}: no data yet. Nothing after that instant is counted; give a later --as-of, or none (the log's latest event).`;
}

/** Whether the span reported begins after the as-of instant's local date (local dates compare as text, window.ts). */
export function spanBeginsAfterAsOf(data: SiteData): boolean {
  return data.span.from !== undefined && data.asOf.slice(0, 10) < data.span.from;
}

/** Whether the span reported begins after the log's latest event (or the log has none). */
export function spanBeginsAfterLog(data: SiteData): boolean {
  return data.span.from !== undefined && (data.latestEvent === undefined || data.latestEvent.slice(0, 10) < data.span.from);
}

/**
 * A span that begins after the as-of instant (`--from 2026-04-01 --as-of
 * 2026-03-15T00:00:00Z`) counts nothing: its zeros are no figures. The
 * overview and the pack say so where the reader looks, as slac report's
 * warning does on stderr; undefined for any other span.
 */
export function spanAfterAsOfText(data: SiteData): string | undefined {
  if (!spanBeginsAfterAsOf(data)) return undefined;
  const span = data.spanLabel === undefined ? 'The span reported' : `The span reported (${data.spanLabel})`;
  const fact = `${span} begins after the as-of instant ${data.asOf}: nothing in it is counted.`;
  if (data.latestEvent === undefined) return fact;
  // Advice only where it helps: a later --as-of counts nothing in a span after the log's last event either.
  if (!spanBeginsAfterLog(data)) return `${fact} The log has events in or after it: give an --as-of in or after the span, or none (the log's latest event).`;
  return `${fact} The log's latest event is at ${data.latestEvent}.`;
}
