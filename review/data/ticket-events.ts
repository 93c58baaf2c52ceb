import type { TicketEvent } from '../../runtime/log/events.js';
import { SKIPPED_KIND, type EventStore } from '../../runtime/log/event-store.js';

/**
 * The events of the named tickets as the check evaluated them (invalid rows
 * left out, none after `asOf`, in time order), read back from the check
 * session's event store rather than from the log a second time.
 */
export function ticketEventsOf(store: EventStore, ids: ReadonlySet<string>, asOf: number): Map<string, TicketEvent[]> {
  const found = new Map<string, TicketEvent[]>();
  if (ids.size === 0) return found;
  for (let ticket = 0; ticket < store.ticketCount && found.size < ids.size; ticket++) {
    const id = store.ticketId(ticket);
    if (!ids.has(id)) continue;
    const events: TicketEvent[] = [];
    for (const event of store.eventsOf(ticket)) {
      if (store.kindOf(event) !== SKIPPED_KIND && store.timeOf(event) <= asOf) events.push(store.toTicketEvent(event, id));
    }
    events.sort((a, b) => a.time - b.time || a.seq - b.seq);
    found.set(id, events);
  }
  return found;
}
