import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { targetFor, type AgreementModel } from '../../../language/model/model.js';
import { formatInstant } from '../../clock/index.js';
import { ReportBuilder, type TicketVerdict } from '../../evaluate/index.js';
import { LogErrorList } from '../../log/error-list.js';
import { logError, type LogError } from '../../log/log-error.js';
import { ignoredEventsWarning, NeverDueTargets } from '../evaluation-warnings.js';
import type { ReportHead } from '../json-stream.js';
import { CheckSession, emitTicket, PRINTED_ERRORS, toListedRow, type CheckOutcome, type CheckSummary, type ReportOutput } from '../session.js';
import type { BlockExchangeSetup, ExchangeStop } from './block-exchange.js';
import { PartitionCheck } from './partition-check.js';
import { decodeVerdicts } from './verdict-batch.js';
import type { EvaluatedTicket, MainToWorker, PartitionFindings, RenderedTickets, WorkerSetup, WorkerToMain } from './protocol.js';

/** A worker thread failed: the check stops with this message instead of hanging. */
export class ParallelCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParallelCheckError';
  }
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
  jobs: number;
  workerScript: URL;
  output: ReportOutput & { renderedTickets?: RenderedTickets };
  fault?: WorkerSetup['fault'];
}

type Outcome = CheckOutcome | undefined;

/** Batches of its own partition this thread evaluates ahead of the merge (as many as a worker sends ahead). */
const LOCAL_AHEAD = 4;

/**
 * Runs one check on this thread (partition 0) and `jobs - 1` worker
 * threads, and makes the report on this thread, exactly as
 * `CheckSession.conclude` would: the partitions' errors and warnings are
 * merged by line, the as-of instant is the latest event of
 * every partition, and the tickets are added to one report builder in the
 * one-thread order (created, then first appearance). Resolves `undefined`
 * when the log cannot be read at all, for the one-thread check to say why.
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
    const failed = (what: string): ParallelCheckError => new ParallelCheckError(`a worker thread of slac check --jobs ${run.jobs} ${what}; run again with --jobs 1`);
    // Partition 0 is checked on this thread: N partitions take N - 1 workers, and no thread idles while the others read.
    const local = new PartitionCheck(model, optionsOf(run.session), run.display);
    const sendTo = (index: number, message: MainToWorker): void => workers[index - 1]!.postMessage(message);
    const coordinator = new Coordinator(model, run, local, sendTo, finish);
    const setupOf = (index: number): BlockExchangeSetup => {
      const { inboxes, outboxes } = ports[index]!;
      return { index, count: run.jobs, path: run.path, size: run.size, blockBytes: run.blockBytes, progress: progress!, inboxes, outboxes };
    };
    try {
      ports = workerPorts(run.jobs);
      progress = new SharedArrayBuffer(4 * run.jobs);
      for (let index = 1; index < run.jobs; index++) {
        const exchange = setupOf(index);
        const setup: WorkerSetup = {
          exchange,
          display: run.display,
          model,
          options: optionsOf(run.session),
          ...(run.output.renderedTickets && (run.output.ticket || run.output.verdict) ? { ticketText: run.output.renderedTickets.format } : {}),
          ...(run.fault && index === run.jobs - 1 ? { fault: run.fault } : {}),
        };
        const transferList = [...exchange.inboxes, ...exchange.outboxes].filter((port): port is MessagePort => port !== null);
        const worker = new Worker(run.workerScript, { workerData: setup, transferList });
        workers.push(worker);
        worker.on('message', (message: WorkerToMain) => {
          try {
            coordinator.receive(index, message);
          } catch (error) {
            finish(error as Error);
          }
        });
        worker.on('error', (error) => finish(failed(`failed: ${error.message}`)));
        worker.on('exit', (code) => finish(failed(`stopped (exit code ${code}) before the check was done`)));
      }
    } catch (error) {
      finish(new ParallelCheckError(`slac check --jobs ${run.jobs} could not start its worker threads: ${(error as Error).message}; run again with --jobs 1`));
      return;
    }
    local
      .read(setupOf(0), stop)
      .then((readable) => {
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
function workerPorts(count: number): { inboxes: (MessagePort | null)[]; outboxes: (MessagePort | null)[] }[] {
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
  private readonly queues: EvaluatedTicket[][][] = [];
  private readonly positions: number[] = [];
  private readonly evaluated: boolean[] = [];
  private ignored = 0;
  private asOf = 0;
  private evaluation: Evaluation | undefined;

  constructor(
    private readonly model: AgreementModel,
    private readonly run: ParallelRun,
    /** Partition 0, checked on this thread: its tickets are evaluated when the merge needs them. */
    private readonly local: PartitionCheck,
    private readonly sendTo: (index: number, message: MainToWorker) => void,
    private readonly finish: (outcome: Outcome | Error) => void,
  ) {
    this.count = run.jobs;
    for (let index = 0; index < this.count; index++) {
      this.queues.push([]);
      this.positions.push(0);
      this.evaluated.push(false);
    }
  }

  receive(index: number, message: WorkerToMain): void {
    switch (message.type) {
      case 'checked':
        this.findings[index] = message;
        return this.afterChecks();
      case 'verdicts':
        this.queues[index]!.push(decodeVerdicts(message.batch));
        return this.pump();
      case 'evaluated':
        this.ignored += message.ignored;
        this.evaluated[index] = true;
        return this.pump();
    }
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
    if (asOf === undefined) return this.finish({ ok: false, errors: [logError('SLA4019', this.run.display, 0, undefined)], errorCount: 1, warnings });
    const tickets = findings.reduce((sum, found) => sum + found.tickets, 0);
    this.evaluation = new Evaluation(this.model, session, this.run, asOf, tickets, { invalidRows, warnings, errors });
    for (let index = 1; index < this.count; index++) this.sendTo(index, { type: 'evaluate', asOf });
    this.asOf = asOf;
    this.pump();
  }

  /**
   * Evaluates the next batch of this thread's partition, unless as many
   * batches wait already as a worker may send ahead; false when none was added.
   */
  private evaluateLocal(): boolean {
    const queue = this.queues[0]!;
    if (this.evaluated[0] || queue.length >= LOCAL_AHEAD) return false;
    const render = this.run.output.renderedTickets && (this.run.output.ticket || this.run.output.verdict) ? this.run.output.renderedTickets.format : undefined;
    while (!this.local.done) {
      const batch = this.local.evaluateOnThisThread(this.asOf, render);
      if (batch.length > 0) {
        queue.push(batch);
        return true;
      }
    }
    this.evaluated[0] = true;
    this.ignored += this.local.ignoredAfterAsOf;
    return true;
  }

  /**
   * Adds tickets in the one-thread order for as long as every partition has
   * one ready (or is done); while a worker's next batch is awaited, this
   * thread evaluates its own partition ahead.
   */
  private pump(): void {
    const evaluation = this.evaluation!;
    for (;;) {
      let best = -1;
      let bestTicket: EvaluatedTicket | undefined;
      let waiting = false;
      for (let index = 0; index < this.count; index++) {
        const queue = this.queues[index]!;
        if (queue.length === 0 && index === 0) this.evaluateLocal();
        if (queue.length === 0) {
          if (!this.evaluated[index]) waiting = true;
          continue;
        }
        const ticket = queue[0]![this.positions[index]!]!;
        if (!bestTicket || ticket.created < bestTicket.created || (ticket.created === bestTicket.created && ticket.firstLine < bestTicket.firstLine)) {
          best = index;
          bestTicket = ticket;
        }
      }
      if (waiting) {
        if (this.evaluateLocal()) continue;
        return;
      }
      if (!bestTicket) return this.finish(evaluation.finish(this.ignored));
      if (++this.positions[best]! === this.queues[best]![0]!.length) {
        this.queues[best]!.shift();
        this.positions[best] = 0;
        if (best > 0) this.sendTo(best, { type: 'more' });
      }
      evaluation.add(bestTicket);
    }
  }
}

/**
 * Warnings in the order one reader finds them: by line; an unknown key is
 * warned about once, at its first line.
 */
function mergeWarnings(findings: readonly PartitionFindings[]): LogError[] {
  // A line is read by one worker only, in file order: sorting by line (stable) interleaves them as one reader would.
  const byLine = findings.flatMap((found) => found.warnings).sort((a, b) => a.line - b.line);
  // Each worker warns about an unknown key at the first of its rows with it: the first of those is the log's first.
  const seenKeys = new Set<string>();
  return byLine.filter((warning) => {
    if (warning.code !== 'SLA4011') return true;
    const key = warning.key ?? '';
    if (seenKeys.has(key)) return false;
    seenKeys.add(key);
    return true;
  });
}

/** The evaluation part of `CheckSession.evaluate`, fed with tickets evaluated elsewhere. */
class Evaluation {
  private readonly builder: ReportBuilder;
  private readonly neverDue: NeverDueTargets;
  private readonly head: ReportHead;
  private done = 0;

  constructor(
    private readonly model: AgreementModel,
    private readonly session: CheckSession,
    private readonly run: ParallelRun,
    asOf: number,
    private readonly total: number,
    private readonly read: { invalidRows: number; warnings: LogError[]; errors: LogErrorList },
  ) {
    const context = session.context;
    this.head = { agreement: context.model.agreement?.name ?? '', asOf: formatInstant(asOf, context.reportZone) };
    const title = context.model.agreement?.title;
    if (title !== undefined) this.head.title = title;
    run.output.begin?.(this.head);
    this.builder = new ReportBuilder(context, asOf);
    const outageRows = session.outages?.rows;
    if (outageRows) this.builder.setOutages(outageRows);
    this.neverDue = new NeverDueTargets(run.display);
  }

  add(ticket: EvaluatedTicket): void {
    if (++this.done % 4096 === 0) this.run.output.progress?.(this.done, this.total);
    const verdict = ticket.verdict;
    this.neverDue.add(verdict, ticket.createdLine, (metric) => this.targetText(metric, verdict));
    this.builder.addTicket(verdict);
    if (ticket.text !== undefined) this.run.output.renderedTickets!.write(ticket.text);
    else emitTicket(this.run.output, verdict, this.session.context);
  }

  finish(ignoredAfterAsOf: number): Extract<CheckOutcome, { ok: true }> {
    const ignoredWarning = ignoredEventsWarning(this.run.display, ignoredAfterAsOf, this.head.asOf);
    const allWarnings = [...this.read.warnings, ...(ignoredWarning ? [ignoredWarning] : []), ...this.neverDue.warnings];
    const summary: CheckSummary = {
      ...this.builder.finish({ invalidRows: this.read.invalidRows, skipped: this.read.errors.sorted().map(toListedRow), listEscalations: this.run.output.streamsEscalations !== true }),
      ignoredAfterAsOf,
      warnings: allWarnings.map(toListedRow),
    };
    return { ok: true, summary, breaches: this.builder.breaches(), escalations: this.builder.escalations, warnings: allWarnings };
  }

  private targetText(metricName: string, verdict: TicketVerdict): string {
    const metric = this.model.metrics.find((candidate) => candidate.name === metricName);
    return (metric && targetFor(metric, verdict.severity, verdict.channel)?.text) ?? '?';
  }
}
