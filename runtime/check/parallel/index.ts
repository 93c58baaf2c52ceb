import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AgreementModel } from '../../../language/model/model.js';
import { formatFromExtension } from '../../log/log-rows.js';
import { outageLogFormat } from '../read-logs.js';
import { logError } from '../../log/log-error.js';
import { OUTAGE_LOG_SHAPE } from '../../log/outage-log.js';
import { readLogFile } from '../../log/read-file.js';
import { TICKET_LOG_SHAPE } from '../../log/ticket-log.js';
import type { CheckFileOptions } from '../../check.js';
import { checkLogFiles } from '../../check.js';
import { CheckSession, type CheckOutcome } from '../session.js';
import { cannotStart, runParallelCheck } from './coordinator.js';
import { firstLineJoinsRows } from './cr-only-head.js';
import { cpuQuotaCores } from './cpu-quota.js';
import { csvSplitOf, type CsvSplit } from './csv-split.js';
import { phaseTraceOf } from './phase-trace.js';
import type { RenderedTickets } from './protocol.js';
import { CheckWorkers } from './worker-start.js';

export { ParallelCheckError } from './coordinator.js';
export { CheckWorkers } from './worker-start.js';
export type { RenderedTickets } from './protocol.js';

/**
 * Below this size a log is checked on one thread: a worker's fixed costs
 * (its start, its own compiling of the hot code) take what it would save.
 * On two cores, two threads took as long as one at 125 MB (the
 * 200,000-ticket log) and saved 6-8% at 192 MB (docs/check.md "--jobs").
 */
export const PARALLEL_MIN_BYTES = 128 * 1024 * 1024;

/** Why a log is checked on one thread, or its size and (CSV) its header as the threads read it. */
export type ParallelPlan = { oneThread: string } | { oneThread?: undefined; size: number; csv?: CsvSplit };

/** Whether a log may be checked on `jobs` threads, with what they need to know of it first. */
export function parallelPlan(path: string, format: string | undefined, jobs: number): ParallelPlan {
  const minBytes = parallelMinBytes();
  if (jobs <= 1) return { oneThread: '--jobs 1' };
  if (format === undefined) return { oneThread: 'not a log format' };
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { oneThread: 'not a regular file' };
    size = stats.size;
  } catch {
    return { oneThread: 'cannot be read' };
  }
  if (size < minBytes) return { oneThread: `smaller than ${minBytes} bytes` };
  // A log whose lines end in a bare CR is one line to the threads: the one-thread check refuses it (SLA4051), or says so of a first line of such rows (SLA4012).
  if (format !== 'csv') return firstLineJoinsRows(path) ? { oneThread: 'rows joined by bare CRs in the first line' } : { size };
  // A CSV log is read on threads when its header can be read first (csv-split.ts); the one-thread check says what is wrong with one that cannot.
  const csv = csvSplitOf(path, path, TICKET_LOG_SHAPE);
  return csv ? { size, csv } : { oneThread: 'a CSV header that cannot be read first' };
}

/** Why a check runs on one thread despite `--jobs N`, or undefined when it may run on N. */
export function oneThreadReason(path: string, format: string | undefined, jobs: number): string | undefined {
  return parallelPlan(path, format, jobs).oneThread;
}

/**
 * The blocks a log is scanned in (block-scan.ts): large enough that a
 * block's batches cost little to send, small enough that every worker gets
 * many and the reading stays even. The blocks in flight are most of what
 * the exchange holds (about 20 of them): at 2 MiB they took about 45 MB
 * of a 1,000,000-ticket `--jobs 2` check; at 256 KiB, 512 KiB and 2 MiB
 * the same check took the same time within the noise (docs/performance.md).
 */
export const BLOCK_BYTES = 512 * 1024;

/**
 * The size threshold; SLAC_CHECK_PARALLEL_MIN_BYTES overrides it, an
 * internal switch for tests that need workers on small logs.
 */
function parallelMinBytes(): number {
  return sizeSwitch('SLAC_CHECK_PARALLEL_MIN_BYTES', 0) ?? PARALLEL_MIN_BYTES;
}

/**
 * The threads a check may use here: one a core Node may run on
 * (`os.availableParallelism()`), at most the CPU quota of the process's
 * control group (a container's `--cpus`; cpu-quota.ts). SLAC_CHECK_CORES
 * overrides it, an internal switch for tests of three or more partitions
 * on a two-core machine.
 */
export function coresAvailable(): number {
  return sizeSwitch('SLAC_CHECK_CORES', 1) ?? Math.min(availableParallelism(), (quotaCores ??= cpuQuotaCores() ?? Infinity));
}

/** The control group's quota in cores, read once (Infinity: none). */
let quotaCores: number | undefined;

/** The block size; SLAC_CHECK_BLOCK_BYTES overrides it, an internal switch for tests of lines cut at block edges. */
function blockBytes(): number {
  return sizeSwitch('SLAC_CHECK_BLOCK_BYTES', 1) ?? BLOCK_BYTES;
}

function sizeSwitch(name: string, least: number): number | undefined {
  const text = process.env[name];
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value >= least ? value : undefined;
}

/** `checkLogFiles`'s options, and what only a check on threads needs. */
export interface ParallelCheckFileOptions extends CheckFileOptions {
  output?: CheckFileOptions['output'] & { renderedTickets?: RenderedTickets };
  /**
   * Told when a CSV log turns out to have a record over several lines (the
   * first line whose quoted field runs on): its lines are not its records,
   * so it is checked again on one thread.
   */
  onRecordOverLines?: (line: number) => void;
}

/**
 * `checkLogFiles` on `jobs` threads (this one and `jobs - 1` workers): the report is the same, byte for
 * byte, as on one thread. Logs that are small or not regular files are
 * checked on this thread (see `parallelPlan`), and so is a log the
 * workers cannot read (not UTF-8), so that its message is the usual one.
 * Throws ParallelCheckError when a worker fails.
 */
export async function checkLogFilesInParallel(model: AgreementModel, options: ParallelCheckFileOptions, jobs: number, started?: CheckWorkers): Promise<CheckOutcome> {
  try {
    return await checkOnThreads(model, options, jobs, started);
  } finally {
    // Threads started ahead and left without work (the log is checked on one thread after all).
    started?.release();
  }
}

/**
 * Starts the worker threads a check of this log on `jobs` threads would
 * take, before the check itself (see CheckWorkers): none when it would run
 * on one thread. Throws ParallelCheckError when a thread cannot be started.
 */
export function startCheckWorkers(path: string, format: string | undefined, jobs: number): CheckWorkers | undefined {
  if (parallelPlan(path, format, jobs).oneThread !== undefined) return undefined;
  const workers = startWorkers(jobs);
  phaseTraceOf()?.('worker threads started');
  return workers;
}

function startWorkers(jobs: number): CheckWorkers {
  try {
    return CheckWorkers.start(jobs - 1);
  } catch (error) {
    throw cannotStart(jobs, error);
  }
}

async function checkOnThreads(model: AgreementModel, options: ParallelCheckFileOptions, jobs: number, started: CheckWorkers | undefined): Promise<CheckOutcome> {
  const plan = parallelPlan(options.log, options.logFormat ?? formatFromExtension(options.log), jobs);
  if (plan.oneThread !== undefined) return checkLogFiles(model, options);
  // Workers hand on each ticket as rendered text only: a caller that takes verdicts or ticket objects gets them from one thread.
  const output = options.output;
  if (output && (output.ticket || output.verdict) && !output.renderedTickets) return checkLogFiles(model, options);
  const display = (options.displayName ?? ((path: string) => path))(options.log);
  const session = new CheckSession(model, options, display);
  if (session.optionProblems.length > 0) return checkLogFiles(model, options);
  if (options.outages !== undefined) {
    const shown = (options.displayName ?? ((path: string) => path))(options.outages);
    const outageFormat = outageLogFormat(options.outages, options.logFormat);
    if (!outageFormat) return { ok: false, errors: [logError('SLA4020', shown, 0, undefined, { file: shown })], errorCount: 1, warnings: [] };
    await readLogFile(options.outages, shown, outageFormat, OUTAGE_LOG_SHAPE, session.useOutageLog(shown));
  }
  const fault = process.env.SLAC_CHECK_WORKER_FAULT;
  const trace = phaseTraceOf();
  const outcome = await runParallelCheck(model, {
    session,
    path: options.log,
    size: plan.size,
    blockBytes: blockBytes(),
    display,
    ...(plan.csv ? { csv: plan.csv } : {}),
    jobs,
    workers: started?.count === jobs - 1 ? started : startWorkers(jobs),
    output: options.output ?? {},
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onRecordOverLines ? { onRecordOverLines: options.onRecordOverLines } : {}),
    ...(fault === 'throw' || fault === 'exit' ? { fault } : {}),
    ...(trace ? { trace } : {}),
  });
  return outcome ?? checkLogFiles(model, options);
}

