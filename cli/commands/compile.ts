import { basename, dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { isRunnableFile, runnableProblem } from '../../compiler/browser-path.js';
// Not the compiler's index: that would load puppeteer for every command.
import { compileAgreementPdf, renderAgreement, type DocumentFormat } from '../../compiler/compile.js';
import type { PdfPrinter } from '../../compiler/pdf.js';
import type { Paper } from '../../compiler/render/style.js';
import { createDiagnostic, hasErrors, printableText, type Diagnostic } from '../../language/diagnostics/diagnostic.js';
import type { AgreementModel } from '../../language/model/model.js';
import { loadAgreementModel, nodeSourceHost } from '../../language/workspace/index.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { checkOutputPath, refuseEmptyOutput, refuseOverwritingInput, refuseStandardOutput, refuseStdin, STANDARD_OUTPUT, writeOutputFile } from '../files.js';
import { UserError } from '../user-error.js';
import { documentFormatFor, refuseDocumentNameForEmit } from '../output-format.js';
import { compilePortfolio, declaresPortfolio } from './compile-portfolio.js';
import { CliSources, refuseLogAsAgreement } from '../source-files.js';
import { warnOfMissingGlyphs } from '../missing-glyphs.js';
import { refuseOversizedProse } from '../oversized-prose.js';
import { warnOfUnusedTerms } from '../unused-terms.js';
import { withPrinterStarting } from '../pdf-printer.js';
import { setOwnValue } from '../../language/model/own-keys.js';
import { firstBidiControl } from '../../language/checker/bidi-controls.js';
import { codePointName, firstControlCharacter } from '../../language/lexer/literals.js';

interface CompileFlags {
  output?: string;
  format: DocumentFormat;
  /** Whether --format was given (else the document's format may come from -o's extension: documentFormatFor). */
  formatGiven?: boolean;
  /** Whether --paper was given (else it is a4 by default). */
  paperGiven?: boolean;
  param: string[];
  final?: boolean;
  paper: Paper;
  emit?: 'model' | 'evaluator';
  allowImportOutside?: boolean;
}

const EXTENSIONS: Record<DocumentFormat, string> = { pdf: '.pdf', html: '.html', md: '.md' };

/**
 * The value is printed into the document as a source string is, so it is
 * held to the same rules: no raw control character (SLA1024 for a string),
 * no bidirectional control (SLA3087). Line breaks and tabs read as spaces.
 */
function refuseHiddenCharacters(name: string, value: string): void {
  const control = firstControlCharacter(value);
  if (control >= 0) throw new UserError(`--param ${name} holds the control character ${codePointName(value[control]!)}; remove it.`);
  const bidi = firstBidiControl(value);
  if (bidi) {
    throw new UserError(`--param ${name} holds the bidirectional control ${bidi}, which makes the document show the text after it in another order than it is written; remove it.`);
  }
}

/** `Name=value` pairs to a record; the value may contain `=`; neither the name nor the value may be empty. */
export function parseParamFlags(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? '' : pair.slice(0, equals).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UserError(`--param "${pair}" is not NAME=VALUE (for example --param ClientName="Acme Ltd").`);
    }
    if (Object.hasOwn(params, name)) throw new UserError(`--param ${name} is given twice.`);
    const value = pair.slice(equals + 1);
    // An empty value would print a blank where a name belongs, even with --final.
    if (value.trim() === '') throw new UserError(`--param ${name} has no value; give the text to fill in (for example --param ${name}="Acme Ltd").`);
    refuseHiddenCharacters(name, value);
    setOwnValue(params, name, value);
  }
  return params;
}

/** Writes an output file, named in messages as it is printed in "Wrote ...". */
function writeOutput(file: string, content: string | Uint8Array): void {
  writeOutputFile(file, file, content);
}

/** `examples/poologics.sla` -> `examples/poologics` (the output's path without extension). */
function outputStem(entry: string): string {
  return join(dirname(entry), basename(entry).replace(/\.sla$/i, ''));
}

/** The model of the entry file, or the diagnostics printed and exit status 2. */
function loadModel(entry: string, context: CommandContext, sources: CliSources): AgreementModel | undefined {
  const { model, diagnostics } = loadAgreementModel(entry, sources.host);
  const problems: Diagnostic[] = [...diagnostics];
  if (model && !model.agreement && !hasErrors(diagnostics)) {
    const start = { line: 0, character: 0 };
    problems.push(createDiagnostic('SLA5001', entry, { start, end: start }));
  }
  if (problems.length > 0) {
    printDiagnostics(problems, context.io, {
      format: 'text',
      cwd: context.io.cwd,
      readSource: (file) => nodeSourceHost.readFile(file),
      stream: 'stderr',
    });
  }
  if (!model || !model.agreement || hasErrors(problems)) {
    context.exitCode = 2;
    return undefined;
  }
  return model;
}

/**
 * The compiler falls back to the usual browser paths when
 * PUPPETEER_EXECUTABLE_PATH names nothing; say so, since the user asked for
 * that browser.
 */
function warnOfMissingExplicitBrowser(context: CommandContext): void {
  const explicit = process.env['PUPPETEER_EXECUTABLE_PATH'];
  if (explicit && !isRunnableFile(explicit)) {
    context.io.stderr(`slac: warning: PUPPETEER_EXECUTABLE_PATH is set to ${printableText(explicit)}, which ${runnableProblem(explicit)}; looking for Chromium or Chrome in the usual places.\n`);
  }
}

/**
 * Writes what the flags ask for; returns the path written, or undefined
 * when the agreement has errors or the text went to standard output (`-o -`).
 */
async function writeRequested(
  entry: string,
  flags: CompileFlags,
  context: CommandContext,
  launching: Promise<PdfPrinter | Error> | undefined,
): Promise<string | undefined> {
  const params = parseParamFlags(flags.param);
  const sources = new CliSources(entry, flags.allowImportOutside === true, context.io.cwd);
  const model = loadModel(entry, context, sources);
  if (!model) return undefined;
  const output = (extension: string): string => {
    const file = flags.output ? resolve(context.io.cwd, flags.output) : outputStem(entry) + extension;
    sources.refuseOverwriting(file, flags.output ?? file);
    return file;
  };
  // `-o -`: text (Markdown, HTML, the model, the evaluator) to standard output; a PDF was refused before.
  const toStandardOutput = flags.output === STANDARD_OUTPUT;
  const writeText = (extension: string, text: string): string | undefined => {
    if (toStandardOutput) {
      context.io.stdout(text);
      return undefined;
    }
    const written = output(extension);
    writeOutput(written, text);
    return written;
  };
  const options = { params, final: flags.final ?? false, paper: flags.paper };
  if (flags.emit) {
    // Loaded on demand: printing a document never needs the emitters.
    const emit = await import('../../compiler/emit/index.js');
    return writeText(flags.emit === 'model' ? '.sla.json' : '.evaluator.mjs', flags.emit === 'model' ? emit.emitModelJson(model) : emit.emitEvaluatorModule(model));
  }
  if (refuseOversizedProse([{ model, entry }], context)) return undefined;
  if (launching) {
    const rendered = renderAgreement(model, options); // param problems are reported before waiting on the browser
    warnOfUnusedTerms({ model, entry, document: rendered.document }, context);
    warnOfMissingGlyphs({ model, entry, html: rendered.html, params }, context);
    const printer = await launching;
    if (printer instanceof Error) throw printer;
    const written = output(EXTENSIONS.pdf);
    writeOutput(written, (await compileAgreementPdf(model, { ...options, printer })).pdf);
    return written;
  }
  const rendered = renderAgreement(model, options);
  warnOfUnusedTerms({ model, entry, document: rendered.document }, context);
  return writeText(EXTENSIONS[flags.format], flags.format === 'md' ? rendered.markdown : rendered.html);
}

/**
 * `--paper letter` with a Markdown document: Markdown has no page, so the
 * option did nothing without a word (the PDF and the HTML's print styles
 * use it). Said on one line; the document is written as asked.
 */
function noteUnusedPaper(format: DocumentFormat, flags: Pick<CompileFlags, 'paper' | 'paperGiven'>, context: CommandContext): void {
  if (format === 'md' && flags.paperGiven === true) context.io.stderr(`slac: --paper ${flags.paper} has no effect on a Markdown document, which has no page; it sets the page of a PDF or of the HTML's printing.\n`);
}

async function runCompile(file: string, flags: CompileFlags, context: CommandContext): Promise<void> {
  refuseStdin([file]);
  refuseEmptyOutput(flags.output);
  const entry = resolve(context.io.cwd, file);
  refuseLogAsAgreement(entry, file, "slac compile reads an agreement's .sla file");
  const params = parseParamFlags(flags.param);
  if (declaresPortfolio(entry)) {
    if (flags.emit) throw new UserError(`--emit ${flags.emit} writes one agreement's ${flags.emit}; ${file} is a portfolio, so give the agreement file instead.`);
    refuseStandardOutput(flags.output, 'a portfolio compiles to a folder of documents, which', 'give a folder name');
    if (flags.format === 'pdf') warnOfMissingExplicitBrowser(context);
    noteUnusedPaper(flags.format, flags, context);
    const output = flags.output === undefined ? {} : { output: flags.output };
    const allowImportOutside = flags.allowImportOutside === true;
    await compilePortfolio(entry, { ...output, format: flags.format, params, final: flags.final ?? false, paper: flags.paper, allowImportOutside }, context);
    return;
  }
  // A portfolio's -o is a folder, and --emit writes no document: only an agreement's document takes its format from -o.
  if (flags.emit) refuseDocumentNameForEmit(flags.output, flags.emit);
  const format = flags.emit ? flags.format : documentFormatFor(flags.output, flags.format, flags.formatGiven === true);
  const printing = !flags.emit && format === 'pdf';
  if (!flags.emit) noteUnusedPaper(format, flags, context);
  if (printing) refuseStandardOutput(flags.output, 'a PDF', 'give a file name ending in .pdf, or --format html or md');
  if (flags.output && flags.output !== STANDARD_OUTPUT) {
    const output = resolve(context.io.cwd, flags.output);
    checkOutputPath(output, flags.output);
    refuseOverwritingInput(output, flags.output, [{ path: entry, what: 'the agreement' }]);
  }
  if (printing) warnOfMissingExplicitBrowser(context);
  await withPrinterStarting(printing, async (launching) => {
    const written = await writeRequested(entry, { ...flags, format }, context, launching);
    if (written) context.io.stdout(`Wrote ${printableText(written)}\n`);
  });
}

/**
 * `slac compile AGREEMENT`: the agreement as PDF (default), HTML or Markdown,
 * or its compiled model. `slac compile PORTFOLIO -o DIR`: one document per client.
 */
export function registerCompile(program: Command, context: CommandContext): void {
  program
    .command('compile')
    .description('Write the agreement as a PDF ready for signature (or HTML, Markdown), or emit its compiled model.')
    .argument('<agreement>', 'the .sla file with the agreement block, or a portfolio (one document per client)')
    .option('-o, --output <file>', "where to write (default: next to the source, named after it); without --format, its extension (.pdf, .html, .md) gives the format; for a portfolio, a folder; '-' is stdout for --format html or md and --emit, not for a PDF or a portfolio")
    .addOption(new Option('--format <format>', 'document format').choices(['pdf', 'html', 'md']).default('pdf'))
    .option('--param <name=value>', 'fill in a param (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('--final', 'refuse to build while any param is unfilled')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--allow-import-outside', "let imports and holiday files reach outside the agreement's folder")
    .addOption(new Option('--emit <what>', 'write the compiled model (NAME.sla.json) or evaluator (NAME.evaluator.mjs) instead').choices(['model', 'evaluator']).conflicts(['format', 'paper', 'final']))
    .action(async (file: string, flags: CompileFlags, command: Command) => runCompile(file, { ...flags, formatGiven: command.getOptionValueSource('format') === 'cli', paperGiven: command.getOptionValueSource('paper') === 'cli' }, context));
}
