import type { IdKey } from './tickets.js';

/**
 * The ids of a held ticket's updates: none yet, the one id of a ticket
 * updated once (as many are: no list to allocate for each of a great many
 * open tickets), a list while short, a Set past SHORT, so a ticket updated
 * thousands of times is not searched end to end on every update.
 */
export type TicketUpdateIds = IdKey | IdKey[] | Set<IdKey> | undefined;

const SHORT = 32;

/** Adds `id` to the ticket's update ids; true when it was there already. */
export function rememberUpdateId(ticket: { updateIds: TicketUpdateIds }, id: IdKey): boolean {
  const ids = ticket.updateIds;
  if (ids === undefined) {
    ticket.updateIds = id;
    return false;
  }
  if (typeof ids !== 'object') {
    if (ids === id) return true;
    ticket.updateIds = [ids, id];
    return false;
  }
  if (Array.isArray(ids)) {
    if (ids.includes(id)) return true;
    if (ids.length < SHORT) ids.push(id);
    else ticket.updateIds = new Set(ids).add(id);
    return false;
  }
  if (ids.has(id)) return true;
  ids.add(id);
  return false;
}

/**
 * The ids of the last WINDOW updates read, whatever their ticket: Zendesk's
 * time-based exports repeat the items of a page's last timestamp on the
 * next page, so a repeat comes within a page (at most 1,000 items) of its
 * first. It finds the repeats of updates of tickets no longer held (closed
 * or deleted by then, or never open) in bounded memory; an open ticket's
 * updates are found by the ticket's own ids, however far apart.
 */
export class RecentUpdateIds {
  private readonly ring: (IdKey | undefined)[] = new Array<IdKey | undefined>(WINDOW).fill(undefined);
  private readonly ids = new Set<IdKey>();
  private next = 0;

  has(id: IdKey): boolean {
    return this.ids.has(id);
  }

  /** Remembers `id` (not held yet), forgetting the oldest past WINDOW. */
  add(id: IdKey): void {
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.ids.delete(oldest);
    this.ring[this.next] = id;
    this.ids.add(id);
    this.next = (this.next + 1) % WINDOW;
  }
}

/** Two of Zendesk's pages of 1,000 items. */
export const WINDOW = 2000;
