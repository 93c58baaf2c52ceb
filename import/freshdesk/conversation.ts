import type { ReplyAuthor } from '../../runtime/log/events.js';
import { apiTimeProblem, readApiTime } from '../api-time.js';
import type { ImportJob } from '../import-source.js';
import { inexactIdReason, isRecord, textOf } from '../json-file.js';
import { FEEDBACK_SOURCE, OUTGOING_SOURCES } from './mapping.js';
import type { TicketEntry } from './ticket.js';

/**
 * What a conversation is: survey feedback is never a reply; a private one is
 * an internal note; an incoming one, or one by the requester, is the
 * customer's reply; an outgoing one is by its `source` an agent's reply, a
 * public note or a forward. Freshdesk does not mark automated replies:
 * acknowledgement mails are not conversations, and automations write as an
 * agent.
 */
export function conversationOutcome(conversation: Record<string, unknown>, entry: TicketEntry): { author: ReplyAuthor } | { not: string } {
  const source = textOf(conversation.source) ?? '0';
  if (source === FEEDBACK_SOURCE) return { not: 'survey feedback (not replies)' };
  if (conversation.private === true) return { not: 'private notes (not replies)' };
  if (conversation.incoming === true) return { author: 'customer' };
  if (entry.requester !== undefined && textOf(conversation.user_id) === entry.requester) return { author: 'customer' };
  const outgoing = OUTGOING_SOURCES.get(source) ?? 'reply';
  return outgoing === 'reply' ? { author: 'agent' } : { not: outgoing };
}

/** Maps one conversation of a ticket onto a `reply` row, or counts it as what it is. */
export function writeConversation(conversation: unknown, file: string, path: string | number, entry: TicketEntry, job: ImportJob): void {
  const { summary } = job;
  if (!isRecord(conversation)) return summary.skip(file, path, 'conversations that are not objects', `conversation of ticket ${entry.ticket}: not an object`);
  const inexact = inexactIdReason(conversation, `conversation of ticket ${entry.ticket}`);
  if (inexact !== undefined) return summary.skip(file, path, 'conversations with an id beyond 2^53', inexact);
  const id = textOf(conversation.id);
  if (id !== undefined) {
    entry.conversationIds ??= new Set();
    if (entry.conversationIds.has(id)) return summary.took(file, 'conversations read before (with their ticket or in another file)');
    entry.conversationIds.add(id);
  }
  const outcome = conversationOutcome(conversation, entry);
  if ('not' in outcome) return summary.took(file, outcome.not);
  const created = readApiTime(conversation.created_at, job);
  if (created === undefined) return summary.skip(file, path, 'conversations without a readable created_at', `conversation of ticket ${entry.ticket}: created_at ${conversation.created_at === undefined ? '(missing) is not a time' : apiTimeProblem(conversation.created_at, job)}`);
  let time = created;
  if (time < entry.created) {
    time = entry.created;
    summary.note('conversations dated before their ticket was created: moved to its creation');
  }
  job.sink.write({ ticket: entry.ticket, time, event: 'reply', author: outcome.author, ...(entry.client === undefined ? {} : { client: entry.client }) });
  summary.took(file, `replies (${outcome.author})`);
}
