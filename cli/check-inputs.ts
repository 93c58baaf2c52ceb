import { assumeTimezoneRefusal, type ImportInputs, type ImportSource } from '../import/import-source.js';
import { importSourceNamed, importSourceNames } from '../import/sources.js';
import { absoluteFile } from '../language/workspace/paths.js';
import { isValidTimeZone } from '../runtime/clock/zone.js';
import type { CheckFileOptions } from '../runtime/check.js';
import { expandInputs } from './commands/import.js';
import { refuseFoldersAndBinaries, refuseStdin } from './files.js';
import type { CliIo } from './io.js';
import type { ProgressBar } from './progress-bar.js';
import { refuseAgreementAsLog, refuseLogAsAgreement } from './source-files.js';
import { UserError } from './user-error.js';
import { warnAboutZoneOption } from './zone-option.js';

/** The options of `slac check`, as commander gives them. */
export interface CheckCommandOptions {
  outages?: string;
  asOf?: string;
  format: 'text' | 'json' | 'csv';
  strict?: boolean;
  skipInvalid?: boolean;
  assumeTimezone?: string;
  /** `csv`, `ndjson`, or the name of a helpdesk export (import/sources.ts). */
  logFormat?: string;
  /** With a helpdesk's export: the ticket field that names the client. */
  clientField?: string;
  output?: string;
  allowImportOutside?: boolean;
}

/**
 * The ticket log of a check: one log file (CSV or NDJSON), or a helpdesk's
 * exported files and folders, read by its import adapter.
 */
export type CheckLogInput =
  | { kind: 'file'; shown: string }
  | ({ kind: 'import'; shown: string; source: ImportSource } & ImportInputs);

/**
 * What the LOG arguments are, from --log-format: several files or folders
 * only for a helpdesk's export; exactly one log file otherwise.
 */
export function checkLogInput(agreement: string, logs: readonly string[], options: CheckCommandOptions, io: CliIo): CheckLogInput {
  refuseLogAsAgreement(absoluteFile(agreement, io.cwd), agreement, 'give the agreement first, then the log');
  warnAboutZoneOption(options.assumeTimezone, io);
  const format = options.logFormat;
  const source = format === undefined ? undefined : importSourceNamed(format);
  if (source === undefined) {
    if (options.clientField !== undefined) {
      throw new UserError(`--client-field is read only with the export of a helpdesk (--log-format ${importSourceNames().join('|')}); a ${format ?? 'CSV or NDJSON'} log names the client in its 'client' column.`);
    }
    if (logs.length !== 1) {
      throw new UserError(`a ticket log is one file, not ${logs.length} (${logs.join(', ')}); several files or folders are read only as a helpdesk's export (--log-format ${importSourceNames().join('|')}).`);
    }
    refuseAgreementAsLog(absoluteFile(logs[0]!, io.cwd), logs[0]!);
    return { kind: 'file', shown: logs[0]! };
  }
  refuseStdin(logs);
  // A zone that is no zone gets the check's own error (SLA4017) first, as with any log.
  const refusal = options.assumeTimezone !== undefined && isValidTimeZone(options.assumeTimezone) ? assumeTimezoneRefusal(source) : undefined;
  if (refusal !== undefined) throw new UserError(refusal);
  if (options.outages !== undefined && !/\.(csv|ndjson|jsonl)$/i.test(options.outages)) {
    throw new UserError(`cannot tell the log format of ${options.outages}: with --log-format ${source.name} the outage log is read by its extension; name it .csv, .ndjson or .jsonl.`);
  }
  return { kind: 'import', shown: logs.join(', '), source, ...expandInputs(logs, io.cwd, source) };
}

/** `--log-format` when it names a plain log format (csv, ndjson), not a helpdesk's export. */
export function plainLogFormat(options: CheckCommandOptions): 'csv' | 'ndjson' | undefined {
  return options.logFormat === 'csv' || options.logFormat === 'ndjson' ? options.logFormat : undefined;
}

/**
 * What the log readers need from the command line, for an agreement or a
 * portfolio alike; messages name the files as the user typed them.
 */
export function logFileOptions(log: string, options: CheckCommandOptions, io: CliIo, progress: ProgressBar): Omit<CheckFileOptions, 'output'> {
  const typed = new Map([[absoluteFile(log, io.cwd), log]]);
  if (options.outages !== undefined) typed.set(absoluteFile(options.outages, io.cwd), options.outages);
  const logFormat = plainLogFormat(options);
  return {
    log: absoluteFile(log, io.cwd),
    ...(options.outages === undefined ? {} : { outages: absoluteFile(options.outages, io.cwd) }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone }),
    ...(logFormat === undefined ? {} : { logFormat }),
    skipInvalid: options.skipInvalid === true,
    displayName: (path) => typed.get(path) ?? path,
    onProgress: (read, total) => progress.update(read, total),
  };
}

/**
 * The LOG arguments of `report` and `explain`, read as `slac check` reads
 * them, with standard input, folders and binary files refused for the
 * agreement, a log file and the outage log.
 */
export function readableLogInput(agreement: string, typed: readonly string[], options: CheckCommandOptions, io: CliIo): CheckLogInput {
  const input = checkLogInput(agreement, typed, options, io);
  const logs = input.kind === 'file' ? [input.shown] : [];
  if (options.outages !== undefined) logs.push(options.outages);
  refuseStdin([agreement, ...logs]);
  refuseFoldersAndBinaries(logs.map((shown) => ({ path: absoluteFile(shown, io.cwd), shown })));
  return input;
}
