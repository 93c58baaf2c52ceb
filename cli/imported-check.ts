import { ImportSummary } from '../import/import-summary.js';
import { placeText } from '../import/skipped-tickets.js';
import { ImportFileError, type ImportInputs, type ImportSource, type InputFile } from '../import/import-source.js';
import type { AgreementModel, PortfolioModel } from '../language/model/model.js';
import { absoluteFile } from '../language/workspace/paths.js';
import type { CheckOutcome, PortfolioOutcome, PortfolioReportOutput, ReportOutput } from '../runtime/check.js';
import type { LogRowSinks } from '../runtime/check/feed-rows.js';
import type { CheckOptions } from '../runtime/check/options.js';
import { checkPortfolioStreamedRows, checkStreamedRows, type StreamedRowsOptions } from '../runtime/check/streamed-rows.js';
import { UnmentionedValues } from '../runtime/check/unmentioned-values.js';
import type { SkippedRows } from '../runtime/check/session.js';
import type { SkippedRow } from '../runtime/evaluate/summary.js';
import { formatLogError, logError, type LogError } from '../runtime/log/log-error.js';
import { formatFromExtension } from '../runtime/log/log-rows.js';
import { OUTAGE_LOG_SHAPE } from '../runtime/log/outage-log.js';
import { readLogFile } from '../runtime/log/read-file.js';
import type { LogFeed } from '../review/data/log-feed.js';
import type { CheckCommandOptions } from './check-inputs.js';
import { ImportedLog } from './imported-log.js';
import type { CliIo } from './io.js';
import { printSkippedRows, skippedBeforeErrors, skipInvalidHint } from './print-log-errors.js';
import type { ProgressBar } from './progress-bar.js';
import { UserError } from './user-error.js';

/** What an imported check reads from the command line (`slac check`, `report` and `explain` alike). */
export type ImportedCheckOptions = Pick<CheckCommandOptions, 'outages' | 'asOf' | 'assumeTimezone' | 'skipInvalid' | 'clientField'>;

/**
 * `slac check|report|explain AGREEMENT FILE... --log-format zendesk|...`: a
 * helpdesk's export run through its adapter straight into the check
 * session, with no log file in between. What went in and what was skipped
 * is printed on stderr as `slac import` prints it; messages about rows name
 * the exported records.
 */
export class ImportedCheck {
  readonly log: ImportedLog;
  private readonly summary = new ImportSummary();
  private readonly values: UnmentionedValues;
  private tickets = 0;
  /** False when the check stopped before reading (a bad option): there is no import to speak of. */
  private fed = false;

  /** The files the typed folders hold. */
  private readonly inputs: readonly InputFile[];
  /** The inputs as given, for the summary: the entries of those folders that are not files, and the order of all. */
  private readonly given: ImportInputs;

  /** `typed` are the files and folders as the user typed them; `inputs` the files they hold. */
  constructor(
    private readonly source: ImportSource,
    inputs: ImportInputs,
    typed: readonly string[],
    model: AgreementModel | PortfolioModel,
    private readonly options: ImportedCheckOptions,
    private readonly io: CliIo,
    private readonly progress: ProgressBar,
  ) {
    this.inputs = inputs.files;
    this.given = inputs;
    const name = `${typed.join(', ')} (${source.name} rows)`;
    this.values = new UnmentionedValues(model, name);
    this.log = new ImportedLog(name, this.values);
  }

  /** Checks the rows against an agreement. */
  run(model: AgreementModel, output: ReportOutput): Promise<CheckOutcome> {
    return this.guard(() => checkStreamedRows(model, { ...this.streamOptions(), output }));
  }

  /** Checks the rows against every agreement of a portfolio. */
  runPortfolio(portfolio: PortfolioModel, output: PortfolioReportOutput): Promise<PortfolioOutcome> {
    return this.guard(() => checkPortfolioStreamedRows(portfolio, { ...this.streamOptions(), output }));
  }

  /**
   * The session's options and its feed (the rows, then the outage log), for
   * a session made elsewhere: `slac report` and `slac explain` build their
   * own from the same check.
   */
  logInput(): CheckOptions & { feed: LogFeed } {
    const { options } = this;
    return {
      feed: { ticketLog: this.log.name, feed: (sinks) => this.guard(() => this.feedAll(sinks)) },
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone }),
      skipInvalid: options.skipInvalid === true,
    };
  }

  /** Asks the import to remember where and why it skips ticket `id` (`slac explain`, before the check runs). */
  watchTicket(id: string): void {
    this.summary.watch(id);
  }

  /**
   * Where and why the import skipped the ticket `watchTicket` named, as the
   * summary lists it: its own record (`itself`), or else the first of its
   * records skipped for its sake (a row of a ticket not in the ticket table).
   */
  skipOfWatchedTicket(): { place: string; reason: string; itself: boolean } | undefined {
    const skip = this.summary.skipOfWatched();
    if (skip === undefined) return undefined;
    return { place: placeText(skip.record.file, skip.record.line), reason: skip.record.reason, itself: skip.itself };
  }

  /**
   * On stderr, before the check's own messages: the import summary, then
   * one line per status or priority the agreement never mentions.
   */
  printImport(): void {
    if (!this.fed) return;
    this.io.stderr(this.summary.render(this.source.name, this.log.eventCounts, this.tickets));
    for (const diagnostic of this.values.diagnostics()) this.io.stderr(`${formatLogError(this.log.relocate(diagnostic))}\n`);
  }

  /**
   * The errors that stopped the check, named by their exported records; the
   * per-row errors of a priority the agreement does not map are left to its
   * one SLA4047 line. `made` is what the errors stop (`report`, `timeline`).
   */
  printErrors(outcome: { errors: LogError[]; errorCount: number; skipped?: SkippedRows }, made = 'report'): void {
    if (outcome.skipped !== undefined) {
      const rows = [...outcome.skipped.rows];
      this.log.relocateAll(rows);
      this.printSkipped(outcome.skipped.invalidRows, rows, skippedBeforeErrors(outcome.errors, made));
    }
    const shown = outcome.errors.filter((error) => !this.values.covers(error)).map((error) => this.log.relocate(error));
    for (const error of shown) this.io.stderr(`${formatLogError(error)}\n`);
    const more = outcome.errorCount - this.values.unmappedSeverityRows - shown.length;
    if (more > 0) this.io.stderr(`... and ${more} more error${more === 1 ? '' : 's'}.\n`);
    const count = outcome.errorCount;
    const rowErrors = this.values.unmappedSeverityRows > 0 || shown.some((error) => error.line > 0);
    this.io.stderr(`slac: no ${made}: the input has ${count} error${count === 1 ? '' : 's'}${skipInvalidHint(shown, rowErrors)}.\n`);
  }

  /** `--skip-invalid`: the rows left out, as `printSkippedRows` prints them, less those an SLA4047 line counts. */
  printSkipped(invalidRows: number, skipped: readonly SkippedRow[], note: string): void {
    printSkippedRows(invalidRows, skipped.filter((row) => !this.values.covers(row)), this.io, note);
  }

  private streamOptions(): StreamedRowsOptions {
    const { options, io } = this;
    const typed = new Map<string, string>();
    if (options.outages !== undefined) typed.set(absoluteFile(options.outages, io.cwd), options.outages);
    return {
      ticketLog: this.log.name,
      feed: (sinks) => this.feed(sinks),
      ...(options.outages === undefined ? {} : { outages: absoluteFile(options.outages, io.cwd) }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone }),
      skipInvalid: options.skipInvalid === true,
      displayName: (path) => typed.get(path) ?? path,
    };
  }

  /**
   * The rows, then the outage log (its format from its extension, as
   * `checkLogInput` demands), named as typed: what `checkStreamedRows` does
   * with `streamOptions`, for a session `slac report` or `explain` holds.
   */
  private async feedAll(sinks: LogRowSinks): Promise<LogError | undefined> {
    await this.feed(sinks);
    const shown = this.options.outages;
    if (shown === undefined) return undefined;
    const path = absoluteFile(shown, this.io.cwd);
    const format = formatFromExtension(path);
    if (!format) return logError('SLA4020', shown, 0, undefined, { file: shown });
    await readLogFile(path, shown, format, OUTAGE_LOG_SHAPE, sinks.useOutageLog(shown));
    return undefined;
  }

  private async feed(sinks: LogRowSinks): Promise<void> {
    this.log.into(sinks.tickets);
    this.summary.noteInputs(this.given);
    this.tickets = await this.source.run({
      files: this.inputs,
      ...(this.options.clientField === undefined ? {} : { clientField: this.options.clientField }),
      // Read as `slac import --assume-timezone` reads them; the check gets the rows' times with their offset.
      ...(this.options.assumeTimezone === undefined ? {} : { assumeTimezone: this.options.assumeTimezone }),
      sink: this.log,
      summary: this.summary,
      onProgress: (read, total) => this.progress.update(read, total),
    });
    this.fed = true;
  }

  /** A whole file the adapter cannot read is a user error, as in `slac import`. */
  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ImportFileError) throw new UserError(`${error.message}.`);
      throw error;
    }
  }
}
