import type { ReplyAuthor, TicketEventKind } from '../../runtime/log/events.js';

// Tables keyed by a helpdesk's values are Maps: a plain object answers `constructor`,
// `toString` or `__proto__` from its prototype, so such a status or role became
// "[object Object]" (test/cli/import-prototype-values.test.ts).

/**
 * The events a Zendesk status adds to the `status` row that keeps its own
 * name: `solved` means resolved, `closed` means closed. Statuses not listed
 * (new, open, pending, hold or on-hold, custom ones) are only a `status` row,
 * which the agreement's `pause when status` reads.
 */
export const STATUS_EVENTS: ReadonlyMap<string, TicketEventKind> = new Map([
  ['solved', 'resolved'],
  ['closed', 'closed'],
]);

/** Statuses from which a change to any status but `closed` is a reopening. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['solved']);

/**
 * The status a Zendesk ticket has from its creation until it first changes:
 * a ticket still `new` has been so since it was created, so that is its
 * date when neither status history nor `updated_at` gives one.
 */
export const CREATION_STATUS = 'new';

/** The status of a ticket that Zendesk deleted: the ticket is left out. */
export const DELETED_STATUS = 'deleted';

/** Author of a comment by the user's role in Zendesk's user table. */
export const ROLE_AUTHORS: ReadonlyMap<string, ReplyAuthor> = new Map([
  ['end-user', 'customer'],
  ['agent', 'agent'],
  ['admin', 'agent'],
]);

/** Zendesk's own user: triggers, automations and other system changes. */
export const SYSTEM_USER_IDS: ReadonlySet<string> = new Set(['-1']);

/**
 * How warehouses spell a boolean, in lower case: `TRUE` and `FALSE` from
 * most, `t` and `f` from Postgres (`COPY ... CSV`), `1` and `0` from MySQL.
 */
export const BOOLEAN_SPELLINGS: ReadonlyMap<string, boolean> = new Map([
  ['true', true], ['t', true], ['1', true], ['yes', true],
  ['false', false], ['f', false], ['0', false], ['no', false],
]);

/** A boolean cell in any of its spellings, in any case; undefined when it is none of them (empty included). */
export function readBoolean(cell: string): boolean | undefined {
  return BOOLEAN_SPELLINGS.get(cell.trim().toLowerCase());
}
