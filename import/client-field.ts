import type { ImportJob } from './import-source.js';

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
  if (job.clientField === undefined || tickets === 0 || someTicketHasIt) return;
  job.summary.note(
    `${words.tickets} without the field '${job.clientField.trim()}' that --client-field names: no ${words.ticket} has it, so none has a client; ${words.hint}`,
    tickets,
  );
}
