import type { ImportSummary } from './import-summary.js';

/** A ticket left out, and why in a few words, for its later records (`SkippedTickets`). */
export interface Skipped {
  skipped: string;
}

/** Skips a ticket in the summary (`group`, `reason`), returning `why` in a few words for its later records. */
export function skipTicket(summary: ImportSummary, file: string, where: number | string, group: string, reason: string, why: string): Skipped {
  summary.skip(file, where, group, reason);
  return { skipped: why };
}

/** Why a record of another file cannot go with its ticket: the summary's group, and the reason. */
export interface TicketProblem {
  group: string;
  reason: string;
}

/**
 * The tickets an import skipped, by id, and why in a few words ("it has no
 * readable created_at"), so that their later records (conversations,
 * comments, history, articles, followups) say the ticket was skipped and
 * why. Without it they said the ticket was in none of the files, which
 * sends a user looking for a file that is there.
 */
export class SkippedTickets {
  private readonly why = new Map<string, string>();

  /** What the source calls a ticket: 'ticket', 'issue'. */
  constructor(private readonly ticket = 'ticket') {}

  /** Remembers why the ticket named `ids` (its id, and any other name records use) was skipped; the first reason stays. */
  add(ids: readonly (string | undefined)[], why: string): void {
    for (const id of ids) if (id !== undefined && !this.why.has(id)) this.why.set(id, why);
  }

  /**
   * The problem of a record (`what`: `conversation of ticket 5`) of ticket
   * `id`, in the group `records` of skipped tickets ('conversations');
   * undefined when that ticket was not skipped.
   */
  problemOf(id: string, what: string, records: string): TicketProblem | undefined {
    const why = this.why.get(id);
    if (why === undefined) return undefined;
    return { group: `${records} of skipped ${this.ticket}s`, reason: `${what}: the ${this.ticket} was skipped: ${why}` };
  }
}
