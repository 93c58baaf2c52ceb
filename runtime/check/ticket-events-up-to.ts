import { evaluateTicket, type EvaluationContext, type TicketVerdict } from '../evaluate/index.js';
import type { TicketEvent } from '../log/events.js';
import { SKIPPED_KIND, type EventStore } from '../log/event-store.js';

/** The store's kind number of `created` (the first of TICKET_EVENT_KINDS). */
const CREATED_KIND = 0;

/** What gathering one ticket's events found besides the events themselves. */
export interface GatheredTicket {
  /** Events left out for being after the as-of instant. */
  ignored: number;
  /** The log line of the ticket's first `created`; 0 when it has none up to as-of. */
  createdLine: number;
}

/**
 * Puts a ticket's events up to `asOf` into `events` (cleared first), in
 * store order, leaving out skipped rows. Shared by the one-thread check and
 * the `--jobs` workers, so both evaluate a ticket from the same events.
 */
export function gatherTicketEvents(store: EventStore, ticket: number, asOf: number, events: TicketEvent[]): GatheredTicket {
  events.length = 0;
  const id = store.ticketId(ticket);
  let ignored = 0;
  let createdLine = 0;
  for (let event = store.firstEventOf(ticket); event >= 0; event = store.nextEventOf(event)) {
    const kind = store.kindOf(event);
    if (kind === SKIPPED_KIND) continue;
    if (store.timeOf(event) > asOf) {
      ignored++;
      continue;
    }
    const ticketEvent = store.toTicketEvent(event, id);
    if (kind === CREATED_KIND && createdLine === 0) createdLine = ticketEvent.line;
    events.push(ticketEvent);
  }
  return { ignored, createdLine };
}

/** Events of a ticket created after `asOf`, all of them left out (skipped rows aside). */
export function countEventsAfterAsOf(store: EventStore, ticket: number): number {
  let ignored = 0;
  for (let event = store.firstEventOf(ticket); event >= 0; event = store.nextEventOf(event)) if (store.kindOf(event) !== SKIPPED_KIND) ignored++;
  return ignored;
}

/** One ticket evaluated at as-of: its verdict (none when it was created after as-of), and what gathering its events found. */
export interface TicketUpTo extends GatheredTicket {
  verdict: TicketVerdict | undefined;
}

/**
 * Evaluates a ticket (created at `created`) from its events up to `asOf`,
 * gathered into `events`; a ticket created after `asOf` is not evaluated,
 * and all its events are left out. The one-thread check and the `--jobs`
 * partitions evaluate every ticket through this.
 */
export function evaluateTicketUpTo(context: EvaluationContext, store: EventStore, ticket: number, created: number, asOf: number, events: TicketEvent[]): TicketUpTo {
  // Created after the as-of instant: every event of the ticket is too.
  if (created > asOf) return { verdict: undefined, ignored: countEventsAfterAsOf(store, ticket), createdLine: 0 };
  const { ignored, createdLine } = gatherTicketEvents(store, ticket, asOf, events);
  // Unsorted: the timeline sorts the ticket's events (time, then file order).
  return { verdict: evaluateTicket(context, events, asOf), ignored, createdLine };
}
