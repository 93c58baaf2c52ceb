import { Option, type Command } from 'commander';
import { hasErrors, printablePath, sortDiagnostics } from '../../language/diagnostics/diagnostic.js';
import { PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { loadAgreementOrPortfolio, nodeSourceHost } from '../../language/workspace/index.js';
import { readTextFile } from '../../language/workspace/source-host.js';
import { JsonReportStream, type ReportOutput } from '../../runtime/check.js';
import { checkLogFileWithJobs, parseJobs, renderedTicketsFor, startWorkersFor, type Jobs } from '../check-jobs.js';
import { MAX_CHANNELS } from '../../runtime/log/event-store.js';
import { ModelFileError, parseModelJson } from '../../runtime/model-io.js';
import { agreementSets, exitStatusOf, renderCsv, renderText, CSV_COLUMNS, TEXT_LISTED } from '../../runtime/report/index.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { checkOutputPath, refuseEmptyOutput, refuseFoldersAndBinaries, refuseOverwritingInput, refuseStdin, standardOutputAsDefault } from '../files.js';
import { checkLogInput, logFileOptions, type CheckCommandOptions, type CheckLogInput } from '../check-inputs.js';
import { refuseAsOfOptionOutsideYears } from '../as-of-years.js';
import { ImportedCheck } from '../imported-check.js';
import { importSourceNames } from '../../import/sources.js';
import { ProgressBar } from '../progress-bar.js';
import { ReportFile } from '../report-file.js';
import type { CheckWorkers } from '../../runtime/check/parallel/index.js';
import { ticketCsvRows } from '../../runtime/report/verdict-text.js';
import { metricTitles } from '../../runtime/report/metric-titles.js';
import { UserError } from '../user-error.js';
import { runPortfolioCheck } from './check-portfolio.js';
import { CliSources } from '../source-files.js';
import { printErrors, printSkippedRows, printWarnings } from '../print-log-errors.js';
import { agreementWarningsLine } from '../agreement-warnings.js';

/**
 * `slac check AGREEMENT LOG`: replays a ticket log (and outage log) against an
 * agreement; `slac check AGREEMENT FILE... --log-format zendesk|...` replays a
 * helpdesk's export, read by its import adapter, without a log file between.
 */
export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('Check a ticket log (and an outage log) against an agreement and report breaches, objectives and credits.')
    .argument('<agreement>', 'the agreement: a .sla file, a compiled model .sla.json, or a portfolio .sla (one report per client)')
    .argument('<log...>', 'the ticket log: .csv, .ndjson or .jsonl; with --log-format NAME of a helpdesk, its exported files or folders')
    .option('--outages <file>', 'the outage log (.csv, .ndjson or .jsonl)')
    .option('--as-of <instant>', 'make the report at this instant (default: the latest event in the log)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'csv']).default('text'))
    .option('--strict', 'also exit 1 on any breached ticket or missed escalation')
    .option('--skip-invalid', 'leave invalid rows out (counted and listed in the report) instead of failing')
    .option('--assume-timezone <zone>', 'IANA zone for log times written without an offset')
    .addOption(new Option('--log-format <format>', "format of the ticket log instead of its extension (the outage log's, only when its extension does not say), or a helpdesk's export read as `slac import` reads it").choices(['csv', 'ndjson', ...importSourceNames()]))
    .option('--client-field <column>', 'with a helpdesk --log-format: the ticket field that names the client (default: the organisation)')
    .option('-o, --output <file>', "write the report to this file instead of stdout ('-' is stdout)")
    .option('--allow-import-outside', "let imports and holiday files reach outside the agreement's folder")
    .option('--jobs <n|auto>', 'threads that read and evaluate a ticket log (NDJSON or CSV) of 128 MB or more, at most one a core (default, and auto: one a core, within a container\'s CPU quota; 1: this thread only; 2 on two cores: about 1.5x the speed of --jobs 1 for a text report, 1.2x-1.3x for a JSON one, each thread past the first about 30 MB more; see docs/check.md)')
    .action(async (agreement: string, logs: string[], options: CheckCommandOptions) => {
      context.exitCode = await runCheck(agreement, logs, standardOutputAsDefault(options), context.io);
    });
}

async function runCheck(agreement: string, logs: string[], options: CheckCommandOptions & { jobs?: string }, io: CliIo): Promise<number> {
  const jobs = parseJobs(options.jobs);
  const input = checkLogInput(agreement, logs, options, io);
  refuseBadInputs(agreement, input, options, io);
  // The worker threads start first: their start-up then overlaps the agreement's reading.
  const started = input.kind === 'file' ? await startWorkersFor(absoluteFile(input.shown, io.cwd), options, jobs) : undefined;
  try {
    return await checkAgreement(agreement, logs, input, options, jobs, io, started);
  } finally {
    started?.release();
  }
}

async function checkAgreement(agreement: string, logs: string[], input: CheckLogInput, options: CheckCommandOptions, jobs: Jobs, io: CliIo, started: CheckWorkers | undefined): Promise<number> {
  const sources = new CliSources(absoluteFile(agreement, io.cwd), options.allowImportOutside === true, io.cwd);
  const model = loadModel(agreement, io, sources);
  if (!model) return 2;
  refuseTooManyChannels(model, agreement);
  refuseAsOfOptionOutsideYears(model, options.asOf);
  if (options.output !== undefined) sources.refuseOverwriting(absoluteFile(options.output, io.cwd), options.output);
  const progress = new ProgressBar(io, input.shown);
  const imported = input.kind === 'import' ? new ImportedCheck(input.source, input, logs, model, options, io, progress) : undefined;
  if (model.format === PORTFOLIO_FORMAT) return runPortfolioCheck(model, input.shown, options, io, progress, imported);
  const output = new ReportFile(options.output, io);
  try {
    const report = reportOutput(options.format, output, progress);
    const outcome = imported ? await imported.run(model, report) : await checkLogFileWithJobs(model, { ...logFileOptions(input.shown, options, io, progress), output: report }, jobs, io, { rendered: renderedTicketsFor(options.format, output), started, progress });
    progress.clear();
    imported?.printImport();
    printWarnings(outcome.warnings, io, imported ? (warning) => imported.log.relocate(warning) : undefined);
    if (!outcome.ok) {
      if (imported) imported.printErrors(outcome);
      else printErrors(outcome, io);
      return 2;
    }
    if (imported) {
      imported.log.relocateAll(outcome.summary.skipped);
      imported.log.relocateAll(outcome.summary.warnings);
    }
    // The escalations are listed straight from the compact list (the summary's is left empty).
    if (options.format === 'json') output.jsonStream?.finish(outcome.summary, outcome.escalations);
    const { invalidRows, skipped } = outcome.summary;
    const note = options.format === 'csv' ? 'not in the CSV report' : 'also listed in the report';
    if (imported) imported.printSkipped(invalidRows, skipped, note);
    else printSkippedRows(invalidRows, skipped, io, note);
    if (options.format === 'text') {
      output.write(renderText(outcome.summary, outcome.breaches, { escalations: outcome.escalations, metricTitles: metricTitles(model), sets: agreementSets(model) }));
    }
    return exitStatusOf(outcome.summary, options.strict === true);
  } finally {
    progress.clear();
    output.close();
  }
}

/** Inputs and -o refused before any work: `-`, folders, binary logs, -o onto a folder or an input. */
function refuseBadInputs(agreement: string, input: CheckLogInput, options: CheckCommandOptions, io: CliIo): void {
  const logs = input.kind === 'file' ? [input.shown] : [];
  if (options.outages !== undefined) logs.push(options.outages);
  refuseStdin([agreement, ...logs]);
  refuseEmptyOutput(options.output);
  refuseFoldersAndBinaries(logs.map((shown) => ({ path: absoluteFile(shown, io.cwd), shown })));
  if (options.output === undefined) return;
  const output = absoluteFile(options.output, io.cwd);
  checkOutputPath(output, options.output);
  const ticketLogs = input.kind === 'file' ? [{ path: absoluteFile(input.shown, io.cwd), what: 'the ticket log' }] : input.files.map((file) => ({ path: file.path, what: 'one of the exported files' }));
  refuseOverwritingInput(output, options.output, [
    { path: absoluteFile(agreement, io.cwd), what: 'the agreement' },
    ...ticketLogs,
    ...(options.outages === undefined ? [] : [{ path: absoluteFile(options.outages, io.cwd), what: 'the outage log' }]),
  ]);
}

/** The log's events keep a channel in a few bits: more channels than that are refused up front, not a crash. */
export function refuseTooManyChannels(model: AgreementModel | PortfolioModel, agreement: string): void {
  const agreements = model.format === PORTFOLIO_FORMAT ? [...model.clients, ...(model.others ? [model.others] : [])].map((member) => member.agreement) : [model];
  for (const each of agreements) {
    if (each.channels.length <= MAX_CHANNELS) continue;
    const name = each.agreement?.name ?? agreement;
    throw new UserError(`${agreement}: agreement ${name} declares ${each.channels.length} channels; slac check handles at most ${MAX_CHANNELS}.`);
  }
}

/** Reads the agreement: a `.sla` through the workspace (an agreement or a portfolio), a `.json` as a compiled model. */
export function loadModel(agreement: string, io: CliIo, sources: CliSources): AgreementModel | PortfolioModel | undefined {
  const file = absoluteFile(agreement, io.cwd);
  if (file.toLowerCase().endsWith('.json')) {
    const read = readTextFile(file);
    if (read.text === undefined) throw new UserError(`cannot read the compiled model ${printablePath(agreement)}: ${read.reason}.`);
    const text = read.text;
    try {
      return parseModelJson(text, agreement);
    } catch (error) {
      if (error instanceof ModelFileError) throw new UserError(error.message);
      throw error;
    }
  }
  // A portfolio file is checked per client, with every agreement it uses.
  const loaded = loadAgreementOrPortfolio(file, sources.host);
  const { model, diagnostics } = loaded;
  if (hasErrors(diagnostics) || !model) {
    printDiagnostics(sortDiagnostics(diagnostics), io, { format: 'text', cwd: io.cwd, readSource: (name) => nodeSourceHost.readFile(name), stream: 'stderr' });
    if (!hasErrors(diagnostics)) throw new UserError(`${agreement} gives no ${loaded.kind} model.`);
    return undefined;
  }
  const warnings = agreementWarningsLine(agreement, loaded.kind, diagnostics);
  if (warnings !== undefined) io.stderr(warnings);
  if (model.format === PORTFOLIO_FORMAT) return model;
  if (!model.agreement) throw new UserError(`${agreement} declares no agreement; check the file that has the agreement block.`);
  return model;
}

/** Tickets are written as they are evaluated; text needs only the summary. */
function reportOutput(format: CheckCommandOptions['format'], file: ReportFile, progress: ProgressBar): ReportOutput {
  if (format === 'json') {
    return {
      begin: (head) => {
        file.jsonStream = new JsonReportStream(head, file.bytes);
      },
      ticket: (ticket) => file.jsonStream!.ticket(ticket),
      verdict: (verdict, context) => file.jsonStream!.verdict(verdict, context),
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
      verdict: (verdict, context) => file.write(ticketCsvRows(verdict, context)),
      progress: (done, total) => progress.evaluating(done, total),
      streamsEscalations: true,
      // The CSV report lists tickets only: no escalation row is kept.
      listedEscalations: 0,
    };
  }
  // The text report lists the first owed escalations only: no other row is kept.
  return { progress: (done, total) => progress.evaluating(done, total), streamsEscalations: true, listedEscalations: TEXT_LISTED };
}
