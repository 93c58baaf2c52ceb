import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, type Command } from 'commander';
import { ClockYearsWatch } from '../../import/clock-years.js';
import { ImportSummary } from '../../import/import-summary.js';
import { assumeTimezoneRefusal, ImportFileError, type ImportInputs, type ImportSource, type InputFile, type PassedOverEntry } from '../../import/import-source.js';
import { importSourceNamed, importSourceNames } from '../../import/sources.js';
import { TicketLogWriter, type ImportFormat } from '../../import/ticket-log-writer.js';
import { printablePath } from '../../language/diagnostics/diagnostic.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { isValidTimeZone } from '../../runtime/clock/zone.js';
import { AtomicFile, checkOutputPath, NOT_REGULAR_FILE, pathKind, refuseEmptyOutput, refuseOverwritingInput, refuseStdin, standardOutputAsDefault } from '../files.js';
import type { CommandContext } from '../main.js';
import { ProgressBar } from '../progress-bar.js';
import { UserError } from '../user-error.js';
import { warnAboutZoneOption } from '../zone-option.js';

interface ImportOptions {
  output?: string;
  clientField?: string;
  assumeTimezone?: string;
}

/** `slac import SOURCE FILE...`: a helpdesk's export as slac's ticket log, with a summary on stderr. */
export function registerImport(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description("Turn a helpdesk's export into slac's ticket log (NDJSON, or CSV with -o FILE.csv), with a summary of what went in.")
    .addArgument(new Argument('<source>', 'the helpdesk export').choices(importSourceNames()))
    .argument('<files...>', 'the exported files, or folders holding them')
    .option('-o, --output <file>', "write the log to this file (.ndjson, .jsonl or .csv) instead of stdout ('-' is stdout)")
    .option('--client-field <column>', "the ticket column that names the client (default: the organisation's name); a JSON object or list gives its value, name or displayName, a list its first")
    .option('--assume-timezone <zone>', 'IANA zone of exported times written without an offset (glpi, jira, freshdesk; GLPI writes local times); default UTC. zendesk, zendesk-tables and zammad write UTC and refuse it')
    .action(async (sourceName: string, files: string[], given: ImportOptions) => {
      const { io } = context;
      const options = standardOutputAsDefault(given);
      const source = importSourceNamed(sourceName)!;
      refuseStdin(files);
      refuseEmptyOutput(options.output);
      if (options.assumeTimezone !== undefined && !isValidTimeZone(options.assumeTimezone)) {
        throw new UserError(`--assume-timezone: '${options.assumeTimezone}' is not a time zone; use an IANA name such as Europe/Paris.`);
      }
      const refusal = options.assumeTimezone === undefined ? undefined : assumeTimezoneRefusal(source);
      if (refusal !== undefined) throw new UserError(refusal);
      warnAboutZoneOption(options.assumeTimezone, io);
      const expanded = expandInputs(files, io.cwd, source);
      const inputs = expanded.files;
      const format = outputFormat(options.output);
      if (options.output !== undefined) {
        const output = absoluteFile(options.output, io.cwd);
        checkOutputPath(output, options.output);
        refuseOverwritingInput(output, options.output, inputs.map((input) => ({ path: input.path, what: 'one of the exported files' })));
      }
      const file = options.output === undefined ? undefined : new AtomicFile(absoluteFile(options.output, io.cwd), options.output, true);
      // To standard output as bytes written at once where it can (a file, a pipe made blocking: see io.ts), so that a
      // reader slower than the import holds it back instead of the log piling up in memory.
      const writer = new TicketLogWriter(format, file !== undefined ? { file } : io.stdoutBytesNow ? { bytes: io.stdoutBytesNow } : { write: io.stdout });
      const watch = new ClockYearsWatch(writer);
      const summary = new ImportSummary();
      summary.noteInputs(expanded);
      const progress = new ProgressBar(io, files.join(', '));
      let tickets: number;
      let complete = false;
      try {
        tickets = await source.run({
          files: inputs,
          ...(options.clientField === undefined ? {} : { clientField: options.clientField }),
          ...(options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone }),
          sink: watch,
          summary,
          onProgress: (read, total) => progress.update(read, total),
        });
        complete = true;
      } catch (error) {
        if (error instanceof ImportFileError) throw new UserError(`${error.message}.`);
        throw error;
      } finally {
        progress.clear();
        writer.close(complete);
      }
      // Not before the log's bytes are out: a failed write stops the import here, and no summary claims them written.
      await io.stdoutWritten?.();
      watch.warnIn(summary);
      io.stderr(summary.render(source.name, writer.eventCounts, tickets));
    });
}

/** The log's format from -o's extension; NDJSON on stdout. */
function outputFormat(output: string | undefined): ImportFormat {
  if (output === undefined) return 'ndjson';
  const lower = output.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  throw new UserError(`cannot tell the log format of ${output}: name it .ndjson, .jsonl or .csv.`);
}

/**
 * Files as given, and the files of folders with the source's extensions (in
 * name order). A file given twice (a folder and a file in it, a link, two
 * spellings of one path) is one input, read once, that knows its other
 * names: reading it twice would import its tickets twice. A folder's entries
 * that are not regular files are passed over (to be named in the summary);
 * one named on the command line is refused: a FIFO would be waited on
 * forever, a device (/dev/zero) read without end.
 */
export function expandInputs(files: readonly string[], cwd: string, source: Pick<ImportSource, 'extensions'>): ImportInputs {
  const inputs: InputFile[] = [];
  const passedOver: PassedOverEntry[] = [];
  const order: string[] = [];
  const byRealPath = new Map<string, InputFile>();
  const add = (path: string, shown: string): void => {
    const real = realpathSync(path);
    const first = byRealPath.get(real);
    if (first === undefined) {
      const input = { path, shown };
      byRealPath.set(real, input);
      inputs.push(input);
      order.push(shown);
    } else {
      (first.alsoGivenAs ??= []).push(shown);
    }
  };
  for (const shown of files) {
    const path = absoluteFile(shown, cwd);
    const kind = pathKind(path);
    if (kind === 'file') {
      add(path, shown);
      continue;
    }
    if (kind !== 'folder') throw new UserError(`cannot read ${printablePath(shown)}: ${kind === 'missing' ? 'no such file or folder' : `it is ${NOT_A_FILE[kind]}`}.`);
    const names = readdirSync(path)
      .filter((name) => source.extensions.some((extension) => name.toLowerCase().endsWith(extension)))
      .sort();
    if (names.length === 0) throw new UserError(`${shown} holds no ${source.extensions.join(' or ')} files.`);
    for (const name of names) {
      const entry = join(path, name);
      const entryKind = pathKind(entry);
      if (entryKind === 'file') add(entry, join(shown, name));
      else {
        passedOver.push({ shown: join(shown, name), what: entryKind === 'missing' ? 'no such file' : NOT_A_FILE[entryKind] });
        order.push(join(shown, name));
      }
    }
  }
  return { files: inputs, passedOver, order };
}

/** What a path that is not a regular file is, in words. */
const NOT_A_FILE = {
  folder: 'a folder, not a file',
  other: NOT_REGULAR_FILE,
  dangling: 'a symbolic link to a file that does not exist',
} as const;
