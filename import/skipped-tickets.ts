import type { ImportSummary } from './import-summary.js';

/** Where a record is, as the summary names it: `tickets.json at [2]`, `ticket.csv:5`. */
export function placeText(file: string, where: number | string): string {
  return typeof where === 'number' ? `${file}:${where}` : `${file} at ${where}`;
}

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

  /**
   * `ticket`: what the source calls a ticket ('ticket', 'issue').
   * `summary`: told of each ticket skipped (`ImportSummary.skippedTicket`),
   * whose record an adapter skips just before it adds it here.
   */
  constructor(
    private readonly ticket = 'ticket',
    private readonly summary?: ImportSummary,
  ) {}

  /** Tickets skipped with no id to remember them by (none, or one beyond 2^53), and where the first of them is. */
  private unnamed = 0;
  private firstUnnamed = '';
  /** Records asked about a ticket neither read nor remembered here: perhaps of an unnamed one. */
  private unknownAsked = 0;

  /**
   * Remembers why the ticket named `ids` (its id, and any other name records
   * use) was skipped; the first reason stays. With no name at all, it is
   * counted as a ticket whose records cannot be tied to it (`noteUnnamed`).
   */
  add(ids: readonly (string | undefined)[], why: string, at = ''): void {
    if (ids.every((id) => id === undefined || id === '')) return this.addUnnamed(at);
    this.summary?.skippedTicket(ids);
    for (const id of ids) if (id !== undefined && id !== '' && !this.why.has(id)) this.why.set(id, why);
  }

  /**
   * Remembers a ticket skipped because its `key` holds a JSON number beyond
   * 2^53, by the names `ids` read exactly (not that number, which is
   * rounded); with none, as a ticket whose records cannot be tied to it.
   */
  addInexact(key: string, ids: readonly (string | undefined)[], at: string): void {
    this.add(ids, `its ${key} is a number beyond 2^53`, at);
  }

  /** Counts a ticket skipped without an id to name it by (`at`: its file and line or record). */
  addUnnamed(at: string): void {
    if (this.unnamed++ === 0) this.firstUnnamed = at;
  }

  /** Counts a record of a ticket neither read nor remembered here, for `noteUnnamed`. */
  countUnknown(): undefined {
    this.unknownAsked++;
    return undefined;
  }

  /**
   * Says once, in a note counting them, that the records said to be of a
   * ticket in none of the files may be of the tickets skipped without an id
   * to tie them to: which ones cannot be told. Nothing when no ticket was
   * skipped so, or no record asked for a ticket not read.
   */
  noteUnnamed(summary: ImportSummary, records = 'records', listedAs = `of ${this.ticket}s not among those read`): void {
    if (this.unnamed === 0 || this.unknownAsked === 0) return;
    const tickets = this.unnamed === 1 ? `the ${this.ticket} skipped at ${this.firstUnnamed}` : `the ${this.unnamed} ${this.ticket}s skipped (the first at ${this.firstUnnamed})`;
    summary.note(`${records} listed as ${listedAs} may be of ${tickets} for want of an exact id (none, or one beyond 2^53): whose they are cannot be told`, this.unknownAsked);
  }

  /**
   * The problem of a record (`what`: `conversation of ticket 5`) of ticket
   * `id`, in the group `records` of skipped tickets ('conversations');
   * undefined when that ticket was not skipped.
   */
  problemOf(id: string, what: string, records: string): TicketProblem | undefined {
    const why = this.why.get(id);
    if (why === undefined) return this.countUnknown();
    return { group: `${records} of skipped ${this.ticket}s`, reason: `${what}: the ${this.ticket} was skipped: ${why}` };
  }
}
