import type { ImportJob } from './import-source.js';
import { inexactClientReason, isRecord, jsonExcerpt, nameOf, textOf } from './json-file.js';

/** How a source names its tickets and the fields `--client-field` may name, for the note below. */
export interface ClientFieldWords {
  /** The tickets, plural: 'tickets', 'issues'. */
  tickets: string;
  /** One ticket: 'ticket', 'issue'. */
  ticket: string;
  /** What to give instead, with an example. */
  hint: string;
}

/**
 * Says so when no ticket has the field `--client-field` names: a table's
 * header would refuse a missing column (zendesk-tables), but JSON has no
 * header and a GLPI export may be API pages, and a field mistyped would
 * otherwise leave every ticket without a client unremarked. One note of the
 * summary, counting the `tickets` read; nothing when some ticket had it.
 */
export function noteMissingClientField(job: ImportJob, tickets: number, someTicketHasIt: boolean, words: ClientFieldWords): void {
  if (job.clientField === undefined || tickets === 0) return;
  if (someTicketHasIt || skippedForClientValue.has(job)) return noteClientless(job, words);
  job.summary.note(
    `${words.tickets} without the field '${job.clientField.trim()}' that --client-field names: no ${words.ticket} has it, so none has a client; ${words.hint}`,
    tickets,
  );
}

/** Tickets written without a client though `--client-field` is given, per import (`countClientless`). */
const clientless = new WeakMap<ImportJob, number>();

/**
 * Counts a ticket written without a client though `--client-field` is
 * given: the field missing on it, null, "" or an empty list. All four are
 * no value alike (an empty list had a note of its own, null and "" none),
 * and `noteMissingClientField` counts them in one note.
 */
export function countClientless(job: ImportJob, client: string | undefined): void {
  if (job.clientField !== undefined && client === undefined) clientless.set(job, (clientless.get(job) ?? 0) + 1);
}

/** Takes back `countClientless` for a ticket record replaced by a later copy of it. */
export function uncountClientless(job: ImportJob, client: string | undefined): void {
  if (job.clientField !== undefined && client === undefined) clientless.set(job, (clientless.get(job) ?? 1) - 1);
}

/** The note on the tickets written without a client though some ticket has the field (`countClientless`). */
export function noteClientless(job: ImportJob, words: Pick<ClientFieldWords, 'tickets'>): void {
  const count = clientless.get(job) ?? 0;
  if (count === 0 || job.clientField === undefined) return;
  job.summary.note(`${words.tickets} whose ${job.clientField.trim()}, which --client-field names, is empty (missing, null, "" or an empty list): written without a client (slac check gives them to a portfolio's others)`, count);
}

/**
 * What a value of the field `--client-field` names reads as: the client,
 * and when it was an object or list, what of it was not read as the client.
 */
export interface ClientValue {
  client: string | undefined;
  /** The first of a list of several; an empty list; an object or list with no name to read. */
  shape?: 'several' | 'empty list' | 'no name';
}

/**
 * Reads the value of the field `--client-field` names alike in every JSON
 * source: a plain value as the source reads its text (`scalar`), an object
 * or list as `nameOf` does (an option's `value`, an object's `name` or
 * `displayName`, a list's first), saying when that left something unread.
 */
export function readClientValue(value: unknown, scalar: (value: unknown) => string | undefined = textOf): ClientValue {
  if (Array.isArray(value)) {
    if (value.length === 0) return { client: undefined, shape: 'empty list' };
    const client = nameOf(value[0]);
    if (client === undefined) return { client, shape: 'no name' };
    return value.length > 1 ? { client, shape: 'several' } : { client };
  }
  if (!isRecord(value)) return { client: scalar(value) };
  const client = nameOf(value);
  return client === undefined ? { client, shape: 'no name' } : { client };
}

/** What to do about a value of the field `--client-field` names that is an object or list with no name to read. */
export const UNNAMED_CLIENT_ADVICE = 'export the field as text or name another field';

/**
 * Why a ticket is skipped when the value of the field `--client-field` names
 * is an object or list with no name to read (`{"id": 7}`, `[null]`): it
 * names a client that cannot be read, and a ticket without one would be
 * counted among the clientless unremarked. A ticket whose client is a
 * number beyond 2^53 is skipped so (`inexactClientReason`), and so is this
 * one: a client the export names but the import cannot read. Undefined for
 * any other value, or without the option.
 */
export function unnamedClientReason(value: unknown, field: string | undefined, what: string): string | undefined {
  if (field === undefined || readClientValue(value).shape !== 'no name') return undefined;
  return `${what}: the ${field} ${jsonExcerpt(value)} that --client-field names has no text, value, name or displayName to read as the client; ${UNNAMED_CLIENT_ADVICE}`;
}

/**
 * Whether `skipForClientValue` would skip a ticket for this value of the
 * field `--client-field` names, without listing it: for the first pass that
 * tells which copy of a ticket given twice can be written.
 */
export function isUnreadableClientValue(value: unknown, field: string | undefined): boolean {
  return inexactClientReason(value, field, '') !== undefined || unnamedClientReason(value, field, '') !== undefined;
}

/**
 * Imports that skipped a ticket for the value of its client field: that
 * ticket had the field, so the note on a field no ticket has (a mistyped
 * name) is not for them, though no ticket written has it.
 */
const skippedForClientValue = new WeakSet<ImportJob>();

/**
 * Skips a ticket whose value of the field `--client-field` names cannot be
 * read as its client, listing it in the summary with `what` (`ticket 1`)
 * and why: a number beyond 2^53 (`inexactClientReason`) or an object or
 * list with no name (`unnamedClientReason`). `tickets` names the summary's
 * group ('tickets', 'issues'). Returns why in a few words, for the ticket's
 * later records (`SkippedTickets`), or undefined when it did not skip it.
 */
export function skipForClientValue(job: ImportJob, value: unknown, what: string, tickets: string, file: string, where: number | string): string | undefined {
  const field = job.clientField?.trim();
  const inexact = inexactClientReason(value, field, what);
  const unnamed = inexact === undefined ? unnamedClientReason(value, field, what) : undefined;
  if (inexact !== undefined) job.summary.skip(file, where, `${tickets} whose client field is a number beyond 2^53`, inexact);
  else if (unnamed !== undefined) job.summary.skip(file, where, `${tickets} whose client field is an object or list with no name`, unnamed);
  else return undefined;
  skippedForClientValue.add(job);
  return `its ${field} is ${inexact !== undefined ? 'a number beyond 2^53' : 'an object or list with no name'}`;
}

/**
 * Notes what of an object or list was not read as the client: the others
 * of several values (the first is the client, as jira takes the first of
 * several organizations). Counted per ticket as `tickets`, or per value
 * when the field comes in a ticket's events (zendesk: `tickets`
 * undefined). An empty list is no value, as null and "" are: the ticket is
 * counted by `countClientless` if it ends up without a client.
 */
export function noteClientValue(job: ImportJob, shape: ClientValue['shape'], tickets?: string): void {
  if (job.clientField === undefined || shape !== 'several') return;
  const field = job.clientField.trim();
  if (tickets !== undefined) job.summary.note(`${tickets} whose ${field}, which --client-field names, lists several values: the first is the client`);
  else job.summary.note(`${field} values that list several values, which --client-field names: the first is the client`);
}
