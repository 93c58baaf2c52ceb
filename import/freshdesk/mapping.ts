import type { TicketEventKind } from '../../runtime/log/events.js';

// Tables keyed by a helpdesk's values are Maps: a plain object answers `constructor`,
// `toString` or `__proto__` from its prototype, so such a status or role became
// "[object Object]" (test/cli/import-prototype-values.test.ts).

/** Freshdesk's status numbers by their documented names (custom statuses, 6 and up, keep their number). */
export const STATUS_NAMES: ReadonlyMap<string, string> = new Map([
  ['2', 'Open'],
  ['3', 'Pending'],
  ['4', 'Resolved'],
  ['5', 'Closed'],
]);

/** Freshdesk's priority numbers by their documented names. */
export const PRIORITY_NAMES: ReadonlyMap<string, string> = new Map([
  ['1', 'Low'],
  ['2', 'Medium'],
  ['3', 'High'],
  ['4', 'Urgent'],
]);

/** The channel of a ticket by its `source` number (Freshdesk's documented sources). */
export const SOURCE_NAMES: ReadonlyMap<string, string> = new Map([
  ['1', 'Email'],
  ['2', 'Portal'],
  ['3', 'Phone'],
  ['7', 'Chat'],
  ['9', 'Feedback widget'],
  ['10', 'Outbound email'],
]);

/** The events a status adds to its `status` row: Resolved means resolved, Closed means closed. */
export const STATUS_EVENTS: ReadonlyMap<string, TicketEventKind> = new Map([
  ['Resolved', 'resolved'],
  ['Closed', 'closed'],
]);

/** Statuses from which a change to any other status is a reopening. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['Resolved', 'Closed']);

/** The status a reopened ticket goes back to. */
export const REOPENED_STATUS = 'Open';

/** The status `pending_since` dates; only while the ticket is still in it is that date unambiguous. */
export const PENDING_STATUS = 'Pending';

/**
 * What an outgoing (`incoming: false`), public conversation is, by its
 * `source`: a reply (0), a public note (2), a forward (8), survey feedback
 * (6). Sources not listed (tweets, Facebook posts, phone) are replies.
 */
export const OUTGOING_SOURCES: ReadonlyMap<string, 'reply' | 'public notes (not replies)' | 'forwards (not replies)' | 'survey feedback (not replies)'> = new Map([
  ['0', 'reply'],
  ['2', 'public notes (not replies)'],
  ['6', 'survey feedback (not replies)'],
  ['8', 'forwards (not replies)'],
]);

/** The conversation source of survey feedback, which is never a reply, even incoming. */
export const FEEDBACK_SOURCE = '6';
