import { isRecord } from '../json-file.js';

/**
 * What a JSON document of a Freshdesk export is, told by its keys:
 * - a page of tickets (`GET /api/v2/tickets?include=stats`, an array), or of
 *   a ticket search (`GET /api/v2/search/tickets`: `{ "results": [...] }`);
 * - one ticket (`GET /api/v2/tickets/{id}?include=stats,conversations`, or a
 *   line of an NDJSON file), its conversations inline when included;
 * - a page of one ticket's conversations (`GET /api/v2/tickets/{id}/conversations`);
 * - a page of companies (`GET /api/v2/companies`).
 */
export type FreshdeskDocument =
  | { kind: 'tickets'; tickets: readonly unknown[]; path: string }
  | { kind: 'conversations'; conversations: readonly unknown[] }
  | { kind: 'companies'; companies: readonly unknown[] }
  | { kind: 'empty' };

function isTicket(value: unknown): boolean {
  return isRecord(value) && 'requester_id' in value && 'status' in value;
}

function isConversation(value: unknown): boolean {
  return isRecord(value) && 'ticket_id' in value && 'incoming' in value;
}

/** The kind of a parsed document, or undefined when it is none of Freshdesk's. */
export function freshdeskDocumentOf(value: unknown): FreshdeskDocument | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    if (isTicket(value[0])) return { kind: 'tickets', tickets: value, path: '' };
    if (isConversation(value[0])) return { kind: 'conversations', conversations: value };
    if (isRecord(value[0]) && 'name' in value[0] && !('status' in value[0])) return { kind: 'companies', companies: value };
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.results)) return { kind: 'tickets', tickets: value.results, path: 'results' };
  if (isTicket(value)) return { kind: 'tickets', tickets: [value], path: '$' };
  return undefined;
}

/** The JSON path of the i-th ticket of a document. */
export function ticketPath(document: { path: string }, i: number): string {
  if (document.path === '$') return '$';
  return document.path === '' ? `[${i}]` : `${document.path}[${i}]`;
}

/** What the import says of a file that is none of these. */
export const NOT_A_FRESHDESK_DOCUMENT = 'not a Freshdesk page of tickets, conversations or companies: not read';
