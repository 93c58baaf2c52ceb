import { ImportFileError, type InputFile } from '../import-source.js';
import { isRecord } from '../json-file.js';
import { isTicketState } from './state-types.js';

/** The payloads of Zammad's REST API that the import reads. */
export type ZammadDocument =
  /** `GET /api/v1/tickets?expand=true` (a page), or one ticket. */
  | { kind: 'tickets'; records: unknown[]; path: (index: number) => string }
  /** `GET /api/v1/ticket_history/{id}`: `{ history: [...], assets: {...} }`. */
  | { kind: 'history'; records: unknown[]; path: (index: number) => string }
  /** `GET /api/v1/ticket_articles/by_ticket/{id}`. */
  | { kind: 'articles'; records: unknown[]; path: (index: number) => string }
  /** `GET /api/v1/ticket_states`: each state's name and state type. */
  | { kind: 'states'; records: unknown[]; path: (index: number) => string };

/**
 * Tells which payload a file holds by its shape, since users name the saved
 * responses as they like. An empty list is an empty ticket page.
 */
export function zammadDocumentOf(json: unknown, file: InputFile): ZammadDocument {
  const atIndex = (index: number): string => `[${index}]`;
  if (Array.isArray(json)) {
    const first = json.find(isRecord);
    if (first === undefined || isTicket(first)) return { kind: 'tickets', records: json, path: atIndex };
    if ('ticket_id' in first && ('sender' in first || 'sender_id' in first)) return { kind: 'articles', records: json, path: atIndex };
    if (isTicketState(first)) return { kind: 'states', records: json, path: atIndex };
  } else if (isRecord(json)) {
    if (Array.isArray(json.history)) return { kind: 'history', records: json.history, path: (index) => `history[${index}]` };
    if (isTicket(json)) return { kind: 'tickets', records: [json], path: () => '(the ticket)' };
  }
  throw new ImportFileError(
    `${file.shown}: not a Zammad payload slac reads; give the responses of GET /api/v1/tickets?expand=true, /api/v1/ticket_history/{id}, /api/v1/ticket_articles/by_ticket/{id} and /api/v1/ticket_states`,
  );
}

function isTicket(record: Record<string, unknown>): boolean {
  return 'number' in record && ('state' in record || 'state_id' in record) && 'created_at' in record;
}
