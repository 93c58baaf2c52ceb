/**
 * The figures of a report site, all taken from one `slac check` evaluation:
 * the JSON report's rows as they are (objectives, uptime, credits, review)
 * and counts made from its tickets and escalations (per month, per severity,
 * per channel). Pages only lay these out.
 */
import type { CreditRow, ObjectiveRow, ReviewSummary, UptimeRow } from '../../runtime/evaluate/summary.js';
import { objectiveFraction, ratioBelowPercent, roundFractionBelow } from '../../runtime/evaluate/fractions.js';
import type { DateSpan } from './window.js';

/** Met, breached and pending ticket metrics. */
export interface VerdictCounts {
  met: number;
  breached: number;
  pending: number;
}

/** Escalations owed, by how they went. */
export interface EscalationCounts {
  met: number;
  late: number;
  missed: number;
  pending: number;
}

/** How many breaches one severity or channel had. */
export interface BreachCount {
  name: string;
  breaches: number;
}

/** One metric's verdicts among the tickets created in one month. */
export interface MonthMetric extends VerdictCounts {
  metric: string;
  title: string;
  /** met / (met + breached), rounded to 6 decimals as the check rounds it (never onto or across `objective`); null when nothing was counted. */
  attainment: number | null;
  /** The metric's objective (whatever its period), the line the month's figure is read against; null without one. */
  objective: number | null;
  /** Whether the month's counts, exactly, are not below `objective` (no verdict of an objective period: the side its figure is printed on); null without one or without counts. */
  atOrAboveObjective: boolean | null;
}

/** The figures of one period page. */
export interface MonthFigures {
  /** `2026-03`, the month of `created` in the report's zone. */
  month: string;
  tickets: number;
  breachedTickets: number;
  metrics: MonthMetric[];
  bySeverity: BreachCount[];
  byChannel: BreachCount[];
  /** Escalations whose level was due in the month; in the as-of month, also those due after the as-of instant. */
  escalations: EscalationCounts;
  /** Of those, the levels that fall due after the as-of instant (escalationsDueLaterText). */
  escalationsDueAfterAsOf: number;
}

/** A ticket with at least one breached metric, for the breached-tickets table. */
export interface BreachedTicket {
  id: string;
  severity: string;
  channel?: string;
  created: string;
  /** `targetSeverity`: the severity whose target was missed, when not the ticket's `severity` (it changed after). */
  breaches: { metric: string; elapsedMinutes: number; targetMinutes: number; due: string | null; targetSeverity?: string }[];
  /** Its page, relative to the site root, when one was written. */
  page?: string;
}

/** Everything one agreement's (or one client's) pages show. */
export interface SiteData {
  agreement: string;
  title?: string;
  /** For a client of a portfolio. */
  client?: string;
  asOf: string;
  /** The log's latest valid event, in the report's zone; absent when it has none (a log of outages only). */
  latestEvent?: string;
  /** The span reported (`--period`, `--from/--to`); open ends when not given. */
  span: DateSpan;
  spanLabel?: string;
  /** The agreement's metrics by name and title, in its order: the pages name a metric by its title (metricTitles), rows by its name. */
  metrics: { name: string; title: string }[];
  objectives: ObjectiveRow[];
  uptime: UptimeRow[];
  credits: CreditRow[];
  review: ReviewSummary;
  totals: VerdictCounts & { tickets: number; breachedTickets: number };
  escalations: EscalationCounts;
  /** Of those, the levels that fall due after the as-of instant (escalationsDueLaterText). */
  escalationsDueAfterAsOf: number;
  bySeverity: BreachCount[];
  byChannel: BreachCount[];
  months: MonthFigures[];
  /** In order of creation; every breached ticket of the span. */
  breached: BreachedTicket[];
  /** Log rows `--skip-invalid` left out. */
  invalidRows: number;
  /** Tickets of the log created outside the span, left out of every figure but the agreement's period rows. */
  ticketsOutsideSpan: number;
  /** Whether the agreement sets escalation levels at all: without, the pages say so (figure-text.ts) rather than count zeros. */
  setsEscalation: boolean;
  /** Whether the agreement sets service credits at all (figure-text.ts). */
  setsCredits: boolean;
  /**
   * What is known of uptime when no row of it is shown (figure-text.ts): the
   * titles of the agreement's uptime metrics, whether an outage log was
   * given, and whether credit tiers rest on those metrics.
   */
  uptimeMeasure: UptimeMeasure;
}

export interface UptimeMeasure {
  metricTitles: string[];
  outagesGiven: boolean;
  creditsDependOn: boolean;
}

/** The channel name breaches of tickets without a channel are counted under. */
export const NO_CHANNEL = '(no channel)';

/**
 * met / counted against an objective percentage (95 for 95%), as the check
 * makes an objective row: whether it is at or above the objective, exactly,
 * and the fraction rounded to 6 decimals but never onto or across it, so
 * that a month's 66.6666% does not read 66.667% beside an objective of
 * 66.6667%; null figures when nothing is counted.
 */
export function attainmentAgainst(counts: VerdictCounts, objectivePercent: number | undefined): Pick<MonthMetric, 'attainment' | 'objective' | 'atOrAboveObjective'> {
  const counted = counts.met + counts.breached;
  const objective = objectivePercent === undefined ? null : objectiveFraction(objectivePercent);
  const atOrAboveObjective = counted === 0 || objectivePercent === undefined ? null : !ratioBelowPercent(counts.met, counted, objectivePercent);
  return { attainment: counted === 0 ? null : roundFractionBelow(counts.met / counted, objective, atOrAboveObjective), objective, atOrAboveObjective };
}
