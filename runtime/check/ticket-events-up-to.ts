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
