import { Worker } from 'node:worker_threads';
import { targetFor, type AgreementModel } from '../../../language/model/model.js';
import { formatInstant } from '../../clock/index.js';
import { ReportBuilder, type TicketVerdict } from '../../evaluate/index.js';
import { LogErrorList } from '../../log/error-list.js';
import { logError, type LogError } from '../../log/log-error.js';
import type { LogFormat } from '../../log/log-rows.js';
import { ignoredEventsWarning, NeverDueTargets } from '../evaluation-warnings.js';
import type { ReportHead } from '../json-stream.js';
import { CheckSession, emitTicket, PRINTED_ERRORS, toListedRow, type CheckOutcome, type CheckSummary, type ReportOutput } from '../session.js';
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
  format: LogFormat;
  display: string;
  jobs: number;
  workerScript: URL;
  output: ReportOutput & { renderedTickets?: RenderedTickets };
  fault?: WorkerSetup['fault'];
}

type Outcome = CheckOutcome | undefined;

/**
 * Runs one check on `jobs` worker threads and makes the report on this
 * thread, exactly as `CheckSession.conclude` would: the workers' errors
 * and warnings are merged by line, the as-of instant is the latest event of
 * every partition, and the tickets are added to one report builder in the
 * one-thread order (created, then first appearance). Resolves `undefined`
 * when the log cannot be read at all, for the one-thread check to say why.
 */
export function runParallelCheck(model: AgreementModel, run: ParallelRun): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (outcome: Outcome | Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const failed = (what: string): ParallelCheckError => new ParallelCheckError(`a worker thread of slac check --jobs ${run.jobs} ${what}; run again with --jobs 1`);
    const coordinator = new Coordinator(model, run, (index, message) => workers[index]!.postMessage(message), finish);
    try {
      for (let index = 0; index < run.jobs; index++) {
        const setup: WorkerSetup = {
          index,
          count: run.jobs,
          path: run.path,
          format: run.format,
          display: run.display,
          model,
          options: optionsOf(run.session),
          ...(run.output.renderedTickets && (run.output.ticket || run.output.verdict) ? { ticketText: run.output.renderedTickets.format } : {}),
          ...(run.fault && index === run.jobs - 1 ? { fault: run.fault } : {}),
        };
        const worker = new Worker(run.workerScript, { workerData: setup });
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
    }
  });
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
  private evaluation: Evaluation | undefined;

  constructor(
    private readonly model: AgreementModel,
    private readonly run: ParallelRun,
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
        this.queues[index]!.push(message.tickets);
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
    for (let index = 0; index < this.count; index++) this.sendTo(index, { type: 'evaluate', asOf });
  }

  /** Adds tickets in the one-thread order for as long as every partition has one ready (or is done). */
  private pump(): void {
    const evaluation = this.evaluation!;
    for (;;) {
      let best = -1;
      let bestTicket: EvaluatedTicket | undefined;
      for (let index = 0; index < this.count; index++) {
        const queue = this.queues[index]!;
        if (queue.length === 0) {
          if (!this.evaluated[index]) return;
          continue;
        }
        const ticket = queue[0]![this.positions[index]!]!;
        if (!bestTicket || ticket.created < bestTicket.created || (ticket.created === bestTicket.created && ticket.firstLine < bestTicket.firstLine)) {
          best = index;
          bestTicket = ticket;
        }
      }
      if (!bestTicket) return this.finish(evaluation.finish(this.ignored));
      if (++this.positions[best]! === this.queues[best]![0]!.length) {
        this.queues[best]!.shift();
        this.positions[best] = 0;
        this.sendTo(best, { type: 'more' });
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
