import { parseApiTime } from './api-time.js';
import { isInexactId } from './json-file.js';
import { formatLogTime } from './warehouse-time.js';

/** One copy of a ticket in an export: where it is, what it is called there, and when the helpdesk last updated it. */
interface TicketCopy {
  place: string;
  name: string;
  updated: number | undefined;
  /** Why this copy, kept, writes nothing (`is marked as spam`); undefined when it is written. */
  withheld: string | undefined;
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
 * the first in file order, as before. `readTime` reads an update time,
 * one without an offset in `--assume-timezone` (GLPI's `date_mod` is a
 * local time): read as UTC, the times its words quote were not the log's.
 */
export class LatestCopies {
  private readonly latest = new Map<string, TicketCopy>();

  constructor(private readonly readTime: (value: unknown) => number | undefined) {}

  /** For API times (Jira's `fields.updated`, Freshdesk's `updated_at`): one without an offset read in `zone`, as the log's times are. */
  static ofApiTimes(zone: string | undefined): LatestCopies {
    return new LatestCopies((value) => parseApiTime(value, zone)?.time);
  }

  /**
   * First pass: a copy of ticket `identity` (its id, else its key) at
   * `place` (`placeText`), named `name` there. An id beyond 2^53 is no
   * identity (read rounded, it could be another ticket's): that copy is
   * skipped for it anyway. `withheld` says why this copy writes nothing
   * (`is marked as spam`): the latest, it keeps the ticket out of the log,
   * and the older copies say so rather than that it is kept.
   */
  observe(identity: string | undefined, place: string, name: string, updatedValue: unknown, id?: unknown, withheld?: string): void {
    if (identity === undefined || isInexactId(id)) return;
    const updated = this.readTime(updatedValue);
    const known = this.latest.get(identity);
    if (known === undefined || isLater(updated, known.updated)) this.latest.set(identity, { place, name, updated, withheld });
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
    const updated = this.readTime(updatedValue);
    if (!isLater(known.updated, updated)) return undefined;
    const as = known.name === name ? '' : ` as ${known.name}`;
    const here = updated === undefined ? 'no readable update time here' : `${formatLogTime(updated)} here`;
    const kept = known.withheld === undefined ? 'the latest copy is kept' : `the latest copy ${known.withheld}, so the ticket is not written`;
    return `${label} is given again${as}, updated later, at ${known.place} (updated ${formatLogTime(known.updated!)}; ${here}): ${kept}`;
  }
}

/** Whether update time `a` is later than `b`; a time is later than none. */
function isLater(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && (b === undefined || a > b);
}
