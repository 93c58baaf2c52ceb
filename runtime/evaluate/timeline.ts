import type { TicketEvent } from '../log/events.js';
import { normaliseStatus, type EvaluationContext } from './context.js';
import type { Interval } from './intervals.js';

/**
 * One ticket's events in evaluation order (time, then file order), with the
 * facts every metric needs: when it was created, its severity after each
 * event, and when it was paused.
 */
export interface TicketTimeline {
  readonly id: string;
  readonly events: readonly TicketEvent[];
  readonly created: number;
  /** The first channel given by any of its events (already mapped through `matches`). */
  readonly channel?: string;
  /** Severity after events[i] has been applied. */
  readonly severityAfter: readonly string[];
  /**
   * Sorted, disjoint real-time spans while the status matched a pause status,
   * per pause set of the context (`pauseSets`); [0] is the agreement-wide one.
   */
  readonly pausesBySet: readonly (readonly Interval[])[];
  /** The agreement-wide pauses (`pausesBySet[0]`): the escalation clock's. */
  readonly pauses: readonly Interval[];
  readonly asOf: number;
}

const NO_PAUSES: readonly Interval[] = [];

/**
 * Sorts and filters a ticket's events (robust to unsorted input and events
 * after as-of). The timeline may keep `events` itself: it is read only while
 * the ticket is evaluated.
 */
export function buildTimeline(context: EvaluationContext, events: readonly TicketEvent[], asOf: number): TicketTimeline {
  // Nearly every ticket's events come from the log in order, `created` first, none after as-of: then the
  // list is its own timeline (what the filter, sort and cut below would give; test/runtime/evaluate/timeline.test.ts).
  const ready = isTimelineOrder(events, asOf);
  const inOrder = ready ? events : eventsInTimelineOrder(events, asOf);
  const first = inOrder[0];
  if (!first) throw new Error('A ticket needs at least one event at or before the as-of instant.');
  const createdEvent = ready ? first : (inOrder.find((event) => event.event === 'created') ?? first);
  const pausesBySet: (readonly Interval[])[] = [];
  for (const statuses of context.pauseSets) pausesBySet.push(statuses.size === 0 ? NO_PAUSES : pauseSpans(statuses, inOrder));
  return {
    id: first.ticket,
    events: inOrder,
    created: createdEvent.time,
    channel: firstChannel(inOrder),
    severityAfter: severitiesAfterEachEvent(inOrder, createdEvent.severity ?? context.model.defaultSeverity),
    pausesBySet,
    pauses: pausesBySet[0]!,
    asOf,
  };
}

/** Events up to as-of, by time then file order, from the first `created` on (any before it slipped past validation). */
export function eventsInTimelineOrder(events: readonly TicketEvent[], asOf: number): readonly TicketEvent[] {
  const ordered = events.filter((event) => event.time <= asOf).sort(compareEvents);
  const createdIndex = ordered.findIndex((event) => event.event === 'created');
  return createdIndex > 0 ? ordered.slice(createdIndex) : ordered;
}

function compareEvents(a: TicketEvent, b: TicketEvent): number {
  return a.time - b.time || a.seq - b.seq;
}

/**
 * Whether `eventsInTimelineOrder` would give `events` as they are: `created`
 * first, each at or before as-of and not before the one ahead of it.
 */
export function isTimelineOrder(events: readonly TicketEvent[], asOf: number): boolean {
  if (events.length === 0 || events[0]!.event !== 'created' || !(events[0]!.time <= asOf)) return false;
  for (let index = 1; index < events.length; index++) {
    const event = events[index]!;
    if (!(event.time <= asOf && compareEvents(events[index - 1]!, event) <= 0)) return false;
  }
  return true;
}

/** SEMANTICS.md 1.1: the first non-empty `channel` among the events, in event order. */
function firstChannel(events: readonly TicketEvent[]): string | undefined {
  for (const event of events) if (event.channel !== undefined && event.channel !== '') return event.channel;
  return undefined;
}

function severitiesAfterEachEvent(events: readonly TicketEvent[], initial: string): string[] {
  let current = initial;
  return events.map((event) => {
    if (event.event === 'severity' && event.severity !== undefined) current = event.severity;
    return current;
  });
}

function pauseSpans(statuses: ReadonlySet<string>, events: readonly TicketEvent[]): readonly Interval[] {
  let spans: Interval[] | undefined;
  let pausedSince: number | undefined;
  for (const event of events) {
    if (event.event !== 'status' || event.status === undefined) continue;
    const pausing = statuses.has(normalisedStatus(event.status));
    if (pausing && pausedSince === undefined) pausedSince = event.time;
    if (!pausing && pausedSince !== undefined) {
      if (event.time > pausedSince) (spans ??= []).push([pausedSince, event.time]);
      pausedSince = undefined;
    }
  }
  if (pausedSince !== undefined) (spans ??= []).push([pausedSince, Infinity]);
  return spans ?? NO_PAUSES;
}

/** `normaliseStatus` of the statuses met, which are few: trimming and lower-casing each event's makes two strings. */
const normalisedStatuses = new Map<string, string>();

function normalisedStatus(status: string): string {
  let normalised = normalisedStatuses.get(status);
  if (normalised === undefined) {
    normalised = normaliseStatus(status);
    // Bounded: a log may spell statuses many ways.
    if (normalisedStatuses.size < 4096) normalisedStatuses.set(status, normalised);
  }
  return normalised;
}

/** Whether the event is an agent's reply (system and customer replies never count). */
export function isAgentReply(event: TicketEvent): boolean {
  return event.event === 'reply' && event.author === 'agent';
}

/** `resolved` or `closed`. */
export function isResolution(event: TicketEvent): boolean {
  return event.event === 'resolved' || event.event === 'closed';
}
