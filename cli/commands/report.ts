import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { plural } from '../../compiler/english.js';
import { printablePath, printableText } from '../../language/diagnostics/diagnostic.js';
import { PORTFOLIO_FORMAT } from '../../language/model/model.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { agreementFigures, portfolioFigures, type FiguresOutcome } from '../../review/data/run-check.js';
import { BeforeFirstYearError, PastLastYearError, reportSpan, TooManyMonthsError } from '../../review/data/window.js';
import { readManifest, removeStaleFiles, type StaleRemoval } from '../../review/site/site-manifest.js';
import { writeAgreementSite, writePortfolioSite, type SiteSummary } from '../../review/site/write-site.js';
import { importSourceNames } from '../../import/sources.js';
import type { LogInput } from '../../review/data/log-feed.js';
import type { SiteData } from '../../review/data/site-data.js';
import { spanBeginsAfterAsOf, spanBeginsAfterLog } from '../../review/data/figure-text.js';
import { readableLogInput, logFileOptions, type CheckCommandOptions, type CheckLogInput } from '../check-inputs.js';
import { CommandInputs, describeWriteError, makeOutputFolder, refuseEmptyOutput, refuseStandardOutput, type CommandInput } from '../files.js';
import { ImportedCheck } from '../imported-check.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { printErrors, printSkippedRows, printWarnings } from '../print-log-errors.js';
import { ProgressBar } from '../progress-bar.js';
import { CliSources } from '../source-files.js';
import { PartlyMovedError, StagedConflictError, writeStaged } from '../staged-folder.js';
import { UserError } from '../user-error.js';
import { loadModel, refuseTooManyChannels } from './check.js';
import { startReviewPack } from './report-pack.js';

interface ReportOptions {
  outages?: string;
  period?: string;
  from?: string;
  to?: string;
  output: string;
  format: 'site' | 'pdf';
  notes?: string;
  asOf?: string;
  skipInvalid?: boolean;
  assumeTimezone?: string;
  /** `csv`, `ndjson`, or the name of a helpdesk export (import/sources.ts). */
  logFormat?: string;
  clientField?: string;
  allowImportOutside?: boolean;
}

/**
 * `slac report AGREEMENT LOG`: the service review report, as a static site
 * or a PDF pack (docs/report.md); `slac report AGREEMENT FILE... --log-format
 * zendesk|...` reads a helpdesk's export as `slac check` does.
 */
export function registerReport(program: Command, context: CommandContext): void {
  program
    .command('report')
    .description('Build the service level report of a ticket log (and an outage log): a static website, one page per period (a portal for a portfolio).')
    .argument('<agreement>', 'the agreement: a .sla file, a compiled model .sla.json, or a portfolio .sla (one set of pages per client)')
    .argument('<log...>', 'the ticket log: .csv, .ndjson or .jsonl; with --log-format NAME of a helpdesk, its exported files or folders')
    .option('--outages <file>', 'the outage log (.csv, .ndjson or .jsonl)')
    .option('--period <period>', 'report one period: a year (2026), quarter (2026-Q1), month (2026-03) or week (2026-W09)')
    .option('--from <date>', 'report from this day (YYYY-MM-DD)')
    .option('--to <date>', 'report up to and including this day (YYYY-MM-DD)')
    .option('-o, --output <dir>', "the folder to write the site into (--format pdf: a folder, or a file ending in .pdf); '-' is refused: a site or a PDF is no text", 'slac-report')
    .addOption(new Option('--format <format>', 'report format: site, or pdf for the service review pack').choices(['site', 'pdf']).default('site'))
    .option('--notes <file>', 'Markdown notes for the review pack (--format pdf), one heading per agenda item')
    .option('--as-of <instant>', 'make the report at this instant (default: the latest event in the log)')
    .option('--skip-invalid', 'leave invalid rows out (counted in the report) instead of failing')
    .option('--assume-timezone <zone>', 'IANA zone for log times written without an offset')
    .addOption(new Option('--log-format <format>', "format of the ticket log instead of its extension (the outage log's, only when its extension does not say), or a helpdesk's export read as `slac import` reads it").choices(['csv', 'ndjson', ...importSourceNames()]))
    .option('--client-field <column>', 'with a helpdesk --log-format: the ticket field that names the client (default: the organisation)')
    .option('--allow-import-outside', "let imports and holiday files reach outside the agreement's folder")
    .action(async (agreement: string, logs: string[], options: ReportOptions) => {
      context.exitCode = await runReport(agreement, logs, options, context.io);
    });
}

async function runReport(agreement: string, typed: string[], options: ReportOptions, io: CliIo): Promise<number> {
  refuseEmptyOutput(options.output);
  if (options.format === 'pdf') refuseStandardOutput(options.output, 'the review pack is a PDF, which', 'give a folder, or a file name ending in .pdf');
  else refuseStandardOutput(options.output, 'the site is a folder of pages, which', 'give a folder name');
  const span = reportSpan(options);
  if ('error' in span) throw new UserError(span.error);
  const checkOptions: CheckCommandOptions = { ...options, format: 'json' };
  const input = readableLogInput(agreement, typed, checkOptions, io);
  const dir = absoluteFile(options.output, io.cwd);
  if (options.notes !== undefined && options.format !== 'pdf') throw new UserError('--notes goes into the review pack; add --format pdf.');
  if (options.format === 'site' && existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError(`cannot write the site into ${printablePath(options.output)}: it is a file, not a folder.`);
  const sources = new CliSources(absoluteFile(agreement, io.cwd), options.allowImportOutside === true, io.cwd);
  const model = loadModel(agreement, io, sources);
  if (!model) return 2;
  refuseTooManyChannels(model, agreement);
  const progress = new ProgressBar(io, input.shown);
  const imported = input.kind === 'import' ? new ImportedCheck(input.source, input, typed, model, options, io, progress) : undefined;
  const logInput: LogInput = imported ? imported.logInput() : logFileOptions(input.shown, checkOptions, io, progress);
  const fileOptions = { ...logInput, span: span.span, ...(span.label === undefined ? {} : { spanLabel: span.label }) };
  // The footer's "made from": the export is named with its format, as no log file was written.
  const ticketSource = input.kind === 'import' ? `${input.shown} (a ${input.source.name} export)` : input.shown;
  const source = [ticketSource, ...(options.outages === undefined ? [] : [options.outages])].join(' and ');
  let summary: SiteSummary & { stale: StaleRemoval };
  const inputs = [...reportInputs(agreement, input, options, io), ...sources.inputs()];
  const pack = options.format === 'pdf' ? startReviewPack(agreement, model, options, io, inputs) : undefined;
  try {
    if (model.format === PORTFOLIO_FORMAT) {
      const outcome = await portfolioFigures(model, fileOptions);
      if (!hasFigures(outcome, io, progress, imported)) return 2;
      warnOfSpan(outcome.figures.clients.map((client) => client.data), span.label, io);
      if (pack) return await pack.write(outcome.figures, source);
      makeOutputFolder(dir, options.output);
      summary = await writingSite(dir, options.output, inputs, (root) => writePortfolioSite(root, outcome.figures, source));
    } else {
      const outcome = await agreementFigures(model, fileOptions);
      if (!hasFigures(outcome, io, progress, imported)) return 2;
      warnOfSpan([outcome.figures.data], span.label, io);
      if (pack) return await pack.write(outcome.figures, source);
      makeOutputFolder(dir, options.output);
      summary = await writingSite(dir, options.output, inputs, (root) => writeAgreementSite(root, outcome.figures, source));
    }
  } catch (error) {
    if (error instanceof TooManyMonthsError) throw new UserError(`${error.message}: give a shorter span with --period or --from and --to (or an earlier --as-of).`);
    if (error instanceof PastLastYearError) throw new UserError(`${error.message}: give an earlier --as-of.`);
    if (error instanceof BeforeFirstYearError) throw new UserError(`${error.message}: give a later --as-of.`);
    throw error;
  } finally {
    progress.clear();
    await pack?.close();
  }
  const shown = printablePath(options.output);
  printStaleRemoval(summary.stale, io);
  io.stderr(`slac: wrote ${summary.pages} pages (${plural(summary.ticketPages, 'ticket timeline')}) to ${shown}; open ${shown}/index.html.\n`);
  return 0;
}

/**
 * Writes the site beside its folder's files and moves it in once whole
 * (see writeStaged), saying why a page could not be written (a full disk,
 * a file size limit) instead of failing as a bug would. A page that would
 * replace one of the command's inputs (a log named `DIR/index.html`) or a
 * folder in the way is refused before anything is moved.
 */
async function writingSite(dir: string, shown: string, inputs: readonly CommandInput[], write: (root: string) => Promise<SiteSummary>): Promise<SiteSummary & { stale: StaleRemoval }> {
  let known: CommandInputs | undefined;
  const refuse = (target: string): string | undefined => {
    // Known once the pages are staged, and asked for each of them.
    known ??= new CommandInputs(inputs);
    const input = known.overwritten(target);
    return input && `is ${input.what}, which the site would overwrite; give -o another folder`;
  };
  const earlier = readManifest(dir);
  try {
    const summary = await writeStaged(dir, write, refuse);
    return { ...summary, stale: removeStaleFiles(dir, earlier, summary.files) };
  } catch (error) {
    if (error instanceof StagedConflictError) throw new UserError(`cannot write the site into ${shown}: ${join(shown, error.entry)} ${error.problem}; ${shown} is left as it was.`);
    if (error instanceof PartlyMovedError) {
      throw new UserError(`cannot write the site into ${shown}: ${describeWriteError(error.reason)} after ${error.moved} files were moved in; ${shown} holds pages of both runs: build it again.`);
    }
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (typeof code !== 'string' || syscall === undefined) throw error;
    throw new UserError(`cannot write the site into ${shown}: ${describeWriteError(error)}; ${shown} is left as it was.`);
  }
}

/**
 * One warning for a span that counts nothing: that it begins after the
 * as-of instant, when the log has rows in or after it (the empty-span
 * warning beside it said the log's tickets were all outside the span, which
 * its own rows belied), else that it holds none of the log's tickets.
 */
function warnOfSpan(data: readonly SiteData[], label: string | undefined, io: CliIo): void {
  // A span after the whole log (`--period 2062`) is empty whatever the as-of instant: that is what to say of it.
  if (data.every(spanBeginsAfterLog) || !warnOfSpanAfterAsOf(data, label, io)) warnOfEmptySpan(data, label, io);
}

/**
 * A span that holds none of the log's tickets (`--period 2062` for 2026, a
 * slip of the keys) still gives its report, which may rightly be empty, but
 * not without a word: every ticket was left out.
 */
function warnOfEmptySpan(data: readonly SiteData[], label: string | undefined, io: CliIo): void {
  const outside = data.reduce((sum, one) => sum + one.ticketsOutsideSpan, 0);
  if (label === undefined || outside === 0 || data.some((one) => one.totals.tickets > 0)) return;
  // Tickets created after an --as-of before the log's end are in no count: the ones counted are those created by it.
  const cut = data.some((one) => one.latestEvent !== undefined && Date.parse(one.latestEvent) > Date.parse(one.asOf)) ? ' created by the as-of instant' : '';
  io.stderr(`slac: warning: no ticket of the log was created in the span reported (${label}); its ${outside} ${outside === 1 ? `ticket${cut} is` : `tickets${cut} are all`} outside it.\n`);
}

/**
 * A span that begins after the as-of instant (`--period 2026-03 --as-of
 * 2026-02-15T00:00:00Z`) counts nothing: the log's rows in it are after the
 * instant and left out. The empty-span warning alone said no ticket was
 * created in the span, which the log's own rows belied. A portfolio's
 * clients each have the instant in their own zone; the first's is named.
 * True when it warned.
 */
function warnOfSpanAfterAsOf(data: readonly SiteData[], label: string | undefined, io: CliIo): boolean {
  const first = data[0];
  if (label === undefined || first === undefined) return false;
  if (!data.every(spanBeginsAfterAsOf)) return false;
  io.stderr(`slac: warning: the span reported (${label}) begins after the as-of instant ${first.asOf}: nothing in it is counted. Give an --as-of in or after the span, or none (the log's latest event).\n`);
  return true;
}

/** The pages of an earlier build into the folder that were removed, and those left and why (site-manifest.ts): never silently. */
function printStaleRemoval({ removed, left }: StaleRemoval, io: CliIo): void {
  if (removed === 0 && left.length === 0) return;
  const shownLeft = left.slice(0, MAX_LEFT_SHOWN).map(({ file, why }) => `${printableText(file)}, ${why}`);
  if (left.length > MAX_LEFT_SHOWN) shownLeft.push(`and ${left.length - MAX_LEFT_SHOWN} more`);
  const leftText = left.length === 0 ? '' : `; left ${shownLeft.join('; ')}`;
  io.stderr(`slac: removed ${removed} ${removed === 1 ? 'file' : 'files'} of the earlier build that this one does not write${leftText}.\n`);
}

/** The files of an earlier build left in place that the message names; the count says the rest. */
const MAX_LEFT_SHOWN = 5;

/** The files the report reads, which no page or pack may replace: the agreement, the logs, the notes. */
function reportInputs(agreement: string, input: CheckLogInput, options: ReportOptions, io: CliIo): CommandInput[] {
  const logs = input.kind === 'file' ? [{ path: absoluteFile(input.shown, io.cwd), what: 'the ticket log' }] : input.files.map((file) => ({ path: file.path, what: 'one of the exported files' }));
  return [
    { path: absoluteFile(agreement, io.cwd), what: 'the agreement' },
    ...logs,
    ...(options.outages === undefined ? [] : [{ path: absoluteFile(options.outages, io.cwd), what: 'the outage log' }]),
    ...(options.notes === undefined ? [] : [{ path: absoluteFile(options.notes, io.cwd), what: 'the notes file' }]),
  ];
}

/**
 * On stderr, as `slac check` prints them: the import summary (a helpdesk's
 * export), the warnings, the rows --skip-invalid left out, and the errors
 * that stop the report; whether it gave figures.
 */
function hasFigures(outcome: FiguresOutcome<unknown>, io: CliIo, progress: ProgressBar, imported: ImportedCheck | undefined): outcome is Extract<FiguresOutcome<unknown>, { ok: true }> {
  progress.clear();
  imported?.printImport();
  printWarnings(outcome.warnings, io, imported ? (warning) => imported.log.relocate(warning) : undefined);
  if (outcome.ok) {
    // As `slac check` lists them: the site counts the rows left out, but only stderr names them.
    const note = 'counted in the report';
    if (imported) {
      imported.log.relocateAll(outcome.skipped);
      imported.printSkipped(outcome.invalidRows, outcome.skipped, note);
    } else printSkippedRows(outcome.invalidRows, outcome.skipped, io, note);
    return true;
  }
  if (imported) imported.printErrors(outcome);
  else printErrors(outcome, io);
  return false;
}

