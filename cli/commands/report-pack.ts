import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CompileError } from '../../compiler/errors.js';
import type { GlyphCheck } from '../../compiler/glyph-warnings.js';
import { printablePath, printableText } from '../../language/diagnostics/diagnostic.js';
import { memberForClient, PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { readTextFile } from '../../language/workspace/source-host.js';
import type { AgreementFigures, PortfolioFigures } from '../../review/data/run-check.js';
import { buildReviewPack, type NotesFile } from '../../review/pack/build-pack.js';
import { clientFileNames } from '../../review/site/write-site.js';
import { checkOutputPath, makeOutputFolder, refuseOverwritingInput, writeOutputFile, type CommandInput } from '../files.js';
import type { CliIo } from '../io.js';
import { warnOfMissingGlyphs } from '../missing-glyphs.js';
import { closePrinter, startPrinter } from '../pdf-printer.js';
import { closeOnSignal } from '../signals.js';
import { UserError } from '../user-error.js';

/** What `slac report --format pdf` needs from the command line. */
export interface ReviewPackFlags {
  /** `-o`: a folder, or a file ending in `.pdf`. */
  output: string;
  notes?: string;
  period?: string;
  /** `--from` and `--to`, checked days (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** The pack(s) being made: the notes read, the output known and the browser starting, before the check runs. */
export interface ReviewPackRun {
  /** Prints the pack of each agreement (one per client for a portfolio) and writes it; returns the exit status. */
  write(figures: AgreementFigures | PortfolioFigures, source: string): Promise<number>;
  /** Closes the browser; call it however the command ends. */
  close(): Promise<void>;
}

/**
 * Starts `slac report AGREEMENT LOG --format pdf`: reads the notes file and
 * checks the output path first (a missing notes file fails before a long
 * check, an output that is one of `inputs` is refused), and starts the
 * browser while the log is checked.
 */
export function startReviewPack(agreement: string, model: AgreementModel | PortfolioModel, flags: ReviewPackFlags, io: CliIo, inputs: readonly CommandInput[]): ReviewPackRun {
  const notes = flags.notes === undefined ? undefined : readNotes(flags.notes, io);
  const output = absoluteFile(flags.output, io.cwd);
  const toFile = flags.output.toLowerCase().endsWith('.pdf');
  if (toFile) {
    checkOutputPath(output, flags.output);
    refuseOverwritingInput(output, flags.output, inputs);
  }
  else if (existsSync(output) && !statSync(output).isDirectory()) throw new UserError(`cannot write the review pack into ${printablePath(flags.output)}: it is a file, not a folder; give a folder or a file name ending in .pdf.`);
  // The review pack's way without a browser is the site.
  const launching = startPrinter('--format site');
  const release = closeOnSignal(() => closePrinter(launching));
  const stem = basename(agreement).replace(/\.sla(\.json)?$/i, '');
  const suffix = packNameSuffix(flags);
  return {
    async write(figures, source) {
      const packs = 'clients' in figures ? figures.clients : [figures];
      if ('clients' in figures && toFile) throw new UserError(`${agreement} is a portfolio, which gives one review pack per client; give -o a folder, not ${flags.output}.`);
      if (!toFile) makeOutputFolder(output, flags.output);
      const printer = await launching;
      if (printer instanceof Error) throw new UserError(printer.message);
      const warned = new Set<string>();
      const stems = 'clients' in figures ? clientFileNames(packs.map((pack) => pack.data.client ?? pack.data.agreement)) : [stem];
      for (const [index, pack] of packs.entries()) {
        const name = toFile ? flags.output : join(flags.output, `${stems[index]!}-review${suffix}.pdf`);
        let built;
        try {
          built = await buildReviewPack(pack, { printer, source, ...(notes === undefined ? {} : { notes }) });
        } catch (error) {
          if (error instanceof CompileError) throw new UserError(error.message);
          throw error;
        }
        for (const warning of built.warnings) if (!warned.has(warning)) io.stderr(`${warning}\n`), warned.add(warning);
        warnOfMissingGlyphs(packGlyphCheck(pack, model, absoluteFile(agreement, io.cwd), built.html, inputs), { io });
        refuseOverwritingInput(absoluteFile(name, io.cwd), name, inputs);
        // A pack of the same span made again replaces the one there (perhaps the one sent to the client): said, not silent.
        const replacing = existsSync(absoluteFile(name, io.cwd));
        writeOutputFile(absoluteFile(name, io.cwd), name, built.pdf);
        io.stderr(`slac: wrote the service review pack ${printableText(name)}${replacing ? ', replacing the file of that name' : ''}.\n`);
      }
      return 0;
    },
    async close() {
      release();
      await closePrinter(launching);
    },
  };
}

/**
 * What a pack's file name in a folder says of its span, so that the packs of
 * different spans sit side by side rather than replace each other:
 * `-2026-Q1` (`--period`), `-2026-01-01-to-2026-03-31` (`--from` and `--to`),
 * `-from-2026-01-01` or `-to-2026-03-31` (one of them), nothing for the
 * months of the log. The values were checked as periods and days before.
 */
function packNameSuffix(flags: Pick<ReviewPackFlags, 'period' | 'from' | 'to'>): string {
  if (flags.period !== undefined) return `-${flags.period}`;
  if (flags.from !== undefined && flags.to !== undefined) return `-${flags.from}-to-${flags.to}`;
  if (flags.from !== undefined) return `-from-${flags.from}`;
  return flags.to === undefined ? '' : `-to-${flags.to}`;
}

/**
 * Where the characters of a pack that no font covers are looked for (SLA5006):
 * its agreement's sources (a portfolio client's agreement, and the values
 * the portfolio's `with` gives its params), then every other input, the
 * logs and the notes included. Characters found in none (a log over 10 MiB
 * is not read) are told at the start of the ticket log.
 */
function packGlyphCheck(pack: AgreementFigures, model: AgreementModel | PortfolioModel, agreementFile: string, html: string, inputs: readonly CommandInput[]): Omit<GlyphCheck, 'readSource'> {
  const member = model.format === PORTFOLIO_FORMAT ? memberForClient(model, pack.data.client) : undefined;
  const entry = member ? join(dirname(agreementFile), member.path) : agreementFile;
  const log = inputs.find((input) => input.what === 'the ticket log' || input.what === 'one of the exported files');
  return {
    model: pack.model,
    entry,
    html,
    params: member?.params ?? {},
    alsoSearch: inputs.map((input) => input.path),
    code: 'SLA5006',
    ...(log === undefined ? {} : { elsewhere: { file: log.path, origin: ' in the tickets' } }),
  };
}

function readNotes(shown: string, io: CliIo): NotesFile {
  // As a source is read: a device or a FIFO is refused (it was read without end, or waited for a writer
  // forever), and so are text that is not UTF-8 (it went into the pack as U+FFFD) and more than 10 MiB.
  const read = readTextFile(absoluteFile(shown, io.cwd));
  if (read.text === undefined) throw new UserError(`cannot read the notes ${printablePath(shown)}: ${read.reason}.`);
  return { markdown: read.text, shown };
}

