import type { ReplyAuthor, TicketEventKind } from '../../runtime/log/events.js';

/**
 * The events a Zendesk status adds to the `status` row that keeps its own
 * name: `solved` means resolved, `closed` means closed. Statuses not listed
 * (new, open, pending, hold or on-hold, custom ones) are only a `status` row,
 * which the agreement's `pause when status` reads.
 */
export const STATUS_EVENTS: Readonly<Record<string, TicketEventKind>> = {
  solved: 'resolved',
  closed: 'closed',
};

/** Statuses from which a change to any status but `closed` is a reopening. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['solved']);

/** The status of a ticket that Zendesk deleted: the ticket is left out. */
export const DELETED_STATUS = 'deleted';

/** Author of a comment by the user's role in Zendesk's user table. */
export const ROLE_AUTHORS: Readonly<Record<string, ReplyAuthor>> = {
  'end-user': 'customer',
  agent: 'agent',
  admin: 'agent',
};

/** Zendesk's own user: triggers, automations and other system changes. */
export const SYSTEM_USER_IDS: ReadonlySet<string> = new Set(['-1']);

/** How the `public` column spells true. */
export const TRUE_VALUES: ReadonlySet<string> = new Set(['true', 't', '1', 'yes']);
