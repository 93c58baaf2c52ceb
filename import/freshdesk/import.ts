import { statSync } from 'node:fs';
import { parseApiTime } from '../api-time.js';
import { isUnreadableClientValue, noteMissingClientField, skipForClientValue, type ClientFieldWords } from '../client-field.js';
import { ImportFileError, type ImportJob, type InputFile } from '../import-source.js';
import { EMPTY_PAGE } from '../import-summary.js';
import { inexactIdKey, inexactIdReason, isNdjsonFile, isRecord, readJsonFile, readNdjsonLines, textOf } from '../json-file.js';
import { LatestCopies } from '../latest-copies.js';
import { placeText, SkippedTickets } from '../skipped-tickets.js';
import { writeConversation } from './conversation.js';
import { freshdeskDocumentOf, NOT_A_FRESHDESK_DOCUMENT, ticketPath } from './documents.js';
import { clientFieldValue, withheldReason, writeMissingConversations, writeStatsReplies, writeTicket, type TicketEntry, type TicketPlace } from './ticket.js';

/**
 * Tickets written, by id; those skipped, so that their conversations say
 * why; the latest copy of each ticket given more than once; the tickets of
 * which a copy that can be written carries conversations inline; and the
 * copies left out for a later one not written yet, by id, whose inline
 * conversations go to it once it is.
 */
interface TicketIndex {
  written: Map<string, TicketEntry>;
  skipped: SkippedTickets;
  copies: LatestCopies;
  withInline: Set<string>;
  leftOut: Map<string, LeftOutCopy[]>;
}

/** A copy of a ticket left out for another: its inline conversations still are the ticket's. */
interface LeftOutCopy {
  ticket: Record<string, unknown>;
  place: TicketPlace;
}

/**
 * Turns a Freshdesk export (pages of tickets with `include=stats`, or NDJSON
 * of tickets, pages of conversations, pages of companies) into slac's ticket
 * log. Three passes, each file read whole as the API page it is: the first
 * tells what each file is and reads the companies, the second writes the
 * tickets (with conversations they carry inline), the third the
 * conversations. Only a little of each ticket is kept for its conversations.
 */
export async function importFreshdesk(job: ImportJob): Promise<number> {
  const companies = new Map<string, string>();
  const ticketFiles: InputFile[] = [];
  const conversationFiles: InputFile[] = [];
  const otherFiles: InputFile[] = [];
  let emptyPages = 0;
  const copies = LatestCopies.ofApiTimes(job.assumeTimezone);
  const withInline = new Set<string>();
  for (const file of job.files) {
    const kind = await learnFile(file, companies, { copies, withInline }, job);
    if (kind === 'tickets') ticketFiles.push(file);
    else if (kind === 'conversations') conversationFiles.push(file);
    else if (kind === 'empty') emptyPages++;
    else if (kind === undefined) otherFiles.push(file);
  }
  const total = [...ticketFiles, ...conversationFiles].reduce((sum, file) => sum + statSync(file.path).size, 0);
  let done = 0;
  const index: TicketIndex = { written: new Map(), skipped: new SkippedTickets('ticket', job.summary), copies, withInline, leftOut: new Map() };
  for (const file of ticketFiles) {
    await writeTicketFile(file, job, companies, index, conversationFiles.length > 0);
    done += statSync(file.path).size;
    job.onProgress?.(done, total);
  }
  // No ticket at all, and files that are none of Freshdesk's: another helpdesk's export (whose NDJSON is read as tickets and skipped).
  const entries = [...index.written.values()];
  const written = entries.length;
  if (written === 0 && emptyPages === 0 && (ticketFiles.length === 0 || otherFiles.length > 0)) throw noTicketsError(job.files, otherFiles);
  for (const file of conversationFiles) {
    writeConversationFile(file, job, index);
    done += statSync(file.path).size;
    job.onProgress?.(done, total);
  }
  for (const entry of entries) writeMissingConversations(entry, job);
  noteMissingClientField(job, written, entries.some((entry) => entry.hasClientField), CLIENT_FIELD_WORDS);
  index.skipped.noteUnnamed(job.summary, 'conversations');
  job.summary.note('Freshdesk keeps no status history: earlier pending spells, resolutions before the latest reopening and priority changes are not in the export (see docs/import/freshdesk.md)');
  return written;
}

/** What the note on a `--client-field` no ticket has calls things. */
const CLIENT_FIELD_WORDS: ClientFieldWords = { tickets: 'tickets', ticket: 'ticket', hint: 'give a ticket field or a key of its custom_fields (such as cf_account_code)' };

/**
 * An export without a page of tickets is not a Freshdesk export (another
 * helpdesk's folder, say): one error, as the other JSON sources give,
 * rather than an empty log and a summary of files not read.
 */
function noTicketsError(files: readonly InputFile[], others: readonly InputFile[]): ImportFileError {
  const give = 'give the responses of GET /api/v2/tickets?include=stats (or NDJSON of tickets), /api/v2/tickets/{id}/conversations and /api/v2/companies';
  if (others.length > 0) return new ImportFileError(`${others[0]!.shown}: not a Freshdesk page slac reads, and no file holds Freshdesk tickets; ${give}`);
  return new ImportFileError(`no page of Freshdesk tickets among ${files.map((file) => file.shown).join(', ')}; ${give}`);
}

/** First pass: what the file holds, and when each ticket was last updated; companies are read here, for the tickets' clients. */
async function learnFile(file: InputFile, companies: Map<string, string>, { copies, withInline }: Pick<TicketIndex, 'copies' | 'withInline'>, job: ImportJob): Promise<'tickets' | 'conversations' | 'companies' | 'empty' | undefined> {
  const learnTicket = (ticket: unknown, where: number | string): void => {
    if (!isRecord(ticket) || !canBeWritten(ticket, job)) return;
    // A latest copy deleted or spam writes nothing: the older copies say so, not that it is kept.
    copies.observe(textOf(ticket.id), placeText(file.shown, where), textOf(ticket.id) ?? '?', ticket.updated_at, ticket.id, withheldReason(ticket)?.why);
    if (Array.isArray(ticket.conversations)) withInline.add(textOf(ticket.id)!);
  };
  if (isNdjsonFile(file)) {
    for await (const line of readNdjsonLines(file)) if ('value' in line) learnTicket(line.value, line.line);
    return 'tickets';
  }
  const document = freshdeskDocumentOf(readJsonFile(file));
  if (document === undefined) {
    job.summary.fileNote(file.shown, 0, NOT_A_FRESHDESK_DOCUMENT);
    return undefined;
  }
  if (document.kind === 'empty') {
    job.summary.fileNote(file.shown, 0, EMPTY_PAGE);
    return 'empty';
  }
  if (document.kind === 'tickets') document.tickets.forEach((ticket, i) => learnTicket(ticket, ticketPath(document, i)));
  if (document.kind !== 'companies') return document.kind;
  document.companies.forEach((company, i) => {
    const inexact = isRecord(company) ? inexactIdReason(company, 'company') : undefined;
    if (inexact !== undefined) return job.summary.skip(file.shown, `[${i}]`, 'companies with an id beyond 2^53', inexact);
    const id = isRecord(company) ? textOf(company.id) : undefined;
    const name = isRecord(company) ? textOf(company.name) : undefined;
    if (id === undefined || name === undefined) return job.summary.skip(file.shown, `[${i}]`, 'companies without id or name', 'the company has no id or name');
    companies.set(id, name);
    job.summary.took(file.shown, 'companies (client names)');
  });
  return 'companies';
}

/**
 * Whether the second pass can write this copy of a ticket: none of the
 * reasons it skips a ticket for as unreadable (an id beyond 2^53, a client
 * field it cannot read, no id, no readable created_at). Only such a copy is
 * a candidate for the latest copy of a ticket given twice: a newer copy
 * that cannot be written left the older one skipped for it, and the ticket
 * out of the log. A copy that is deleted or spam can be: it is Freshdesk's
 * latest word on the ticket, and keeps it out of the log.
 */
function canBeWritten(ticket: Record<string, unknown>, job: ImportJob): boolean {
  const field = job.clientField?.trim();
  if (inexactIdKey(ticket, field) !== undefined || textOf(ticket.id) === undefined) return false;
  if (field !== undefined && isUnreadableClientValue(clientFieldValue(ticket, job), field)) return false;
  return parseApiTime(ticket.created_at, job.assumeTimezone) !== undefined;
}

/** Why a copy of ticket `id` is left out for another: one updated later, or one written before. */
function otherCopy(ticket: Record<string, unknown>, id: string | undefined, shownPlace: string, index: TicketIndex): string | undefined {
  const later = index.copies.laterCopy(id, shownPlace, `ticket ${id}`, id ?? '?', ticket.updated_at);
  if (later !== undefined) return later;
  return id !== undefined && index.written.has(id) ? `ticket ${id} is given earlier (in this file or another): the first is kept` : undefined;
}

async function writeTicketFile(file: InputFile, job: ImportJob, companies: ReadonlyMap<string, string>, index: TicketIndex, conversationsInFiles: boolean): Promise<void> {
  const write = (ticket: unknown, place: TicketPlace): void => {
    if (!isRecord(ticket)) return job.summary.skip(file.shown, place.where, 'tickets that are not objects', 'not a ticket object');
    const shownPlace = placeText(file.shown, place.where);
    // The field --client-field names is read by the client check, which names it (`account_id` is a client, not an id).
    const field = job.clientField?.trim();
    const inexactKey = inexactIdKey(ticket, field);
    if (inexactKey !== undefined) {
      // Remembered, so that its conversations say why (by its id, when that is not the id beyond 2^53).
      index.skipped.addInexact(inexactKey, [inexactKey === 'id' ? undefined : textOf(ticket.id)], shownPlace);
      return job.summary.skip(file.shown, place.where, 'tickets with an id beyond 2^53', inexactIdReason(ticket, 'ticket', field)!);
    }
    const id = textOf(ticket.id);
    const clientSkip = skipForClientValue(job, clientFieldValue(ticket, job), `ticket ${id ?? '?'}`, 'tickets', file.shown, place.where);
    if (clientSkip !== undefined) return index.skipped.add([id], clientSkip, shownPlace);
    // Overlapping pages give a ticket twice; written twice, its log would be refused (created twice, SLA4009). The copy updated last is kept;
    // one that cannot be written is listed with its own reason, not as a copy.
    const copy = canBeWritten(ticket, job) ? otherCopy(ticket, id, shownPlace, index) : undefined;
    if (copy !== undefined) {
      job.summary.skip(file.shown, place.where, 'tickets given twice (in two pages or files)', copy);
      return writeLeftOutConversations({ ticket, place }, index, job);
    }
    const entry = writeTicket(ticket, place, job, companies);
    if ('skipped' in entry) return index.skipped.add([id], entry.skipped, shownPlace);
    index.written.set(entry.ticket, entry);
    writeInlineConversations(ticket, place, entry, job);
    for (const copy of index.leftOut.get(entry.ticket) ?? []) writeInlineConversations(copy.ticket, copy.place, entry, job);
    index.leftOut.delete(entry.ticket);
    // Conversations inline in any copy are the replies: the stats date only some of them.
    if (index.withInline.has(entry.ticket)) return;
    if (!conversationsInFiles) writeStatsReplies(ticket, entry, place, job);
    else entry.statsForReplies = { stats: ticket.stats, place };
  };
  if (isNdjsonFile(file)) {
    for await (const line of readNdjsonLines(file)) {
      if ('error' in line) job.summary.skip(file.shown, line.line, 'unreadable lines', line.error);
      else write(line.value, { file: file.shown, where: line.line });
    }
    return;
  }
  const document = freshdeskDocumentOf(readJsonFile(file));
  if (document?.kind !== 'tickets') return;
  document.tickets.forEach((ticket, i) => write(ticket, { file: file.shown, where: ticketPath(document, i) }));
}

/** The conversations a ticket carries inline (`conversations`), onto the ticket written (`entry`). */
function writeInlineConversations(ticket: Record<string, unknown>, place: TicketPlace, entry: TicketEntry, job: ImportJob): void {
  if (!Array.isArray(ticket.conversations)) return;
  const at = typeof place.where === 'number' ? `line ${place.where} conversations` : place.where === '$' ? 'conversations' : `${place.where}.conversations`;
  ticket.conversations.forEach((conversation, c) => writeConversation(conversation, place.file, `${at}[${c}]`, entry, job));
}

/**
 * The inline conversations of a copy left out for another: onto the ticket
 * written, or kept for the copy that is yet to be. An older copy (an NDJSON
 * export with conversations) may hold those a newer one (a page of the
 * tickets list) lacks: skipped whole, its replies were lost. Each is read
 * once, by its id; those of a ticket never written (its latest copy deleted
 * or spam) are not read.
 */
function writeLeftOutConversations(copy: LeftOutCopy, index: TicketIndex, job: ImportJob): void {
  const id = textOf(copy.ticket.id);
  if (id === undefined || !Array.isArray(copy.ticket.conversations)) return;
  const entry = index.written.get(id);
  if (entry !== undefined) return writeInlineConversations(copy.ticket, copy.place, entry, job);
  index.leftOut.set(id, [...(index.leftOut.get(id) ?? []), copy]);
}

function writeConversationFile(file: InputFile, job: ImportJob, index: TicketIndex): void {
  const document = freshdeskDocumentOf(readJsonFile(file));
  if (document?.kind !== 'conversations') return;
  document.conversations.forEach((conversation, c) => {
    const path = `[${c}]`;
    const inexact = isRecord(conversation) ? inexactIdReason(conversation, 'conversation') : undefined;
    if (inexact !== undefined) return job.summary.skip(file.shown, path, 'conversations with an id beyond 2^53', inexact);
    const id = isRecord(conversation) ? textOf(conversation.ticket_id) : undefined;
    if (id === undefined) return job.summary.skip(file.shown, path, 'conversations without ticket_id', 'the conversation has no ticket_id');
    const entry = index.written.get(id);
    const skipped = entry === undefined ? index.skipped.problemOf(id, `conversation of ticket ${id}`, 'conversations') : undefined;
    if (skipped !== undefined) return job.summary.skip(file.shown, path, skipped.group, skipped.reason);
    if (entry === undefined) return job.summary.skip(file.shown, path, 'conversations of tickets not in the export', `conversation of ticket ${id}: the ticket is in none of the files`);
    entry.conversationsSeen = true;
    writeConversation(conversation, file.shown, path, entry, job);
  });
}
