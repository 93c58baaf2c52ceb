import type { ReplyAuthor, TicketEventKind } from '../../runtime/log/events.js';

// Tables keyed by a helpdesk's values are Maps: a plain object answers `constructor`,
// `toString` or `__proto__` from its prototype, so such a status or role became
// "[object Object]" (test/cli/import-prototype-values.test.ts).

/**
 * The events a built-in Zammad state adds to the `status` row that keeps its name.
 * `closed` is where work ends, but a customer's answer reopens it, so it is
 * a resolution; `merged` ends the ticket for good. Other states (new, open,
 * pending reminder, pending close, custom ones) are only a `status` row,
 * which the agreement's `pause when status` reads. A ticket_states file
 * tells the events of the states an admin named (state-types.ts).
 */
export const STATE_EVENTS: ReadonlyMap<string, TicketEventKind> = new Map([
  ['closed', 'resolved'],
  ['merged', 'closed'],
]);

/** The state a ticket is created in: without history or updated_at, it is dated at creation. */
export const CREATION_STATE = 'new';

/** Author of an article by its sender. */
export const SENDER_AUTHORS: ReadonlyMap<string, ReplyAuthor> = new Map([
  ['Agent', 'agent'],
  ['Customer', 'customer'],
  ['System', 'system'],
]);

/** Zammad's built-in sender ids, for articles fetched without `expand=true`. */
export const SENDER_NAMES_BY_ID: ReadonlyMap<string, string> = new Map([['1', 'Agent'], ['2', 'Customer'], ['3', 'System']]);

/** Zammad's built-in states and priorities by id, for tickets fetched without `expand=true`. */
export const STATE_NAMES_BY_ID: ReadonlyMap<string, string> = new Map([
  ['1', 'new'],
  ['2', 'open'],
  ['3', 'pending reminder'],
  ['4', 'closed'],
  ['5', 'merged'],
  ['6', 'removed'],
  ['7', 'pending close'],
]);
export const PRIORITY_NAMES_BY_ID: ReadonlyMap<string, string> = new Map([['1', '1 low'], ['2', '2 normal'], ['3', '3 high']]);

/** Article types that are not communication in Zammad (and do not count for its SLAs): never replies. */
export const NOTE_TYPES: ReadonlySet<string> = new Set(['note']);

/** An article this soon after its ticket's creation, the ticket's first, is the ticket's own text. */
export const DESCRIPTION_WINDOW_MS = 60_000;

/** The history attributes that become log rows. */
export const HISTORY_ATTRIBUTES: ReadonlySet<string> = new Set(['state', 'priority']);
