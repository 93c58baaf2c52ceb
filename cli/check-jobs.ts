import { printableText } from '../language/diagnostics/diagnostic.js';
import type { AgreementModel } from '../language/model/model.js';
import type { CheckFileOptions } from '../runtime/check.js';
import type { CheckOutcome } from '../runtime/check/session.js';
import { formatFromExtension } from '../runtime/log/log-format.js';
import { checkLogFilesInParallel, coresAvailable, oneThreadReason, ParallelCheckError, startCheckWorkers, type CheckWorkers, type RenderedTickets } from '../runtime/check/parallel/index.js';
import type { CliIo } from './io.js';
import type { ProgressBar } from './progress-bar.js';
import { plainLogFormat, type CheckCommandOptions } from './check-inputs.js';
import type { ReportFile } from './report-file.js';
import { UserError } from './user-error.js';

/** The threads a check may take, and whether `--jobs` was given (a default says nothing of its own choices). */
export interface Jobs {
  threads: number;
  given: boolean;
}

/**
 * `--jobs N` as typed: a whole number from 1, or `auto`; by default, as
 * with `auto`, one thread a core Node may use here (at most the process's
 * CPU quota), so that one command line serves every machine, a CI runner
 * and a laptop alike. A log under 128 MB is read on one thread whatever
 * is asked. Two threads give about 1.5 times the speed of one on two cores
 * (text report; 1.2-1.3 times for a JSON report), for about 1.15-1.3 times
 * the CPU, and each thread past the first adds about 26-30 MiB at the peak
 * (docs/check.md, "`--jobs N`").
 */
export function parseJobs(value: string | undefined): Jobs {
  if (value === undefined) return { threads: coresAvailable(), given: false };
  const text = value.trim();
  if (text.toLowerCase() === 'auto') return { threads: coresAvailable(), given: true };
  const jobs = /^\d{1,4}$/.test(text) ? Number(text) : 0;
  if (jobs < 1) throw new UserError(`--jobs ${value}: the number of threads is a whole number from 1 (1 checks on one thread), or auto (one a core: ${coresAvailable()} here).`);
  return { threads: jobs, given: true };
}

/** What a check on threads is given besides its options: how workers' tickets reach the report, the threads started ahead, the progress bar. */
export interface CheckWithJobs {
  rendered?: RenderedTickets | undefined;
  started?: CheckWorkers | undefined;
  /** Erased before a notice said while the log is read, which would otherwise run on from the bar's line. */
  progress?: ProgressBar;
}

/**
 * Checks a log file on `jobs` threads, at most one a core; a failed worker
 * thread becomes a user error, not a crash or a hang. A CSV log whose
 * record runs over several lines is checked on one thread, and when
 * `--jobs` was given that is said: the threads asked for did not run.
 */
export async function checkLogFileWithJobs(model: AgreementModel, options: CheckFileOptions, jobs: Jobs, io: CliIo, { rendered, started, progress }: CheckWithJobs = {}): Promise<CheckOutcome> {
  const threads = threadsFor(jobs.threads, options, io);
  // The log as typed, which may hold control characters.
  const display = printableText((options.displayName ?? ((path: string) => path))(options.log));
  const onRecordOverLines = (line: number): void => {
    if (!jobs.given) return;
    progress?.clear();
    io.stderr(`slac: --jobs ${jobs.threads}: ${display}:${line}: a quoted field runs on past this line, so the log is checked on one thread (where its records start is known only by reading it from the top).\n`);
  };
  return asUserError(() => {
    const output = options.output && rendered ? { ...options.output, renderedTickets: rendered } : options.output;
    return checkLogFilesInParallel(model, { ...options, ...(output ? { output } : {}), onRecordOverLines }, threads, started);
  });
}

/**
 * The worker threads `checkLogFileWithJobs` will take, started now, while
 * the agreement is read (runtime/check/parallel/worker-start.ts): none
 * when the log would be checked on one thread. The caller releases them
 * if the check never comes.
 */
export function startWorkersFor(log: string, options: CheckCommandOptions, jobs: Jobs): Promise<CheckWorkers | undefined> {
  // The format as logFileOptions passes it on: --log-format csv or ndjson, else the file's extension.
  const format = plainLogFormat(options) ?? formatFromExtension(log);
  return asUserError(async () => startCheckWorkers(log, format, Math.min(jobs.threads, coresAvailable())));
}

/** A worker thread that failed, or could not start, is a user error with exit status 70, not a crash. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ParallelCheckError) throw new UserError(error.message, 70);
    throw error;
  }
}

/**
 * `--jobs N` capped at the cores: the check never waits on the disk, so a
 * thread beyond them only adds its start-up, memory (about 50 MB each) and
 * contention (`--jobs 16` on two cores took 8 times as long as `--jobs 1`,
 * and 940 MB). Said once, when the log would be checked on threads at all.
 */
function threadsFor(jobs: number, options: CheckFileOptions, io: CliIo): number {
  const cores = coresAvailable();
  if (jobs <= cores) return jobs;
  const format = options.logFormat ?? formatFromExtension(options.log);
  if (oneThreadReason(options.log, format, jobs) === undefined) {
    const runs = cores === 1 ? 'on one thread' : `on ${cores} threads`;
    io.stderr(`slac: --jobs ${jobs}: Node may use ${cores === 1 ? '1 core' : `${cores} cores`} here, so the check runs ${runs} (more threads than cores only add work).\n`);
  }
  return cores;
}

/**
 * How the report file takes tickets that worker threads wrote out as text
 * (JSON items, CSV rows): the same bytes its `ticket` writer would make.
 */
export function renderedTicketsFor(format: CheckCommandOptions['format'], file: ReportFile): RenderedTickets | undefined {
  const onThreads = (): void => file.writeOnCallingThread();
  if (format === 'json') return { format: 'json', write: (text) => file.jsonStream!.ticketBytes(text), onThreads };
  if (format === 'csv') return { format: 'csv', write: (text) => file.bytes.copy(text), onThreads };
  return undefined;
}
