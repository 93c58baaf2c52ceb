import { printableText } from '../language/diagnostics/diagnostic.js';
import type { TicketEventKind } from '../runtime/log/events.js';
import type { ImportInputs } from './import-source.js';
import { RecordsInFileOrder } from './records-in-file-order.js';
import type { RowCount } from './table-reader.js';

/** The note of a file that is a page of tickets with none on it (the last page of a paged export, or a request that came back empty). */
export const EMPTY_PAGE = 'an empty page';

/** How many skipped records are listed one by one; the rest are only counted. */
export const LISTED_SKIPS = 20;

/** One record that could not be mapped, where it is and why. */
export interface SkippedRecord {
  file: string;
  /** A 1-based line, or a JSON path (`ticket_events[12].child_events[0]`) in a file that is one JSON document. */
  line: number | string;
  reason: string;
}

/** A warning: about a record (file and line), or about rows of the import whose records it cannot name. */
type WarnedRecord = SkippedRecord | { reason: string };

interface FileCounts {
  rows: number;
  /** What became of the rows: outcome → count, in the order first seen. */
  outcomes: Map<string, number>;
  /** A note on the whole file (e.g. "read by slac init"). */
  note?: string;
  /** Why the rows of a file not read could not be counted (`rows` is then 0). */
  notCounted?: string;
}

/**
 * The account an import gives of its input: every row of every file lands in
 * exactly one outcome (mapped as something, or skipped for a reason), so the
 * counts of a file add up to its rows. The first skipped records are listed
 * with file, line and reason.
 */
export class ImportSummary {
  private readonly files = new Map<string, FileCounts>();
  /** Each file's place in the order first counted. */
  private readonly firstCounted = new Map<string, number>();
  /** Each input's place in the order given (`noteInputs`); files it does not know follow them. */
  private rank: ReadonlyMap<string, number> = new Map();
  /** The first skipped records in file order (the order the summary lists the files in, then line), whatever order the import read them in. */
  private readonly firstSkipped = new RecordsInFileOrder<SkippedRecord>(LISTED_SKIPS, (file) => this.placeOf(file));
  /** The first skipped record of each file and reason (`group`), in file order: see `skipped`. */
  private readonly firstOfEachReason = new Map<string, RecordsInFileOrder<SkippedRecord>>();
  skippedCount = 0;
  /** Adjustments that kept a row but changed it, with their counts. */
  readonly notes = new Map<string, number>();
  /** Warnings about rows of the whole import (`warnOnce`), the latest first: listed before the others. */
  private readonly wholeWarnings: WarnedRecord[] = [];
  /** Rows mapped, but whose export contradicts itself: the first in file order. */
  private readonly firstWarnings = new RecordsInFileOrder<SkippedRecord>(LISTED_SKIPS, (file) => this.placeOf(file));
  warningCount = 0;
  /** The record `skip` took last, for `skippedTicket`. */
  private lastSkip: SkippedRecord | undefined;
  /** The ticket `slac explain` asks for (`watch`), and where and why the import skipped it, or the first record of it skipped. */
  private watched: string | undefined;
  private watchedSkip: { record: SkippedRecord; itself: boolean } | undefined;

  /**
   * The skipped records listed (LISTED_SKIPS at most), in file order: the
   * first of each file and reason, then the first of all. The first 20
   * alone hid the cause behind its consequences: a ticket table cut short
   * by an unclosed quote, listed after 20 comments "not in the ticket
   * table" (their file sorts first), left 0 tickets and no word of why.
   */
  get skipped(): SkippedRecord[] {
    const listed = new RecordsInFileOrder<SkippedRecord>(LISTED_SKIPS, (file) => this.placeOf(file));
    const firsts = new RecordsInFileOrder<SkippedRecord>(LISTED_SKIPS, (file) => this.placeOf(file));
    for (const reason of this.firstOfEachReason.values()) firsts.add(reason.records[0]!);
    const chosen = new Set(firsts.records);
    for (const record of this.firstSkipped.records) if (chosen.size < LISTED_SKIPS) chosen.add(record);
    for (const record of chosen) listed.add(record);
    return listed.records;
  }

  /** Whether `listed` (from `skipped`) is the first LISTED_SKIPS records in file order, and nothing else. */
  private areTheFirstSkipped(listed: readonly SkippedRecord[]): boolean {
    const first = this.firstSkipped.records;
    return listed.every((record, index) => record === first[index]);
  }

  /** The first warnings (LISTED_SKIPS at most): those about the whole import, then those about a row, in file order. */
  get warnings(): WarnedRecord[] {
    return [...this.wholeWarnings, ...this.firstWarnings.records].slice(0, LISTED_SKIPS);
  }

  private file(name: string): FileCounts {
    let counts = this.files.get(name);
    if (!counts) {
      counts = { rows: 0, outcomes: new Map() };
      this.files.set(name, counts);
      this.firstCounted.set(name, this.firstCounted.size);
    }
    return counts;
  }

  /** A file's place in the summary's list: its place among the inputs given, else after them, in the order first counted. */
  private placeOf(name: string): number {
    const given = this.rank.get(name);
    if (given !== undefined) return given;
    this.file(name);
    return this.rank.size + this.firstCounted.get(name)!;
  }

  /** A row that went in (or was read for what it tells), as `outcome`; `count` such rows at once (adapters that tally in integers). */
  took(file: string, outcome: string, count = 1): void {
    const counts = this.file(file);
    counts.rows += count;
    counts.outcomes.set(outcome, (counts.outcomes.get(outcome) ?? 0) + count);
  }

  /**
   * Takes back a row `took` counted as `outcome`: a record replaced by a
   * later copy of it, which is then counted again as skipped.
   */
  untake(file: string, outcome: string): void {
    const counts = this.files.get(file);
    const count = counts?.outcomes.get(outcome);
    if (counts === undefined || count === undefined) return;
    counts.rows--;
    if (count > 1) counts.outcomes.set(outcome, count - 1);
    else counts.outcomes.delete(outcome);
  }

  /** A row that cannot be mapped; `group` is the reason without the row's own values. */
  skip(file: string, line: number | string, group: string, reason: string = group): void {
    this.took(file, `skipped, ${group}`);
    this.skippedCount++;
    this.lastSkip = { file, line, reason };
    this.firstSkipped.add(this.lastSkip);
    const kind = `${file}\u0000${group}`;
    let first = this.firstOfEachReason.get(kind);
    if (!first) this.firstOfEachReason.set(kind, (first = new RecordsInFileOrder<SkippedRecord>(1, (name) => this.placeOf(name))));
    first.add(this.lastSkip);
  }

  /**
   * Remembers where and why the import skipped the ticket `slac explain`
   * asks for, so that it can say so rather than only that the ticket is
   * unknown: `watch` names it; an adapter calls `skippedTicket` with the
   * names of a ticket whose own record it has just skipped (`itself`), or
   * of a ticket one of whose records it has just skipped for the ticket's
   * sake (not in the ticket table, say). The ticket's own record wins.
   */
  watch(ticket: string): void {
    this.watched = ticket;
  }

  /** See `watch`: the record `skip` took last is of the ticket named `ids`. */
  skippedTicket(ids: readonly (string | undefined)[], itself = true): void {
    if (this.watched === undefined || this.lastSkip === undefined || !ids.includes(this.watched)) return;
    if (this.watchedSkip === undefined || (itself && !this.watchedSkip.itself)) this.watchedSkip = { record: this.lastSkip, itself };
  }

  /** Where and why the ticket `watch` named was skipped (`itself`), or the first of its records skipped; undefined when neither. */
  skipOfWatched(): { record: SkippedRecord; itself: boolean } | undefined {
    return this.watchedSkip;
  }

  /** A file read whole for another purpose, or not read by this import. */
  fileNote(file: string, rows: RowCount, note: string): void {
    const counts = this.file(file);
    if (typeof rows === 'number') counts.rows = rows;
    else counts.notCounted = rows.notCounted;
    counts.note = note;
  }

  note(text: string, count = 1): void {
    this.notes.set(text, (this.notes.get(text) ?? 0) + count);
  }

  /**
   * Runs `read` and returns what it gave with the notes it made, counted:
   * those of a ticket record that a later copy may replace, to be taken
   * back then (`unnote`), so that the notes count the records written.
   */
  notesDuring<T>(read: () => T): { value: T; notes: Map<string, number> } {
    const before = new Map(this.notes);
    const value = read();
    const notes = new Map<string, number>();
    for (const [text, count] of this.notes) if (count !== before.get(text)) notes.set(text, count - (before.get(text) ?? 0));
    return { value, notes };
  }

  /** Takes back notes `notesDuring` counted: a note whose count falls to none is gone. */
  unnote(notes: ReadonlyMap<string, number>): void {
    for (const [text, count] of notes) {
      const left = (this.notes.get(text) ?? 0) - count;
      if (left > 0) this.notes.set(text, left);
      else this.notes.delete(text);
    }
  }

  /**
   * A row that went in, but that another row of the export contradicts, or
   * one of whose values cannot be read (a time that is not a time) and what
   * it dates is left out: counted in the notes under `group`, and listed
   * (the first LISTED_SKIPS) with its file, line and `reason`.
   */
  warn(file: string, line: number | string, group: string, reason: string): void {
    this.note(group);
    this.warningCount++;
    this.firstWarnings.add({ file, line, reason });
  }

  /**
   * A warning about rows of the whole import, which counts them itself
   * (`reason`): listed first, whatever the number of other warnings, with
   * the file and line of the record it names when the adapter gave them.
   */
  warnOnce(file: string | undefined, line: number | undefined, reason: string): void {
    this.warningCount++;
    this.wholeWarnings.unshift(file === undefined ? { reason } : { file, line: line ?? 0, reason });
    if (this.wholeWarnings.length > LISTED_SKIPS) this.wholeWarnings.pop();
  }

  /**
   * Takes the import's inputs before it runs: the files are listed in the
   * order given (a folder's in name order) rather than as the import first
   * counts a row of each (the companies before the tickets, say); the
   * files given more than once are noted (read once), and the entries of
   * its folders that are not files are named (not opened).
   */
  noteInputs(inputs: ImportInputs): void {
    this.rank = new Map(inputs.order.map((shown, index) => [shown, index]));
    for (const file of inputs.files) {
      for (const again of file.alsoGivenAs ?? []) this.note(`${file.shown} was given again as ${again}: read once`);
    }
    for (const { shown, what } of inputs.passedOver) this.fileNote(shown, 0, `${what}: not read`);
  }

  /** The files counted, the inputs in the order given first, then any other in the order counted. */
  private filesInOrder(): [string, FileCounts][] {
    return [...this.files].sort(([a], [b]) => this.placeOf(a) - this.placeOf(b));
  }

  /** Rows of a file that went in under `outcome` (for tests and the summary). */
  count(file: string, outcome: string): number {
    return this.files.get(file)?.outcomes.get(outcome) ?? 0;
  }

  /** The summary printed on stderr. */
  render(source: string, events: ReadonlyMap<TicketEventKind, number>, tickets: number): string {
    const lines: string[] = [];
    const written = [...events.values()].reduce((sum, count) => sum + count, 0);
    lines.push(`slac import ${source}: ${tickets} ticket${tickets === 1 ? '' : 's'}, ${written} event${written === 1 ? '' : 's'} written; ${this.skippedCount} record${this.skippedCount === 1 ? '' : 's'} skipped`);
    if (written > 0) lines.push(`  events: ${[...events].map(([event, count]) => `${event} ${count}`).join(', ')}`);
    return `${lines.join('\n')}\n${this.renderAccount()}`;
  }

  /** Per file, what became of its rows; then the notes and the skipped records. */
  renderAccount(): string {
    const lines: string[] = [];
    for (const [name, counts] of this.filesInOrder()) {
      const rows = counts.notCounted !== undefined ? `rows not counted (${counts.notCounted})` : `${counts.rows} row${counts.rows === 1 ? '' : 's'}`;
      lines.push(`${name}: ${rows}${counts.note ? `, ${counts.note}` : ''}`);
      for (const [outcome, count] of counts.outcomes) lines.push(`  ${outcome}: ${count}`);
    }
    for (const [text, count] of this.notes) lines.push(`note (${count}): ${text}`);
    listRecords(lines, 'warnings', this.warnings, this.warningCount);
    const skipped = this.skipped;
    listRecords(lines, 'skipped records', skipped, this.skippedCount, this.areTheFirstSkipped(skipped) ? undefined : 'the first of each file and reason, then the first by file and line');
    // Ids, names and values quoted from an export may hold control characters: escaped, one line each.
    return `${lines.map(printableText).join('\n')}\n`;
  }
}

/** Adds the records listed under `title` (the first of `count`, unless `which` says which), if any, with file, line and reason. */
function listRecords(lines: string[], title: string, records: readonly WarnedRecord[], count: number, which?: string): void {
  if (records.length === 0) return;
  const more = count <= records.length ? '' : which === undefined ? ` (the first ${records.length} of ${count})` : ` (${records.length} of ${count}: ${which})`;
  lines.push(`${title}${more}:`);
  for (const record of records) {
    if (!('file' in record)) lines.push(`  ${record.reason}`);
    else lines.push(`  ${record.file}${typeof record.line === 'number' ? `:${record.line}` : ` at ${record.line}`}: ${record.reason}`);
  }
}
