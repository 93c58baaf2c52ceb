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

/** Sorts and filters a ticket's events (robust to unsorted input and events after as-of). */
export function buildTimeline(context: EvaluationContext, events: readonly TicketEvent[], asOf: number): TicketTimeline {
  const ordered = events.filter((event) => event.time <= asOf).sort((a, b) => a.time - b.time || a.seq - b.seq);
  const createdIndex = ordered.findIndex((event) => event.event === 'created');
  // Validation rejects events before `created`; if some slip through, they are ignored.
  const inOrder = createdIndex > 0 ? ordered.slice(createdIndex) : ordered;
  const first = inOrder[0];
  if (!first) throw new Error('A ticket needs at least one event at or before the as-of instant.');
  const createdEvent = inOrder.find((event) => event.event === 'created') ?? first;
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
    const pausing = statuses.has(normaliseStatus(event.status));
    if (pausing && pausedSince === undefined) pausedSince = event.time;
    if (!pausing && pausedSince !== undefined) {
      if (event.time > pausedSince) (spans ??= []).push([pausedSince, event.time]);
      pausedSince = undefined;
    }
  }
  if (pausedSince !== undefined) (spans ??= []).push([pausedSince, Infinity]);
  return spans ?? NO_PAUSES;
}

/** Whether the event is an agent's reply (system and customer replies never count). */
export function isAgentReply(event: TicketEvent): boolean {
  return event.event === 'reply' && event.author === 'agent';
}

/** `resolved` or `closed`. */
export function isResolution(event: TicketEvent): boolean {
  return event.event === 'resolved' || event.event === 'closed';
}
