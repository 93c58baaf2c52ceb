import type { TicketEventKind } from '../../runtime/log/events.js';
import { isRecord, textOf } from '../json-file.js';
import { STATE_EVENTS, STATE_NAMES_BY_ID } from './mapping.js';

/**
 * The event a state type adds to a state's `status` row: `closed` ends the
 * work, but a customer's answer reopens it, so it is a resolution; `merged`
 * ends the ticket for good. Types by name (`state_type`, with expand=true)
 * or by Zammad's seeded ids (`state_type_id`: 5 closed, 6 merged).
 */
const TYPE_EVENTS: ReadonlyMap<string, TicketEventKind> = new Map([
  ['closed', 'resolved'],
  ['merged', 'closed'],
]);
const TYPE_NAMES_BY_ID: ReadonlyMap<string, string> = new Map([
  ['1', 'new'],
  ['2', 'open'],
  ['3', 'pending reminder'],
  ['4', 'pending action'],
  ['5', 'closed'],
  ['6', 'merged'],
  ['7', 'removed'],
]);

/** Zammad's built-in state names, which a ticket_states file need not give. */
const BUILT_IN_STATES: ReadonlySet<string> = new Set(STATE_NAMES_BY_ID.values());

/**
 * What each state means for the log: the built-in names as Zammad seeds
 * them, and the states of a `GET /api/v1/ticket_states` response by their
 * state type, so that a state an admin named (`gelöst`, of type closed)
 * resolves a ticket as `closed` does. States neither built in nor listed
 * are remembered, for a note: they are statuses only.
 */
export class StateTypes {
  private readonly listed = new Map<string, TicketEventKind | undefined>();
  readonly unknown = new Set<string>();

  /** Learns a state of the states list; false when it has no name or state type. */
  learn(state: Record<string, unknown>): boolean {
    const name = textOf(state.name);
    const type = textOf(state.state_type) ?? TYPE_NAMES_BY_ID.get(textOf(state.state_type_id) ?? '');
    if (name === undefined || type === undefined) return false;
    this.listed.set(name, TYPE_EVENTS.get(type));
    return true;
  }

  /** The event a state adds to its status row: resolved (closed), closed (merged), or none. */
  eventOf(state: string): TicketEventKind | undefined {
    if (this.listed.has(state)) return this.listed.get(state);
    if (!BUILT_IN_STATES.has(state)) this.unknown.add(state);
    return STATE_EVENTS.get(state);
  }
}

/** Whether a list's first record is a ticket state (`GET /api/v1/ticket_states`): a name and a state type, no ticket number. */
export function isTicketState(record: unknown): boolean {
  return isRecord(record) && 'name' in record && ('state_type_id' in record || 'state_type' in record) && !('number' in record);
}
