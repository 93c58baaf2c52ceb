/**
 * The incident analysis of a review: the major incidents and the recurring
 * issues, both read from the breached tickets the check reported (SiteData),
 * and the timelines of the major incidents from the same evaluation.
 */
import type { AgreementModel } from '../../language/model/model.js';
import type { AgreementFigures } from '../data/run-check.js';
import { NO_CHANNEL, type BreachedTicket } from '../data/site-data.js';
import { ticketTimeline, type TicketTimeline, type TimelineEntry } from '../timeline/timeline.js';

/**
 * A recurring issue: the same metric breached on this many tickets or more
 * of the same severity and channel in the span reported (a pack is made for
 * one agreement, so for a portfolio one client).
 */
export const RECURRING_MIN_TICKETS = 3;

/** Major incidents whose timeline is summarised; the others are listed in the table only. */
export const MAX_SUMMARISED_INCIDENTS = 25;

/** The timeline entries a summary keeps: what changed the ticket or its clocks, not every reply. */
const KEY_MOMENTS: ReadonlySet<TimelineEntry['kind']> = new Set(['created', 'severity', 'channel', 'pause', 'resume', 'reopened', 'resolved', 'closed', 'escalation', 'breached']);

/** Key moments a summary shows at most. */
export const MAX_KEY_MOMENTS = 10;

/** One group of breaches that recur. */
export interface RecurringIssue {
  metric: string;
  severity: string;
  channel: string;
  tickets: number;
  /** The months (`2026-03`) of creation of its tickets, in order. */
  months: string[];
  /** The first and last ticket, by creation. */
  first: string;
  last: string;
}

/** A major incident with its timeline, when it is summarised. */
export interface MajorIncident {
  ticket: BreachedTicket;
  timeline?: TicketTimeline;
}

/** The most severe severity: the first the agreement declares (as the agreement document's review clause says). */
export function mostSevere(model: AgreementModel): string | undefined {
  return model.severities[0]?.name;
}

/** The breached tickets of the most severe severity, in order of creation; the first ones with their timelines. */
export function majorIncidents(figures: AgreementFigures): MajorIncident[] {
  const severity = mostSevere(figures.model);
  const tickets = figures.data.breached.filter((ticket) => ticket.severity === severity);
  const summarised = new Set(tickets.slice(0, MAX_SUMMARISED_INCIDENTS).map((ticket) => ticket.id));
  const events = figures.eventsOf(summarised);
  return tickets.map((ticket) => {
    const ticketEvents = events.get(ticket.id);
    return ticketEvents === undefined ? { ticket } : { ticket, timeline: ticketTimeline(figures.model, ticketEvents, figures.asOf) };
  });
}

/**
 * The entries of a timeline a summary shows, and how many it leaves out:
 * the key moments, and the reply or estimate that stopped a breached
 * metric's clock (its reason names that event, so the summary says when it
 * came).
 */
export function keyMoments(timeline: TicketTimeline): { shown: TimelineEntry[]; more: number } {
  const stops = breachedStops(timeline);
  const moments = timeline.entries.filter((entry) => KEY_MOMENTS.has(entry.kind) || (STOPPING_EVENTS.has(entry.kind) && stops.has(wholeSecond(entry.time))));
  return { shown: moments.slice(0, MAX_KEY_MOMENTS), more: Math.max(0, moments.length - MAX_KEY_MOMENTS) };
}

/** Log events that stop a clock and are not key moments by themselves (a ticket has many replies). */
const STOPPING_EVENTS: ReadonlySet<TimelineEntry['kind']> = new Set(['reply', 'estimate']);

/** The instants (whole seconds, as the timeline writes them) at which a breached metric stopped. */
function breachedStops(timeline: TicketTimeline): Set<number> {
  const stops = new Set<number>();
  for (const metric of timeline.metrics) {
    if (metric.status !== 'breached' || metric.stoppedAt === undefined) continue;
    const stop = Date.parse(metric.stoppedAt);
    // An offset with seconds (a zone's local mean time before 1900) does not parse: that stop is left out, as before.
    if (Number.isFinite(stop)) stops.add(stop);
  }
  return stops;
}

function wholeSecond(time: number): number {
  return Math.floor(time / 1000) * 1000;
}

/** Groups of RECURRING_MIN_TICKETS or more breaches of one metric's target for one severity, on one channel; most tickets first. */
export function recurringIssues(model: AgreementModel, breached: readonly BreachedTicket[]): RecurringIssue[] {
  const groups = new Map<string, { metric: string; severity: string; channel: string; tickets: BreachedTicket[] }>();
  for (const ticket of breached) {
    const channel = ticket.channel ?? NO_CHANNEL;
    for (const breach of ticket.breaches) {
      // One target: the metric's for the severity whose target was missed, which a later severity change does not move.
      const severity = breach.targetSeverity ?? ticket.severity;
      const key = JSON.stringify([breach.metric, severity, channel]);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { metric: breach.metric, severity, channel, tickets: [] }));
      group.tickets.push(ticket);
    }
  }
  const severityRank = (name: string): number => {
    const rank = model.severities.findIndex((severity) => severity.name === name);
    return rank < 0 ? model.severities.length : rank;
  };
  const metricRank = (name: string): number => model.metrics.findIndex((metric) => metric.name === name);
  return [...groups.values()]
    .filter((group) => group.tickets.length >= RECURRING_MIN_TICKETS)
    .sort((a, b) => b.tickets.length - a.tickets.length || severityRank(a.severity) - severityRank(b.severity) || metricRank(a.metric) - metricRank(b.metric) || (a.channel < b.channel ? -1 : 1))
    .map((group) => ({
      metric: group.metric,
      severity: group.severity,
      channel: group.channel,
      tickets: group.tickets.length,
      months: [...new Set(group.tickets.map((ticket) => ticket.created.slice(0, 7)))].sort(),
      first: group.tickets[0]!.id,
      last: group.tickets[group.tickets.length - 1]!.id,
    }));
}
