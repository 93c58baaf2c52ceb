import type { AgreementModel } from '../../../language/model/model.js';
import type { PublicHolidaysSeed } from '../../clock/holidays/index.js';
import type { ReportPart } from '../../evaluate/index.js';
import type { LogError } from '../../log/log-error.js';
import type { CheckOptions } from '../options.js';
import type { BlockExchangeSetup } from './block-exchange.js';
import type { PlacedNeverDue } from './never-due-parts.js';
import type { OutsideClockYears } from '../evaluation-warnings.js';

/**
 * The messages of a parallel check. Thread i (the main thread is
 * partition 0, workers 1 to N - 1) scans a share of the log's blocks, sends
 * each line to the thread of its ticket's partition (see partition.ts and
 * block-exchange.ts, thread to thread), and checks and evaluates the
 * tickets of partition i into a report of its own; the coordinator, on the
 * main thread, merges what every partition found, picks the as-of instant,
 * and merges the partitions' reports (and, for a report that lists every
 * ticket, their texts in one-thread order).
 */

/** What each worker is given to do, in its first message. */
export interface WorkerSetup {
  /** The log, this worker's partition and its ports to the other workers. */
  exchange: BlockExchangeSetup;
  /** The log as messages name it. */
  display: string;
  model: AgreementModel;
  options: CheckOptions;
  /** Render each ticket's part of the report here, in this format (see `RenderedTickets`). */
  ticketText?: RenderedTickets['format'];
  /** The report lists only the first this many owed escalations (see `ReportOutput.listedEscalations`). */
  listedEscalations?: number;
  /** The agreement's holiday codes, known: the worker need not load the data set to know them. */
  holidayCodes: PublicHolidaysSeed;
  /** Internal test switch (SLAC_CHECK_WORKER_FAULT): make this worker fail. */
  fault?: 'throw' | 'exit';
}

/**
 * Where a report writer takes tickets already written out as text: the
 * workers then render them (the JSON report's item, the CSV report's rows
 * without the header), which spares the main thread most of the work of a
 * large report. The text is what the writer's `ticket` would have written.
 */
export interface RenderedTickets {
  format: 'json' | 'csv';
  /** The text as UTF-8 (a view valid during the call). */
  write(text: Uint8Array): void;
  /**
   * Told once, before the first ticket, that the tickets are rendered on
   * threads, every core busy (the report's writer then keeps to this
   * thread: see `ReportFile.writeOnCallingThread`).
   */
  onThreads?(): void;
}

/** What one worker found in the log about its partition's rows. */
export interface PartitionFindings {
  /** The first errors by line (all with --skip-invalid). */
  errors: LogError[];
  errorTotal: number;
  invalidRows: number;
  warnings: LogError[];
  /** The log cannot be read at all: the check is redone on one thread, which says why. */
  fatal: boolean;
  /** The latest valid event time; -Infinity when none. */
  latest: number;
  /**
   * The line of the first valid event at `latest`, found only when a check
   * without --as-of cannot be made at `latest` (SLA4053, outside the years
   * 0000 to 9999 in the report zone): the error names it.
   */
  latestLine?: number;
  /** The earliest `created`; Infinity when none. */
  earliest: number;
  /** Valid events dated where the clock counts no open time (SLA4061), when there are some. */
  outsideClock?: OutsideClockYears;
  /** Tickets with a `created`. */
  tickets: number;
}

/**
 * A batch of tickets rendered by one partition, in its evaluation order:
 * each one's place in the one-thread order (its `created`, then the line
 * of its first valid row: two numbers a ticket in `places`), and its text
 * (the bytes up to `ends[i]`).
 */
export interface RenderedBatch {
  count: number;
  places: Float64Array;
  text: Uint8Array;
  ends: Uint32Array;
}

/** What one partition's tickets came to (partition-check.ts). */
export interface PartitionReport {
  report: ReportPart;
  neverDue: PlacedNeverDue[];
  /** Events after the as-of instant it left out. */
  ignored: number;
}

/**
 * `setup`: the worker's first message, its work (a worker is started before
 * its work is known: worker-start.ts). `holidays` (to worker 1 only): every
 * partition is read; compute these holidays for every thread
 * (holiday-seed.ts). `evaluate`: every partition is read; with the holidays
 * of the agreement's codes over the log's years.
 * `more`: the coordinator has taken one batch of rendered tickets; the
 * worker may send another.
 */
export type MainToWorker =
  | { type: 'setup'; setup: WorkerSetup }
  | ({ type: 'holidays' } & HolidayYears)
  | { type: 'evaluate'; asOf: number; holidays: PublicHolidaysSeed }
  | { type: 'more' };

/** Codes of the agreement's `holidays` lines, and the years whose holidays the check needs (holiday-seed.ts). */
export interface HolidayYears {
  codes: string[];
  years: number[];
}

export type WorkerToMain =
  | ({ type: 'checked' } & PartitionFindings)
  | { type: 'holidays'; seed: PublicHolidaysSeed }
  | { type: 'rendered'; batch: RenderedBatch }
  | { type: 'progress'; evaluated: number }
  | ({ type: 'evaluated'; loadedHolidayData: boolean } & PartitionReport);

/**
 * The memory a partition's report can hand over rather than copy: its
 * escalation rows and ticket ids, the chunks its own columns keep (about
 * 11 MB of a 1,000,000-ticket check's worker). Copied, they would be held
 * twice more, once serialized and once read back, at the check's peak.
 * Handed over, they leave the worker's report and ticket ids unusable: the
 * report is the last thing a worker sends.
 */
export function transferablesOf(report: PartitionReport): ArrayBuffer[] {
  const { escalations } = report.report;
  const { ids, escalatedAt, lateMinutes } = escalations;
  const arrays = [...escalations.tickets, ...escalations.codes, ...escalations.due, ...escalatedAt.rows, ...escalatedAt.values, ...lateMinutes.rows, ...lateMinutes.values, ids.arena, ...ids.starts];
  return [...new Set(arrays.map((array) => array.buffer))].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}
