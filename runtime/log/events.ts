/**
 * Rows of the ticket and outage logs after reading and validation. Instants
 * are epoch milliseconds (UTC), so nothing downstream depends on the
 * machine's time zone.
 */

export const TICKET_EVENT_KINDS = [
  'created',
  'reply',
  'status',
  'severity',
  'estimate',
  'escalated',
  'resolved',
  'reopened',
  'closed',
] as const;

export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];
export type ReplyAuthor = 'agent' | 'customer' | 'system';

export interface TicketEvent {
  ticket: string;
  /** Epoch milliseconds. */
  time: number;
  event: TicketEventKind;
  severity?: string;
  channel?: string;
  status?: string;
  author?: ReplyAuthor;
  level?: number;
  /** 1-based line in the log file, for messages. */
  line: number;
  /** Order in the file; breaks ties between events at the same instant. */
  seq: number;
}

export type OutageKind = 'outage' | 'maintenance';

export interface OutageRow {
  start: number;
  end: number;
  kind: OutageKind;
  description?: string;
  /** Epoch milliseconds: when a maintenance was announced (language 1.1; checked against `notice`). */
  announced?: number;
  /** Language 1.1, portfolios: the client the row applies to, as written (trimmed); absent, every client. */
  client?: string;
  line: number;
}
