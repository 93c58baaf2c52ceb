import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { printableText, visibleText } from '../../language/diagnostics/diagnostic.js';
import { PORTFOLIO_FORMAT } from '../../language/model/model.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { formatInstant } from '../../runtime/clock/index.js';
import { createEvaluationContext } from '../../runtime/evaluate/index.js';
import { formatLogError } from '../../runtime/log/log-error.js';
import { listOf } from '../../runtime/log/log-vocabulary.js';
import { importSourceNames } from '../../import/sources.js';
import { findTicketEvents, type TicketLogInput, type TicketLookup } from '../../review/timeline/ticket-events.js';
import { renderTimelineText } from '../../review/timeline/timeline-text.js';
import { metricTitles } from '../../runtime/report/metric-titles.js';
import { ticketTimeline } from '../../review/timeline/timeline.js';
import { readableLogInput, logFileOptions, type CheckLogInput } from '../check-inputs.js';
import { refuseAsOfOutsideYears } from '../as-of-years.js';
import { ImportedCheck } from '../imported-check.js';
import { printSkippedRows, printWarnings, skippedBeforeErrors, skipInvalidHint } from '../print-log-errors.js';
import { skippedLinesNaming, skippedRowsInOtherCase } from '../skipped-ticket-rows.js';
import type { CliIo } from '../io.js';
import type { CommandContext } from '../main.js';
import { ProgressBar } from '../progress-bar.js';
import { CliSources } from '../source-files.js';
import { UserError } from '../user-error.js';
import { loadModel, refuseTooManyChannels } from './check.js';

interface ExplainOptions {
  outages?: string;
  asOf?: string;
  format: 'text' | 'json';
  assumeTimezone?: string;
  skipInvalid?: boolean;
  /** `csv`, `ndjson`, or the name of a helpdesk export (import/sources.ts). */
  logFormat?: string;
  clientField?: string;
  allowImportOutside?: boolean;
}

/**
 * `slac explain AGREEMENT LOG TICKET`: one ticket's SLA timeline, from the
 * evaluation `slac check` runs. With `--log-format zendesk|...` the log is a
 * helpdesk's export, which may be several files or folders: the ticket id is
 * always the last argument (`slac explain A.sla export/ more.csv 1234`).
 */
export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description("Show one ticket's SLA timeline: pauses, replies, severity changes, when each target was due and why it was met or missed.")
    .usage('[options] <agreement> <log...> <ticket>')
    .argument('<agreement>', 'the agreement: a .sla file, a compiled model .sla.json, or a portfolio .sla (the ticket\'s client is used)')
    .argument('<log>', "the ticket log: .csv, .ndjson or .jsonl; with --log-format NAME of a helpdesk, its exported files or folders (one or more)")
    .argument('<ticket>', 'the ticket id: always the last argument')
    // A helpdesk's export may be several files before the ticket; commander takes no variadic argument before another.
    .allowExcessArguments()
    .option('--outages <file>', 'the outage log (.csv, .ndjson or .jsonl), read as slac check reads it')
    .option('--as-of <instant>', 'explain the ticket as it stood at this instant (default: the latest event in the log)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--skip-invalid', 'leave invalid rows out, as slac check --skip-invalid does, instead of failing')
    .option('--assume-timezone <zone>', 'IANA zone for log times written without an offset')
    .addOption(new Option('--log-format <format>', "format of the ticket log instead of its extension (the outage log's, only when its extension does not say), or a helpdesk's export read as `slac import` reads it").choices(['csv', 'ndjson', ...importSourceNames()]))
    .option('--client-field <column>', 'with a helpdesk --log-format: the ticket field that names the client (default: the organisation)')
    .option('--allow-import-outside', "let imports and holiday files reach outside the agreement's folder")
    .action(async (agreement: string, _log: string, _ticket: string, options: ExplainOptions, command: Command) => {
      // Every argument after the agreement: the logs, then the ticket.
      const rest = command.args.slice(1);
      context.exitCode = await runExplain(agreement, rest.slice(0, -1), rest[rest.length - 1]!, options, context.io);
    });
  hintDashedTicketId(program.commands.find((command) => command.name() === 'explain')!);
}

/**
 * A helpdesk's ticket id may start with a dash (`-T1`), which commander
 * reads as an unknown option; the message then says how to give it as the
 * id. Long options (`--outage`) are left to commander's "Did you mean".
 */
function hintDashedTicketId(explain: Command): void {
  const inherited = explain.configureOutput().outputError!;
  explain.configureOutput({
    outputError: (text, write) => {
      const flag = /^error: unknown option '(-[^-][^']*)'\n$/.exec(text)?.[1];
      const hint = flag === undefined ? '' : `If '${flag}' is the ticket id, put -- before it: slac explain AGREEMENT LOG -- ${flag}\n`;
      inherited(text + hint, write);
    },
  });
}

async function runExplain(agreement: string, typed: string[], typedTicket: string, options: ExplainOptions, io: CliIo): Promise<number> {
  const ticket = ticketIdOf(typedTicket, typed, io);
  const checkOptions = { ...options, format: 'json' as const };
  const input = readableLogInput(agreement, typed, checkOptions, io);
  const sources = new CliSources(absoluteFile(agreement, io.cwd), options.allowImportOutside === true, io.cwd);
  const model = loadModel(agreement, io, sources);
  if (!model) return 2;
  refuseTooManyChannels(model, agreement);
  const progress = new ProgressBar(io, input.shown);
  const imported = input.kind === 'import' ? new ImportedCheck(input.source, input, typed, model, options, io, progress) : undefined;
  imported?.watchTicket(ticket);
  const logInput: TicketLogInput = imported ? imported.logInput() : logFileOptions(input.shown, checkOptions, io, progress);
  let lookup: TicketLookup;
  try {
    lookup = await findTicketEvents(model, ticket, logInput);
  } finally {
    progress.clear();
  }
  // As `slac check` prints them: what went in, the values the agreement never mentions, the rows left out.
  imported?.printImport();
  if ('problem' in lookup && lookup.problem === 'invalid') {
    if (imported) imported.printErrors(lookup, 'timeline');
    else printInvalid(lookup, io);
    return 2;
  }
  printWarnings(lookup.warnings, io, imported ? (warning) => imported.log.relocate(warning) : undefined);
  if (imported) {
    imported.log.relocateAll(lookup.skipped);
    imported.printSkipped(lookup.invalidRows, lookup.skipped, 'not in the timeline');
  } else printSkippedRows(lookup.invalidRows, lookup.skipped, io, 'not in the timeline');
  if (!lookup.ok) return refuse(lookup, ticket, input, io, imported?.skipOfWatchedTicket());
  refuseAsOfOutsideYears(lookup.agreement, lookup.asOf, 'timeline');
  const timeline = ticketTimeline(lookup.agreement, lookup.events, lookup.asOf);
  if (lookup.client !== undefined) timeline.client = lookup.client;
  const title = model.format === PORTFOLIO_FORMAT ? (lookup.agreement.agreement?.title ?? lookup.agreement.agreement?.name ?? agreement) : (model.agreement?.title ?? model.agreement?.name ?? agreement);
  if (options.format === 'json') io.stdout(`${JSON.stringify({ agreement: lookup.agreement.agreement?.name ?? '', ...timeline }, null, 2)}\n`);
  else io.stdout(renderTimelineText(timeline, title, metricTitles(lookup.agreement)));
  return 0;
}

/**
 * The ticket id as the log reader keeps ids (trimmed); an empty one, or a
 * ticket typed before the log (`explain A PL-1018 log.csv`), is refused
 * with the reminder that the id goes last.
 */
function ticketIdOf(typed: string, logs: readonly string[], io: CliIo): string {
  const ticket = typed.trim();
  if (ticket === '') throw new UserError('the ticket id (the last argument) is empty; give the id of a ticket in the log.');
  const missingLog = logs.find((log) => !existsSync(absoluteFile(log, io.cwd)));
  if (missingLog !== undefined && existsSync(absoluteFile(typed, io.cwd))) {
    throw new UserError(`'${visibleText(missingLog)}' is no file, and '${visibleText(typed)}' is one: the ticket id goes last, after the logs (slac explain AGREEMENT LOG TICKET).`);
  }
  return ticket;
}

/** Invalid logs, listed as `slac check` lists them. */
function printInvalid(lookup: Extract<TicketLookup, { problem: 'invalid' }>, io: CliIo): void {
  if (lookup.skipped !== undefined) printSkippedRows(lookup.skipped.invalidRows, lookup.skipped.rows, io, skippedBeforeErrors(lookup.errors, 'timeline'));
  for (const error of lookup.errors) io.stderr(`${formatLogError(error)}\n`);
  const more = lookup.errorCount - lookup.errors.length;
  if (more > 0) io.stderr(`... and ${more} more error${more === 1 ? '' : 's'}.\n`);
  io.stderr(`slac: no timeline: the input has ${lookup.errorCount} error${lookup.errorCount === 1 ? '' : 's'}${skipInvalidHint(lookup.errors)}.\n`);
}

/**
 * An unknown or later ticket is one message; one whose rows were all left
 * out as invalid says so (the rows are listed above it).
 */
function refuse(lookup: Extract<TicketLookup, { problem: 'unknown' | 'notYetCreated' }>, ticket: string, input: CheckLogInput, io: CliIo, importSkip?: ImportSkip): number {
  const log = input.shown;
  if (lookup.problem === 'notYetCreated') {
    const zone = createEvaluationContext(lookup.agreement).reportZone;
    const created = formatInstant(lookup.created, zone);
    throw new UserError(`${log}: ticket ${visibleText(ticket)} was created at ${created}, after the as-of instant ${formatInstant(lookup.asOf, zone)}; pass a later --as-of.`);
  }
  // The ticket log's own skipped rows (not the outage log's) that name the ticket.
  const skippedOfLog = lookup.skipped.filter((row) => row.file === log).map((row) => row.line);
  const file = absoluteFile(log, io.cwd);
  const skippedLines = input.kind === 'file' ? skippedLinesNaming(ticket, file, skippedOfLog) : [];
  // The id in other letter case, all of whose rows were skipped, unless a valid ticket is that id in other case.
  const otherCase =
    input.kind === 'file' && skippedLines.length === 0 && lookup.suggestion?.toLowerCase() !== ticket.toLowerCase() ? skippedRowsInOtherCase(ticket, file, skippedOfLog) : undefined;
  const skippedHint =
    skippedLines.length > 0
      ? ` Its ${skippedRowsText(skippedLines)} skipped as invalid (listed above).`
      : otherCase !== undefined
        ? ` The log writes it '${visibleText(otherCase.ticket)}': its ${skippedRowsText(otherCase.lines)} skipped as invalid (listed above).`
        : lookup.invalidRows > 0
          ? ` ${lookup.invalidRows} invalid row${lookup.invalidRows === 1 ? ' was' : 's were'} skipped (listed above); its rows may be among them.`
          : '';
  if (importSkip !== undefined) throw new UserError(`${log}: no ticket '${visibleText(ticket)}' among its ${lookup.ticketCount} ticket${lookup.ticketCount === 1 ? '' : 's'}.${importSkipHint(importSkip)}${skippedHint}`);
  const hint =
    skippedLines.length === 0 && otherCase === undefined && lookup.suggestion !== undefined
      ? ` Did you mean '${visibleText(lookup.suggestion)}'?${sameLettersNote(ticket, lookup.suggestion)}`
      : existsSync(absoluteFile(ticket, io.cwd))
        ? ` '${visibleText(ticket)}' is a file or folder: the ticket id goes last, after the logs.`
        : '';
  throw new UserError(`${log}: no ticket '${visibleText(ticket)}' among its ${lookup.ticketCount} ticket${lookup.ticketCount === 1 ? '' : 's'}.${hint}${skippedHint}`);
}

/** Where and why the import of a helpdesk's export skipped the ticket asked for (`ImportedCheck.skipOfWatchedTicket`). */
type ImportSkip = { place: string; reason: string; itself: boolean };

/**
 * Says that the export has the ticket but the import skipped it, with the
 * record and reason the import summary gives: a ticket Zendesk deleted was
 * only "unknown", which sent the user looking for it in the export.
 */
function importSkipHint(skip: ImportSkip): string {
  const record = printableText(`${skip.place}: ${skip.reason}`);
  return skip.itself ? ` The export has it, but the import skipped it: ${record}.` : ` The export has records of it, but the import skipped them (the first read: ${record}).`;
}

/** `rows (line 2 and 3) were` / `row (line 2) was`. */
function skippedRowsText(lines: readonly number[]): string {
  return `row${lines.length === 1 ? '' : 's'} (line ${listOf(lines.map(String), 'and')}) ${lines.length === 1 ? 'was' : 'were'}`;
}

/**
 * When the suggestion is the typed id in another Unicode normalization
 * (`CAFÉ-1` with É as one code point, or as E and a combining accent, as
 * macOS and some copy-pastes write it), both print alike: the note spells
 * their letters beyond ASCII as code points, so the difference shows.
 */
function sameLettersNote(typed: string, suggestion: string): string {
  if (typed.normalize('NFKC') !== suggestion.normalize('NFKC')) return '';
  return ` The log writes it '${codePointsBeyondAscii(suggestion)}' and you wrote '${codePointsBeyondAscii(typed)}': the same letters in other Unicode code points, which the log's ids do not equate.`;
}

function codePointsBeyondAscii(text: string): string {
  return [...visibleText(text)].map((character) => (character.codePointAt(0)! > 0x7e ? `\\u{${character.codePointAt(0)!.toString(16)}}` : character)).join('');
}

