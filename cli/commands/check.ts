import { closeSync, openSync, writeSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { hasErrors, sortDiagnostics } from '../../language/diagnostics/diagnostic.js';
import type { AgreementModel } from '../../language/model/model.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { loadAgreementModel, nodeSourceHost } from '../../language/workspace/index.js';
import { readTextFile } from '../../language/workspace/source-host.js';
import { checkLogFiles, JsonReportStream, type CheckOutcome, type ReportOutput } from '../../runtime/check.js';
import { formatLogError } from '../../runtime/log/log-error.js';
import type { LogFormat } from '../../runtime/log/log-rows.js';
import { ModelFileError, parseModelJson } from '../../runtime/model-io.js';
import { exitStatusOf, renderCsv, renderText, CSV_COLUMNS } from '../../runtime/report/index.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { checkOutputPath, describeWriteError, refuseEmptyOutput, refuseFoldersAndBinaries, refuseOverwritingInput, refuseStdin } from '../files.js';
import { UserError } from '../user-error.js';

interface CheckCommandOptions {
  outages?: string;
  asOf?: string;
  format: 'text' | 'json' | 'csv';
  strict?: boolean;
  skipInvalid?: boolean;
  assumeTimezone?: string;
  logFormat?: LogFormat;
  output?: string;
}

/** Logs above this size get a progress bar (when stderr is a terminal). */
const PROGRESS_BYTES = 5 * 1024 * 1024;

/** `slac check AGREEMENT LOG`: replays a ticket log (and outage log) against an agreement. */
export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('Check a ticket log (and an outage log) against an agreement and report breaches, objectives and credits.')
    .argument('<agreement>', 'the agreement: a .sla file, or a compiled model .sla.json')
    .argument('<log>', 'the ticket log: .csv, .ndjson or .jsonl')
    .option('--outages <file>', 'the outage log (.csv, .ndjson or .jsonl)')
    .option('--as-of <instant>', 'make the report at this instant (default: the latest event in the log)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'csv']).default('text'))
    .option('--strict', 'also exit 1 on any breached ticket or missed escalation')
    .option('--skip-invalid', 'leave invalid rows out (counted and listed in the report) instead of failing')
    .option('--assume-timezone <zone>', 'IANA zone for log times written without an offset')
    .addOption(new Option('--log-format <format>', 'format of the logs, instead of the file extension').choices(['csv', 'ndjson']))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .action(async (agreement: string, log: string, options: CheckCommandOptions) => {
      context.exitCode = await runCheck(agreement, log, options, context.io);
    });
}

async function runCheck(agreement: string, log: string, options: CheckCommandOptions, io: CliIo): Promise<number> {
  refuseBadInputs(agreement, log, options, io);
  const model = loadModel(agreement, io);
  if (!model) return 2;
  const output = new ReportFile(options.output, io);
  const progress = new ProgressBar(io, log);
  // Messages name the files as the user typed them.
  const typed = new Map([[absoluteFile(log, io.cwd), log]]);
  if (options.outages !== undefined) typed.set(absoluteFile(options.outages, io.cwd), options.outages);
  try {
    const outcome = await checkLogFiles(model, {
      log: absoluteFile(log, io.cwd),
      ...(options.outages === undefined ? {} : { outages: absoluteFile(options.outages, io.cwd) }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone }),
      ...(options.logFormat === undefined ? {} : { logFormat: options.logFormat }),
      skipInvalid: options.skipInvalid === true,
      displayName: (path) => typed.get(path) ?? path,
      onProgress: (read, total) => progress.update(read, total),
      output: reportOutput(options.format, output, progress),
    });
    progress.clear();
    for (const warning of outcome.warnings) io.stderr(`${formatLogError(warning)}\n`);
    if (!outcome.ok) {
      printErrors(outcome, io);
      return 2;
    }
    // The escalations are listed straight from the compact list (the summary's is left empty).
    if (options.format === 'json') output.jsonStream?.finish(outcome.summary, outcome.escalations.rows());
    if (options.format === 'text') {
      const escalations = outcome.escalations.rows((status) => status === 'missed' || status === 'late');
      output.write(renderText(outcome.summary, outcome.breaches, { escalations }));
    }
    return exitStatusOf(outcome.summary, options.strict === true);
  } finally {
    progress.clear();
    output.close();
  }
}

/** Inputs and -o refused before any work: `-`, folders, binary logs, -o onto a folder or an input. */
function refuseBadInputs(agreement: string, log: string, options: CheckCommandOptions, io: CliIo): void {
  const logs = options.outages === undefined ? [log] : [log, options.outages];
  refuseStdin([agreement, ...logs]);
  refuseEmptyOutput(options.output);
  refuseFoldersAndBinaries(logs.map((shown) => ({ path: absoluteFile(shown, io.cwd), shown })));
  if (options.output === undefined) return;
  const output = absoluteFile(options.output, io.cwd);
  checkOutputPath(output, options.output);
  refuseOverwritingInput(output, options.output, [
    { path: absoluteFile(agreement, io.cwd), what: 'the agreement' },
    { path: absoluteFile(log, io.cwd), what: 'the ticket log' },
    ...(options.outages === undefined ? [] : [{ path: absoluteFile(options.outages, io.cwd), what: 'the outage log' }]),
  ]);
}

/** Reads the agreement: a `.sla` through the workspace, a `.json` as a compiled model. */
function loadModel(agreement: string, io: CliIo): AgreementModel | undefined {
  const file = absoluteFile(agreement, io.cwd);
  if (file.toLowerCase().endsWith('.json')) {
    const read = readTextFile(file);
    if (read.text === undefined) throw new UserError(`cannot read the compiled model ${agreement}: ${read.reason}.`);
    const text = read.text;
    try {
      return parseModelJson(text, agreement);
    } catch (error) {
      if (error instanceof ModelFileError) throw new UserError(error.message);
      throw error;
    }
  }
  const { model, diagnostics } = loadAgreementModel(file);
  if (hasErrors(diagnostics) || !model) {
    printDiagnostics(sortDiagnostics(diagnostics), io, { format: 'text', cwd: io.cwd, readSource: (name) => nodeSourceHost.readFile(name), stream: 'stderr' });
    if (!hasErrors(diagnostics)) throw new UserError(`${agreement} gives no agreement model.`);
    return undefined;
  }
  if (!model.agreement) throw new UserError(`${agreement} declares no agreement; check the file that has the agreement block.`);
  return model;
}

function printErrors(outcome: Extract<CheckOutcome, { ok: false }>, io: CliIo): void {
  for (const error of outcome.errors) io.stderr(`${formatLogError(error)}\n`);
  const more = outcome.errorCount - outcome.errors.length;
  if (more > 0) io.stderr(`... and ${more} more error${more === 1 ? '' : 's'}.\n`);
  const rowErrors = outcome.errors.some((error) => error.line > 0);
  const hint = rowErrors ? ' (pass --skip-invalid to leave invalid rows out)' : '';
  io.stderr(`slac: no report: the input has ${outcome.errorCount} error${outcome.errorCount === 1 ? '' : 's'}${hint}.\n`);
}

/** Tickets are written as they are evaluated; text needs only the summary. */
function reportOutput(format: CheckCommandOptions['format'], file: ReportFile, progress: ProgressBar): ReportOutput {
  if (format === 'json') {
    return {
      begin: (head) => {
        file.jsonStream = new JsonReportStream(head, (chunk) => file.write(chunk));
      },
      ticket: (ticket) => file.jsonStream!.ticket(ticket),
      progress: (done, total) => progress.evaluating(done, total),
      streamsEscalations: true,
    };
  }
  if (format === 'csv') {
    return {
      begin: () => {
        file.write(`${CSV_COLUMNS.join(',')}\n`);
      },
      ticket: (ticket) => {
        const rows = renderCsv([ticket]);
        file.write(rows.slice(rows.indexOf('\n') + 1));
      },
      progress: (done, total) => progress.evaluating(done, total),
      streamsEscalations: true,
    };
  }
  return { progress: (done, total) => progress.evaluating(done, total), streamsEscalations: true };
}

/**
 * Where the report goes: stdout, or a file opened only when the first byte
 * is written (so a failed check leaves no half-written report). Writes are
 * buffered and synchronous, so a million tickets never pile up in memory.
 */
class ReportFile {
  jsonStream: JsonReportStream | undefined;
  private fd: number | undefined;
  private buffer = '';

  private readonly path: string | undefined;

  constructor(
    /** The -o path as the user typed it, for messages. */
    private readonly shown: string | undefined,
    private readonly io: CliIo,
  ) {
    this.path = shown === undefined ? undefined : absoluteFile(shown, io.cwd);
  }

  write(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  close(): void {
    try {
      this.flush();
    } finally {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    if (this.path === undefined) this.io.stdout(this.buffer);
    else {
      if (this.fd === undefined) {
        try {
          this.fd = openSync(this.path, 'w');
        } catch (error) {
          throw new UserError(`cannot write the report to ${this.shown}: ${describeWriteError(error)}.`);
        }
      }
      try {
        writeSync(this.fd, this.buffer);
      } catch (error) {
        throw new UserError(`cannot write the report to ${this.shown}: ${describeWriteError(error)}.`);
      }
    }
    this.buffer = '';
  }
}

/** A one-line bar on stderr, drawn only on a terminal and for large logs. */
class ProgressBar {
  private drawn = false;
  private large = false;
  private lastPercent = -1;

  constructor(
    private readonly io: CliIo,
    private readonly name: string,
  ) {}

  /** Bytes of the log read so far. */
  update(read: number, total: number): void {
    this.large = this.io.stderrIsTTY && total >= PROGRESS_BYTES;
    this.draw(`Reading ${this.name}`, read / total, `of ${(total / 1048576).toFixed(0)} MB`);
  }

  /** Tickets evaluated so far. */
  evaluating(done: number, total: number): void {
    this.draw('Evaluating tickets', done / total, `of ${total.toLocaleString('en')}`);
  }

  private draw(label: string, fraction: number, unit: string): void {
    if (!this.large) return;
    const percent = Math.min(100, Math.floor(fraction * 100));
    const key = label.length * 1000 + percent;
    if (key === this.lastPercent) return;
    this.lastPercent = key;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    this.io.stderr(`\r\u001b[K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${unit}`);
    this.drawn = true;
  }

  clear(): void {
    if (!this.drawn) return;
    this.io.stderr('\r\u001b[K');
    this.drawn = false;
  }
}
