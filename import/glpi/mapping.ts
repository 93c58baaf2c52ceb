import type { ReplyAuthor, TicketEventKind } from '../../runtime/log/events.js';

// Tables keyed by a helpdesk's values are Maps: a plain object answers `constructor`,
// `toString` or `__proto__` from its prototype, so such a status or role became
// "[object Object]" (test/cli/import-prototype-values.test.ts).

/** GLPI's ticket statuses (CommonITILObject), by the number its tables store, named as its English interface shows them. */
export const STATUS_NAMES: ReadonlyMap<string, string> = new Map([
  ['1', 'New'],
  ['2', 'Processing (assigned)'],
  ['3', 'Processing (planned)'],
  ['4', 'Pending'],
  ['5', 'Solved'],
  ['6', 'Closed'],
]);

/** The status a ticket is opened with: without log rows or date_mod, it is dated at the opening. */
export const OPENING_STATUS = 'New';

/** GLPI's priorities (and urgencies), by number, as its English interface names them. */
export const PRIORITY_NAMES: ReadonlyMap<string, string> = new Map([
  ['1', 'Very low'],
  ['2', 'Low'],
  ['3', 'Medium'],
  ['4', 'High'],
  ['5', 'Very high'],
  ['6', 'Major'],
]);

/** The events a status adds to its `status` row: Solved is resolved, Closed is closed. */
export const STATUS_EVENTS: ReadonlyMap<string, TicketEventKind> = new Map([
  ['Solved', 'resolved'],
  ['Closed', 'closed'],
]);

/** Statuses from which a change to another status (but Closed) is a reopening. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['Solved', 'Closed']);

/** The search options of a ticket whose changes `glpi_logs` records under `id_search_option`. */
export const SEARCH_OPTIONS: ReadonlyMap<string, 'status' | 'priority'> = new Map([
  ['12', 'status'],
  ['3', 'priority'],
]);

/** `linked_action` of the log row GLPI writes when an item is created (HISTORY_CREATE_ITEM). */
export const CREATE_ITEM_ACTION = '20';

/** `type` of `glpi_tickets_users`: the actor's part on the ticket. */
export const ACTOR_TYPES = { requester: '1', assigned: '2', observer: '3' } as const;

/** A profile's `interface`: the standard interface is staff, the simplified one is end users. */
export const INTERFACE_AUTHORS: ReadonlyMap<string, ReplyAuthor> = new Map([
  ['central', 'agent'],
  ['helpdesk', 'customer'],
]);

/** GLPI's built-in profiles and their interface, for exports without `glpi_profiles`. */
export const BUILT_IN_PROFILE_INTERFACES: ReadonlyMap<string, string> = new Map([
  ['1', 'helpdesk'], // Self-Service
  ['2', 'central'], // Observer
  ['3', 'central'], // Admin
  ['4', 'central'], // Super-Admin
  ['5', 'central'], // Hotliner
  ['6', 'central'], // Technician
  ['7', 'central'], // Supervisor
  ['8', 'central'], // Read-Only
]);

/** GLPI's built-in request types (`requesttypes_id`), the ticket's channel. */
export const REQUEST_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['1', 'Helpdesk'],
  ['2', 'E-Mail'],
  ['3', 'Phone'],
  ['4', 'Direct'],
  ['5', 'Written'],
  ['6', 'Other'],
]);

/** The user id of changes and followups GLPI makes itself (automatic actions, cron, unknown mail senders). */
export const NO_USER = '0';

/** How the boolean columns spell true. */
export const TRUE_VALUES: ReadonlySet<string> = new Set(['1', 'true']);

/**
 * A status or priority as a log row or ticket gives it: GLPI stores the
 * number; an export of the displayed history may hold the English name.
 */
export function glpiValueName(value: string, names: ReadonlyMap<string, string>): string | undefined {
  const byNumber = names.get(value.trim());
  if (byNumber !== undefined) return byNumber;
  const lower = value.trim().toLowerCase();
  return [...names.values()].find((name) => name.toLowerCase() === lower);
}

/**
 * What is wrong with a status or priority GLPI does not define, as written:
 * a number outside its values, or a name that is none of the English ones
 * (a translated export: `Nouveau`), which the list of names makes plain.
 */
export function undefinedValueText(field: 'status' | 'priority', written: string, names: ReadonlyMap<string, string>): string {
  if (/^\d*$/.test(written.trim())) return `is not between GLPI's ${field} values 1-6`;
  return `is neither one of GLPI's ${field} values 1-6 nor one of their English names (${[...names.values()].join(', ')})`;
}
