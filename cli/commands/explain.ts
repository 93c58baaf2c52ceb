import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { PORTFOLIO_FORMAT } from '../../language/model/model.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { formatInstant } from '../../runtime/clock/index.js';
import { createEvaluationContext } from '../../runtime/evaluate/index.js';
import { formatLogError } from '../../runtime/log/log-error.js';
import { printable } from '../../runtime/report/text.js';
import { importSourceNames } from '../../import/sources.js';
import { findTicketEvents, type TicketLogInput, type TicketLookup } from '../../review/timeline/ticket-events.js';
import { renderTimelineText } from '../../review/timeline/timeline-text.js';
import { ticketTimeline } from '../../review/timeline/timeline.js';
import { readableLogInput, logFileOptions } from '../check-inputs.js';
import { ImportedCheck } from '../imported-check.js';
import { skipInvalidHint } from '../print-log-errors.js';
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
    .addOption(new Option('--log-format <format>', "format of the logs instead of the file extension, or a helpdesk's export read as `slac import` reads it").choices(['csv', 'ndjson', ...importSourceNames()]))
    .option('--client-field <column>', 'with a helpdesk --log-format: the ticket field that names the client (default: the organisation)')
    .option('--allow-import-outside', "let imports and holiday files reach outside the agreement's folder")
    .action(async (agreement: string, _log: string, _ticket: string, options: ExplainOptions, command: Command) => {
      // Every argument after the agreement: the logs, then the ticket.
      const rest = command.args.slice(1);
      context.exitCode = await runExplain(agreement, rest.slice(0, -1), rest[rest.length - 1]!, options, context.io);
    });
}

async function runExplain(agreement: string, typed: string[], ticket: string, options: ExplainOptions, io: CliIo): Promise<number> {
  const checkOptions = { ...options, format: 'json' as const };
  const input = readableLogInput(agreement, typed, checkOptions, io);
  const sources = new CliSources(absoluteFile(agreement, io.cwd), options.allowImportOutside === true);
  const model = loadModel(agreement, io, sources);
  if (!model) return 2;
  refuseTooManyChannels(model, agreement);
  const progress = new ProgressBar(io, input.shown);
  const imported = input.kind === 'import' ? new ImportedCheck(input.source, input.files, typed, model, options, io, progress) : undefined;
  const logInput: TicketLogInput = imported ? imported.logInput() : logFileOptions(input.shown, checkOptions, io, progress);
  let lookup: TicketLookup;
  try {
    lookup = await findTicketEvents(model, ticket, logInput);
  } finally {
    progress.clear();
  }
  // As `slac check` prints them: what went in, and the values the agreement never mentions.
  imported?.printImport();
  if (!lookup.ok) {
    if (lookup.problem === 'invalid' && imported) {
      imported.printErrors(lookup, 'timeline');
      return 2;
    }
    return refuse(lookup, ticket, input.shown, io);
  }
  const timeline = ticketTimeline(lookup.agreement, lookup.events, lookup.asOf);
  if (lookup.client !== undefined) timeline.client = lookup.client;
  const title = model.format === PORTFOLIO_FORMAT ? (lookup.agreement.agreement?.title ?? lookup.agreement.agreement?.name ?? agreement) : (model.agreement?.title ?? model.agreement?.name ?? agreement);
  if (options.format === 'json') io.stdout(`${JSON.stringify({ agreement: lookup.agreement.agreement?.name ?? '', ...timeline }, null, 2)}\n`);
  else io.stdout(renderTimelineText(timeline, title));
  return 0;
}

/**
 * Invalid logs are listed as `slac check` lists them; an unknown or later
 * ticket is one message (which says the ticket goes last when the "ticket"
 * is a file or folder: the user probably left the id out).
 */
function refuse(lookup: Extract<TicketLookup, { ok: false }>, ticket: string, log: string, io: CliIo): number {
  if (lookup.problem === 'invalid') {
    for (const error of lookup.errors) io.stderr(`${formatLogError(error)}\n`);
    const more = lookup.errorCount - lookup.errors.length;
    if (more > 0) io.stderr(`... and ${more} more error${more === 1 ? '' : 's'}.\n`);
    io.stderr(`slac: no timeline: the input has ${lookup.errorCount} error${lookup.errorCount === 1 ? '' : 's'}${skipInvalidHint(lookup.errors)}.\n`);
    return 2;
  }
  if (lookup.problem === 'notYetCreated') {
    const zone = createEvaluationContext(lookup.agreement).reportZone;
    const created = formatInstant(lookup.created, zone);
    throw new UserError(`${log}: ticket ${printable(ticket)} was created at ${created}, after the as-of instant ${formatInstant(lookup.asOf, zone)}; pass a later --as-of.`);
  }
  const hint =
    lookup.suggestion !== undefined
      ? ` Did you mean '${printable(lookup.suggestion)}'?`
      : existsSync(absoluteFile(ticket, io.cwd))
        ? ` '${printable(ticket)}' is a file or folder: the ticket id goes last, after the logs.`
        : '';
  throw new UserError(`${log}: no ticket '${printable(ticket)}' among its ${lookup.ticketCount} ticket${lookup.ticketCount === 1 ? '' : 's'}.${hint}`);
}
