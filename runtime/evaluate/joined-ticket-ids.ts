import { chunkValue } from '../log/columns.js';
import { compareIdTexts, idText, type TicketIdsPart } from '../log/ticket-ids.js';
import type { TicketIds } from './escalation-list.js';

/**
 * The ticket ids of several `--jobs` partitions as one numbering: each
 * partition's ids follow the ones added before, so that the merged
 * escalation list keeps a number per row, as one thread's does, instead
 * of an id string made, cloned and kept for each row (at 1,000,000
 * tickets that took about 0.3 s after the last partition was done, and
 * about 40 MB of the peak).
 */
export class JoinedTicketIds implements TicketIds {
  private readonly parts: TicketIdsPart[] = [];
  /** The joined number of each part's first id. */
  private readonly firsts: number[] = [];
  private size = 0;

  /** Adds a partition's ids; returns the joined number of its id 0. */
  add(part: TicketIdsPart): number {
    const first = this.size;
    this.parts.push(part);
    this.firsts.push(first);
    this.size += part.size;
    return first;
  }

  ticketId(ticket: number): string {
    const part = this.partOf(ticket);
    const index = ticket - this.firsts[part]!;
    const { arena, starts } = this.parts[part]!;
    return idText(arena, chunkValue(starts, index), chunkValue(starts, index + 1));
  }

  compareTicketIds(a: number, b: number): number {
    if (a === b) return 0;
    const partA = this.partOf(a);
    const partB = this.partOf(b);
    const indexA = a - this.firsts[partA]!;
    const indexB = b - this.firsts[partB]!;
    const idsA = this.parts[partA]!;
    const idsB = this.parts[partB]!;
    return compareIdTexts(idsA.arena, chunkValue(idsA.starts, indexA), chunkValue(idsA.starts, indexA + 1), idsB.arena, chunkValue(idsB.starts, indexB), chunkValue(idsB.starts, indexB + 1));
  }

  /** The part a joined number falls in (a few parts: one per thread). */
  private partOf(ticket: number): number {
    let part = this.firsts.length - 1;
    while (part > 0 && this.firsts[part]! > ticket) part--;
    return part;
  }
}
