import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { AgreementModel } from '../../../language/model/model.js';
import { holidayDataSetUsed, seedPublicHolidays, type PublicHolidaysSeed } from '../../clock/holidays/index.js';
import { LogErrorList } from '../../log/error-list.js';
import { logError } from '../../log/log-error.js';
import { latestEventOutsideYears } from '../latest-as-of.js';
import { mergeOutsideClockYears } from '../evaluation-warnings.js';
import { CheckSession, PRINTED_ERRORS, skippedOf, type CheckOutcome, type ReportOutput } from '../session.js';
import type { BlockExchangeSetup, ExchangeStop } from './block-exchange.js';
import type { CsvSplit } from './csv-split.js';
import { holidayCodesSeed, holidayYearsWanted } from './holiday-seed.js';
import { firstLatestLine, mergeWarnings, MergedEvaluation } from './merged-evaluation.js';
import { PartitionCheck } from './partition-check.js';
import type { PhaseTrace } from './phase-trace.js';
import type { MainToWorker, PartitionFindings, PartitionReport, RenderedBatch, RenderedTickets, WorkerSetup, WorkerToMain } from './protocol.js';
import type { CheckWorkers } from './worker-start.js';

/** A worker thread failed: the check stops with this message instead of hanging. */
export class ParallelCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParallelCheckError';
  }
}

/** The worker threads (or what they share) could not be made. */
export function cannotStart(jobs: number, error: unknown): ParallelCheckError {
  return new ParallelCheckError(`slac check on ${jobs} threads could not start its worker threads: ${(error as Error).message}; run again with --jobs 1`);
}

/** What a parallel run needs besides the agreement. */
export interface ParallelRun {
  /** The coordinator's session: the options, the evaluation context and the outage log. */
  session: CheckSession;
  path: string;
  /** The log's size in bytes, and the blocks it is scanned in (block-scan.ts). */
  size: number;
  blockBytes: number;
  display: string;
  /** A CSV log's header and ticket column (csv-split.ts); none for NDJSON. */
  csv?: CsvSplit;
  jobs: number;
  /** The `jobs - 1` worker threads, started and waiting for their setup. */
  workers: CheckWorkers;
  output: ReportOutput & { renderedTickets?: RenderedTickets };
  /** Bytes of the log this thread has read so far, and the log's size (for a progress bar). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** (CSV) Told when the log is to be checked on one thread after all: the first line whose quoted field runs on to the next. */
  onRecordOverLines?: (line: number) => void;
  fault?: WorkerSetup['fault'];
  /** Told as each phase ends (SLAC_CHECK_TRACE). */
  trace?: PhaseTrace;
}

type Outcome = CheckOutcome | undefined;

/** Batches of rendered tickets of its own partition this thread makes ahead of the merge (as many as a worker sends ahead). */
const LOCAL_AHEAD = 4;
/** Tickets of its own partition this thread renders a batch at a time (as a worker does). */
const LOCAL_RENDERED_BATCH = 256;
/** Tickets of its own partition this thread evaluates between two looks at the workers' messages. */
const LOCAL_STEP = 4096;

/**
 * Runs one check on this thread (partition 0) and `jobs - 1` worker
 * threads, and makes the report on this thread, exactly as
 * `CheckSession.conclude` would: the partitions' errors and warnings are
 * merged by line, the as-of instant is the latest event of every
 * partition, each partition evaluates its tickets into a report of its own
 * and the reports are merged (`ReportBuilder.merge`), and a report that
 * lists every ticket gets their texts in the one-thread order (created,
 * then first appearance). Resolves `undefined` when the log cannot be read
 * at all, for the one-thread check to say why.
 */
export function runParallelCheck(model: AgreementModel, run: ParallelRun): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const workers: Worker[] = [];
    const stop: ExchangeStop = { stopped: false };
    let ports: ReturnType<typeof workerPorts> = [];
    let progress: SharedArrayBuffer | undefined;
    let settled = false;
    const finish = (outcome: Outcome | Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      stopThisThread(stop, progress, ports[0]);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const failed = (what: string): ParallelCheckError => new ParallelCheckError(`a worker thread of slac check on ${run.jobs} threads ${what}; run again with --jobs 1`);
    // Partition 0 is checked on this thread: N partitions take N - 1 workers, and no thread idles while the others read.
    const local = new PartitionCheck(model, optionsOf(run.session), run.display);
    const sendTo = (index: number, message: MainToWorker): void => workers[index - 1]!.postMessage(message);
    const coordinator = new Coordinator(run, local, sendTo, finish, stop);
    const setupOf = (index: number): BlockExchangeSetup => {
      const { inboxes, outboxes } = ports[index]!;
      return { index, count: run.jobs, path: run.path, size: run.size, blockBytes: run.blockBytes, progress: progress!, inboxes, outboxes, ...(run.csv ? { csv: run.csv } : {}) };
    };
    try {
      ports = workerPorts(run.jobs);
      progress = new SharedArrayBuffer(4 * run.jobs);
    } catch (error) {
      run.workers.release();
      finish(cannotStart(run.jobs, error));
      return;
    }
    const started = run.workers.take();
    workers.push(...started.workers);
    if (started.failure !== undefined) return finish(failed(started.failure));
    const holidayCodes = holidayCodesSeed(model);
    workers.forEach((worker, offset) => {
      const index = offset + 1;
      const exchange = setupOf(index);
      const setup: WorkerSetup = {
        exchange,
        display: run.display,
        model,
        options: optionsOf(run.session),
        holidayCodes,
        ...(coordinator.render ? { ticketText: coordinator.render } : {}),
        listedEscalations: run.output.listedEscalations,
        ...(run.fault && index === run.jobs - 1 ? { fault: run.fault } : {}),
      };
      const transferList = [...exchange.inboxes, ...exchange.outboxes].filter((port): port is MessagePort => port !== null);
      worker.on('message', (message: WorkerToMain) => {
        try {
          coordinator.receive(index, message);
          // Its report (and, before it, every text it rendered) is in: its heap and its tickets' store are let go
          // before the reports are merged, so that the merge's peak does not come on top of them.
          if (message.type === 'evaluated') {
            run.trace?.(`worker ${index} reported${message.loadedHolidayData ? ' (it loaded the holiday data set)' : ''}`);
            void worker.terminate();
          }
        } catch (error) {
          finish(error as Error);
        }
      });
      worker.on('error', (error) => finish(failed(`failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!coordinator.hasReported(index)) return finish(failed(`stopped (exit code ${code}) before the check was done`));
        run.trace?.(`worker ${index} exited`);
        try {
          coordinator.workerExited(index);
        } catch (error) {
          finish(error as Error);
        }
      });
      worker.postMessage({ type: 'setup', setup } satisfies MainToWorker, transferList);
    });
    // A CSV record over several lines: the log's lines are not its records, and whatever any thread reads
    // from here on would be thrown away. Every thread stops now, and the log is checked on one thread.
    const onRecordOverLines = (line: number): void => {
      run.onRecordOverLines?.(line);
      setImmediate(() => finish(undefined));
    };
    // Bytes that are not UTF-8: the check cannot succeed, and the one-thread reader says where, at once.
    // Reading on would only delay that (19 s for a 2.2 GB log whose fourth line is not UTF-8).
    const onNotUtf8 = (): void => void setImmediate(() => finish(undefined));
    local
      .read(setupOf(0), stop, run.onProgress && ((read) => run.onProgress!(read, run.size)), onRecordOverLines, onNotUtf8)
      .then((readable) => {
        run.trace?.('partition 0 read');
        if (!stop.stopped) coordinator.receive(0, { type: 'checked', ...local.prepare(readable) });
      })
      .catch((error: Error) => finish(error));
  });
}

/**
 * Ends this thread's part of a check, done or stopped early (a worker
 * failed): its scan stops, its waits for slower readers end, and its ports
 * close (open ports would keep the process alive).
 */
function stopThisThread(stop: ExchangeStop, progress: SharedArrayBuffer | undefined, ports: { inboxes: (MessagePort | null)[]; outboxes: (MessagePort | null)[] } | undefined): void {
  stop.stopped = true;
  if (progress) {
    const read = new Int32Array(progress);
    for (let partition = 0; partition < read.length; partition++) {
      Atomics.store(read, partition, 0x7fffffff);
      Atomics.notify(read, partition);
    }
  }
  for (const port of [...(ports?.inboxes ?? []), ...(ports?.outboxes ?? [])]) port?.close();
}

/**
 * A channel from every worker to every other: `[i].outboxes[k]` sends
 * worker i's batches of lines to worker k, whose `[k].inboxes[i]` receives
 * them; none from a worker to itself.
 */
export function workerPorts(count: number): { inboxes: (MessagePort | null)[]; outboxes: (MessagePort | null)[] }[] {
  const ports = Array.from({ length: count }, () => ({ inboxes: new Array<MessagePort | null>(count).fill(null), outboxes: new Array<MessagePort | null>(count).fill(null) }));
  for (let scanner = 0; scanner < count; scanner++) {
    for (let owner = 0; owner < count; owner++) {
      if (scanner === owner) continue;
      const channel = new MessageChannel();
      ports[scanner]!.outboxes[owner] = channel.port1;
      ports[owner]!.inboxes[scanner] = channel.port2;
    }
  }
  return ports;
}

/** The options as the coordinator's session read them, for the workers' sessions. */
function optionsOf(session: CheckSession): WorkerSetup['options'] {
  const { asOf, assumeZone, skipInvalid } = session.options;
  return { ...(asOf === undefined ? {} : { asOf }), ...(assumeZone === undefined ? {} : { assumeTimezone: assumeZone }), skipInvalid };
}

/** The coordinator's side of the protocol, one message at a time. */
class Coordinator {
  private readonly count: number;
  private readonly findings: PartitionFindings[] = [];
  /** Per partition, its batches of rendered tickets not yet written, and the next ticket's index in the first. */
  private readonly queues: RenderedBatch[][] = [];
  private readonly positions: number[] = [];
  /** Per partition, its report once all its tickets are evaluated. */
  private readonly reports: (PartitionReport | undefined)[] = [];
  /** Per partition, whether its worker has exited (after its report); partition 0, this thread's, has none. */
  private readonly exited: boolean[] = [];
  /** Per worker, the tickets it has evaluated so far (for the progress bar). */
  private readonly workerProgress: number[] = [];
  /** The format every partition renders its tickets' text in, when the report lists every ticket. */
  readonly render: RenderedTickets['format'] | undefined;
  private evaluation: MergedEvaluation | undefined;
  /** The as-of instant, once every partition is read. */
  private asOf: number | undefined;
  private merged = false;

  constructor(
    private readonly run: ParallelRun,
    /** Partition 0, checked on this thread. */
    private readonly local: PartitionCheck,
    private readonly sendTo: (index: number, message: MainToWorker) => void,
    private readonly finish: (outcome: Outcome | Error) => void,
    private readonly stop: ExchangeStop,
  ) {
    this.count = run.jobs;
    const output = run.output;
    this.render = output.renderedTickets && (output.ticket || output.verdict) ? output.renderedTickets.format : undefined;
    for (let index = 0; index < this.count; index++) {
      this.queues.push([]);
      this.positions.push(0);
      this.reports.push(undefined);
      this.exited.push(index === 0);
      this.workerProgress.push(0);
    }
  }

  receive(index: number, message: WorkerToMain): void {
    switch (message.type) {
      case 'checked':
        this.findings[index] = message;
        return this.afterChecks();
      case 'holidays':
        this.run.trace?.(`public holidays computed on worker ${index}`);
        return this.startEvaluation(message.seed);
      case 'rendered':
        this.queues[index]!.push(message.batch);
        return this.pump();
      case 'progress':
        this.workerProgress[index] = message.evaluated;
        return this.showProgress();
      case 'evaluated':
        this.reports[index] = message;
        return this.render ? this.pump() : this.finishWhenReported();
    }
  }

  /** Whether a partition's report is in: its worker may then exit. */
  hasReported(index: number): boolean {
    return this.merged || this.reports[index] !== undefined;
  }

  /** A worker whose report is in has exited. */
  workerExited(index: number): void {
    this.exited[index] = true;
    this.finishWhenReported();
  }

  /** Once every partition is checked: the errors, or the evaluation at the as-of instant. */
  private afterChecks(): void {
    const findings = this.findings.filter(Boolean);
    if (findings.length < this.count) return;
    if (findings.some((found) => found.fatal)) return this.finish(undefined);
    const session = this.run.session;
    const outages = session.outages;
    const warnings = [...mergeWarnings(findings), ...(outages?.warnings ?? [])];
    if (outages && outages.fatal.length > 0) return this.finish({ ok: false, errors: [...outages.fatal], errorCount: outages.fatal.length, warnings });
    const errors = new LogErrorList(session.options.skipInvalid ? Infinity : PRINTED_ERRORS);
    let total = 0;
    for (const found of findings) {
      for (const error of found.errors) errors.add(error);
      total += found.errorTotal;
    }
    for (const error of outages?.errors ?? []) {
      errors.add(error);
      total++;
    }
    errors.total = total;
    if (total > 0 && !session.options.skipInvalid) return this.finish({ ok: false, errors: errors.sorted(), errorCount: total, warnings });
    const invalidRows = findings.reduce((sum, found) => sum + found.invalidRows, 0) + (outages?.invalidRows ?? 0);
    const latest = Math.max(-Infinity, ...findings.map((found) => found.latest));
    const asOf = session.options.asOf ?? (latest > -Infinity ? latest : undefined);
    if (asOf === undefined) return this.finish({ ok: false, errors: [logError('SLA4019', this.run.display, 0, undefined)], errorCount: 1, warnings, ...skippedOf(invalidRows, errors) });
    const outside = session.options.asOf === undefined ? latestEventOutsideYears(this.run.display, asOf, [session.context.reportZone], () => firstLatestLine(findings, asOf)) : undefined;
    if (outside) return this.finish({ ok: false, errors: [outside], errorCount: 1, warnings, ...skippedOf(invalidRows, errors) });
    const tickets = findings.reduce((sum, found) => sum + found.tickets, 0);
    this.run.trace?.('every partition read');
    const outsideClock = mergeOutsideClockYears(findings.map((found) => found.outsideClock));
    this.evaluation = new MergedEvaluation(session, this.run, asOf, tickets, { invalidRows, warnings, errors, outsideClock });
    this.asOf = asOf;
    const earliest = Math.min(Infinity, ...findings.map((found) => found.earliest));
    const wanted = holidayYearsWanted(session.context.model, earliest, Math.max(asOf, latest));
    // The holidays come from worker 1 (holiday-seed.ts); the evaluation starts when they do.
    if (wanted) this.sendTo(1, { type: 'holidays', ...wanted });
    else this.startEvaluation({ codes: [], years: [] });
  }

  /** Every thread evaluates its partition at the as-of instant, given the public holidays the check needs. */
  private startEvaluation(holidays: PublicHolidaysSeed): void {
    const asOf = this.asOf!;
    seedPublicHolidays(holidays);
    for (let index = 1; index < this.count; index++) this.sendTo(index, { type: 'evaluate', asOf, holidays });
    this.local.startEvaluation(asOf, this.render, this.run.output.listedEscalations);
    if (this.render) {
      this.run.output.renderedTickets!.onThreads?.();
      this.run.trace?.('tickets rendered on threads');
      this.pump();
    } else this.evaluateLocalInSteps();
  }

  /**
   * Evaluates this thread's partition a step at a time, letting the
   * workers' messages (progress, reports) in between.
   */
  private evaluateLocalInSteps(): void {
    if (this.stop.stopped) return;
    this.local.evaluateSome(LOCAL_STEP);
    this.showProgress();
    if (!this.local.done) {
      setImmediate(() => this.evaluateLocalInSteps());
      return;
    }
    this.reports[0] = this.local.report();
    this.finishWhenReported();
  }

  private showProgress(): void {
    const evaluated = this.workerProgress.reduce((sum, count) => sum + count, this.local.evaluatedCount);
    this.evaluation?.progress(evaluated);
  }

  /**
   * Makes the report once every partition's is in, its rendered tickets
   * written, and every worker has exited: the merge then has the memory the
   * workers held.
   */
  private finishWhenReported(): void {
    if (this.exited.includes(false) || this.queues.some((queue) => queue.length > 0)) return;
    const reports = this.reports.filter((report): report is PartitionReport => report !== undefined);
    if (reports.length < this.count || this.merged) return;
    this.merged = true;
    this.run.trace?.('merging');
    const outcome = this.evaluation!.finish(reports);
    // The partitions' escalation rows are in the merged list now: let their columns go before the report is written.
    this.reports.fill(undefined);
    this.run.trace?.(`merged${holidayDataSetUsed() ? ' (this thread loaded the holiday data set)' : ''}`);
    this.finish(outcome);
  }

  /**
   * Renders the next batch of this thread's partition, unless as many
   * batches wait already as a worker may send ahead; false when none was added.
   */
  private renderLocal(): boolean {
    const queue = this.queues[0]!;
    if (this.reports[0] || queue.length >= LOCAL_AHEAD) return false;
    while (!this.local.done) {
      this.local.evaluateSome(LOCAL_RENDERED_BATCH);
      const batch = this.local.takeRendered();
      if (batch.count > 0) {
        queue.push(batch);
        return true;
      }
    }
    this.reports[0] = this.local.report();
    return true;
  }

  /**
   * Writes rendered tickets in the one-thread order for as long as every
   * partition has one ready (or is done); while a worker's next batch is
   * awaited, this thread renders its own partition ahead.
   */
  private pump(): void {
    const evaluation = this.evaluation!;
    for (;;) {
      let best = -1;
      let bestCreated = Infinity;
      let bestLine = Infinity;
      let waiting = false;
      for (let index = 0; index < this.count; index++) {
        const queue = this.queues[index]!;
        if (queue.length === 0 && index === 0) this.renderLocal();
        if (queue.length === 0) {
          if (!this.reports[index]) waiting = true;
          continue;
        }
        const places = queue[0]!.places;
        const at = 2 * this.positions[index]!;
        const created = places[at]!;
        const line = places[at + 1]!;
        if (created < bestCreated || (created === bestCreated && line < bestLine)) {
          best = index;
          bestCreated = created;
          bestLine = line;
        }
      }
      if (waiting) {
        if (this.renderLocal()) continue;
        return;
      }
      if (best === -1) return this.finishWhenReported();
      const batch = this.queues[best]![0]!;
      const position = this.positions[best]!;
      evaluation.write(batch.text.subarray(position === 0 ? 0 : batch.ends[position - 1], batch.ends[position]));
      if (++this.positions[best]! === batch.count) {
        this.queues[best]!.shift();
        this.positions[best] = 0;
        if (best > 0) this.sendTo(best, { type: 'more' });
      }
    }
  }
}
