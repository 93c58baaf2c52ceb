import { parseApiTime } from './api-time.js';
import { isInexactId } from './json-file.js';
import { formatLogTime } from './warehouse-time.js';

/** One copy of a ticket in an export: where it is, what it is called there, and when the helpdesk last updated it. */
interface TicketCopy {
  place: string;
  name: string;
  updated: number | undefined;
}

/**
 * Which copy of a ticket given more than once to keep. Two exports of
 * different days (Monday's pages and Tuesday's, or pages fetched while an
 * agent worked the ticket) give it twice, and the earlier copy lacks what
 * happened since: kept because it came first, a ticket resolved on Tuesday
 * stayed open in the log. The first pass notes every copy's last update
 * (Jira's `fields.updated`, Freshdesk's `updated_at`); the second keeps the
 * copy updated last, a copy with a readable update time over one without.
 * Copies updated at the same time, or all without a readable update, keep
 * the first in file order, as before.
 */
export class LatestCopies {
  private readonly latest = new Map<string, TicketCopy>();

  /**
   * First pass: a copy of ticket `identity` (its id, else its key) at
   * `place` (`placeText`), named `name` there. An id beyond 2^53 is no
   * identity (read rounded, it could be another ticket's): that copy is
   * skipped for it anyway.
   */
  observe(identity: string | undefined, place: string, name: string, updatedValue: unknown, id?: unknown): void {
    if (identity === undefined || isInexactId(id)) return;
    const updated = parseApiTime(updatedValue)?.time;
    const known = this.latest.get(identity);
    if (known === undefined || isLater(updated, known.updated)) this.latest.set(identity, { place, name, updated });
  }

  /**
   * Second pass: why the copy at `place` is left out for a copy updated
   * later, or undefined when it is the latest (or as recent as any other).
   * `label` is what the summary calls this copy (`issue SUP-3 (id 10003)`),
   * `name` what `observe` was given for it (`SUP-3`).
   */
  laterCopy(identity: string | undefined, place: string, label: string, name: string, updatedValue: unknown): string | undefined {
    const known = identity === undefined ? undefined : this.latest.get(identity);
    if (known === undefined || known.place === place) return undefined;
    const updated = parseApiTime(updatedValue)?.time;
    if (!isLater(known.updated, updated)) return undefined;
    const as = known.name === name ? '' : ` as ${known.name}`;
    const here = updated === undefined ? 'no readable update time here' : `${formatLogTime(updated)} here`;
    return `${label} is given again${as}, updated later, at ${known.place} (updated ${formatLogTime(known.updated!)}; ${here}): the latest copy is kept`;
  }
}

/** Whether update time `a` is later than `b`; a time is later than none. */
function isLater(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && (b === undefined || a > b);
}
