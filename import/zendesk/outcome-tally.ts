import type { ImportSummary } from '../import-summary.js';

/**
 * What becomes of a record of a Zendesk export, as the summary words it.
 * Indexes of this list are what the import counts: an export of a million
 * tickets has some twenty million child events, each counted once.
 */
export const OUTCOMES = [
  'users (roles of comment authors)',
  'organisations (client names)',
  'creations (status)',
  'creations (priority)',
  'creations (other fields)',
  'status changes',
  'status changes to the same status (no row)',
  'priority changes',
  'priority changes to the same priority (no row)',
  'priorities cleared (the severity stays)',
  'requester, organisation, assignee and client changes (read for authors and clients)',
  'other field changes (not part of the ticket log)',
  'ticket descriptions (not replies)',
  'private notes (not replies)',
  'replies (agent)',
  'replies (customer)',
  'replies (system)',
  'other events (not part of the ticket log)',
  'events of deleted tickets (left out)',
  'child events of ticket events read before (in another file or page)',
  'events of audits read before (in another file or page)',
] as const;

/** An outcome by its words, as the index the tally counts. */
export const OUTCOME = Object.fromEntries(OUTCOMES.map((words, index) => [words, index])) as { readonly [Words in (typeof OUTCOMES)[number]]: number };

/**
 * Counts outcomes per file in integers, for `ImportSummary`. The first of
 * each outcome in a file goes into the summary at once, so the summary lists
 * a file's outcomes in the order first seen, skipped ones among them, as if
 * every record had been counted there; the rest are added by `settle`, which
 * must run before the summary is read.
 */
export class OutcomeTally {
  private file: string | undefined;
  private readonly counts = new Array<number>(OUTCOMES.length).fill(0);

  constructor(private readonly summary: ImportSummary) {}

  /** One record of `file` with the outcome `OUTCOME[...]`. */
  took(file: string, outcome: number): void {
    if (file !== this.file) this.switchTo(file);
    if (this.counts[outcome]++ === 0) this.summary.took(file, OUTCOMES[outcome]!);
  }

  /** Adds the counts held here to the summary. */
  settle(): void {
    if (this.file === undefined) return;
    for (let outcome = 0; outcome < OUTCOMES.length; outcome++) {
      const count = this.counts[outcome]!;
      if (count > 1) this.summary.took(this.file, OUTCOMES[outcome]!, count - 1);
      this.counts[outcome] = 0;
    }
  }

  private switchTo(file: string): void {
    this.settle();
    this.file = file;
  }
}
