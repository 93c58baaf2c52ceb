import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { compileAgreementPdf, renderAgreement, type DocumentFormat, type RenderOptions } from '../../compiler/compile.js';
import type { PdfPrinter } from '../../compiler/pdf.js';
import type { Paper } from '../../compiler/render/style.js';
import { hasErrors, printablePath, printableText } from '../../language/diagnostics/diagnostic.js';
import { OTHERS_CLIENT, type PortfolioMemberModel, type PortfolioModel } from '../../language/model/model.js';
import { loadPortfolio, nodeSourceHost, portfolioOf } from '../../language/workspace/index.js';
import { parseDocument } from '../../language/parser/index.js';
import { CommandInputs, describeWriteError, makeFolders, refuseOverwritingInput, writeOutputFile } from '../files.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { refuseOversizedProse } from '../oversized-prose.js';
import { UserError } from '../user-error.js';
import { CliSources } from '../source-files.js';
import { warnOfMissingGlyphs } from '../missing-glyphs.js';
import { warnOfUnusedTerms } from '../unused-terms.js';
import { withPrinterStarting } from '../pdf-printer.js';
import { fileSlug } from '../../compiler/render/slug.js';
import { ownValue, setOwnValue } from '../../language/model/own-keys.js';

export { fileSlug };

/** The flags of `slac compile` that a portfolio uses. */
export interface PortfolioCompileFlags {
  output?: string;
  format: DocumentFormat;
  params: Record<string, string>;
  final: boolean;
  paper: Paper;
  allowImportOutside: boolean;
}

/** One document to write: a client (or `others`) and its file name. */
interface ClientDocument {
  client: string;
  member: PortfolioMemberModel;
  file: string;
}

/**
 * Whether the file declares a portfolio: one parse of that file alone, so
 * that an agreement's compile (and its early browser start) is unchanged.
 */
export function declaresPortfolio(entry: string): boolean {
  const text = nodeSourceHost.readFile(entry);
  return text !== undefined && portfolioOf(parseDocument(text, entry).document) !== undefined;
}

/**
 * `slac compile PORTFOLIO -o DIR`: one document per client into DIR
 * (default: a folder named after the portfolio file, beside it), named
 * after the client; `others`, when declared, as `others`. Each document has
 * that client's `with` params, and the --param values for params the
 * portfolio leaves unset.
 */
export async function compilePortfolio(entry: string, flags: PortfolioCompileFlags, context: CommandContext): Promise<void> {
  const shownEntry = printablePath(relative(context.io.cwd, entry));
  const folder = flags.output === undefined ? defaultFolder(entry, shownEntry) : resolve(context.io.cwd, flags.output);
  const shownFolder = printablePath(flags.output ?? relative(context.io.cwd, folder));
  refuseFileAsFolder(
    folder,
    flags.output === undefined
      ? `${shownFolder}, the folder the documents of ${shownEntry} go into without -o: it is a file; give -o a folder (slac compile ${shownEntry} -o FOLDER).`
      : `${shownFolder}: it is a file; a portfolio compiles to a folder, one document per client (give -o a folder).`,
  );
  await withPrinterStarting(flags.format === 'pdf', (launching) => writeDocuments(entry, folder, shownFolder, flags, context, launching));
}

async function writeDocuments(
  entry: string,
  folder: string,
  shownFolder: string,
  flags: PortfolioCompileFlags,
  context: CommandContext,
  launching: Promise<PdfPrinter | Error> | undefined,
): Promise<void> {
  const sources = new CliSources(entry, flags.allowImportOutside, context.io.cwd);
  const portfolio = loadPortfolioModel(entry, context, sources);
  if (!portfolio) return;
  checkParamFlags(portfolio, flags.params);
  warnOfUnusedParamFlags(portfolio, flags.params, context);
  const documents = clientDocuments(portfolio, folder, flags.format);
  const agreements = documents.map(({ member }) => ({ model: member.agreement, entry: resolve(dirname(entry), member.path) }));
  if (refuseOversizedProse(agreements, context)) return;
  const options = (member: PortfolioMemberModel): RenderOptions => ({ params: paramsFor(member, flags.params), final: flags.final, paper: flags.paper });
  // Every document is rendered (and its params checked) before any file is written.
  const rendered = documents.map((document) => ({ document, text: renderAgreement(document.member.agreement, options(document.member)) }));
  const inputs = new CommandInputs(sources.inputs());
  for (const { file } of documents) refuseOverwritingInput(file, file, inputs);
  refuseFoldersInTheWay(documents, shownFolder);
  warnOfUnusedTermsOnce(rendered.map(({ document, text }) => ({ model: document.member.agreement, entry: resolve(dirname(entry), document.member.path), document: text.document })), context);
  makeFolder(folder, shownFolder);
  for (const { document, text } of rendered) {
    if (launching) {
      const member = document.member;
      const agreement = resolve(dirname(entry), member.path);
      warnOfMissingGlyphs({ model: member.agreement, entry: agreement, html: text.html, params: options(member).params ?? {}, alsoSearch: [entry] }, context);
      const printer = await launching;
      if (printer instanceof Error) throw printer;
      writeOutputFile(document.file, document.file, (await compileAgreementPdf(document.member.agreement, { ...options(document.member), printer })).pdf);
    } else {
      writeOutputFile(document.file, document.file, flags.format === 'md' ? text.markdown : text.html);
    }
    context.io.stdout(`Wrote ${printableText(document.file)} (${printableText(document.client)})\n`);
  }
}

/**
 * SLA5005 once for each agreement file, however many clients use it: judged
 * on the first client's document, since the clients' params fill blanks,
 * not the places a defined term is used.
 */
function warnOfUnusedTermsOnce(documents: readonly Parameters<typeof warnOfUnusedTerms>[0][], context: CommandContext): void {
  const judged = new Set<string>();
  for (const document of documents) {
    if (judged.has(document.entry)) continue;
    judged.add(document.entry);
    warnOfUnusedTerms(document, context);
  }
}

function loadPortfolioModel(entry: string, context: CommandContext, sources: CliSources): PortfolioModel | undefined {
  const { model, diagnostics } = loadPortfolio(entry, sources.host);
  if (diagnostics.length > 0) {
    printDiagnostics(diagnostics, context.io, { format: 'text', cwd: context.io.cwd, readSource: (file) => nodeSourceHost.readFile(file), stream: 'stderr' });
  }
  if (!model || hasErrors(diagnostics)) {
    context.exitCode = 2;
    return undefined;
  }
  return model;
}

/**
 * The folder the documents go into without -o: the portfolio file's name
 * without `.sla`, beside it. A file with no .sla ending would give the file
 * itself, which is refused with what to do.
 */
function defaultFolder(entry: string, shown: string): string {
  const folder = join(dirname(entry), basename(entry).replace(/\.sla$/i, ''));
  if (folder === entry) {
    throw new UserError(
      `cannot write the documents of the portfolio ${shown}: without -o they go into a folder named after the file without its .sla ending, and ${shown} has none, so that folder would be the file itself; give -o a folder (slac compile ${shown} -o FOLDER), or name the file ${shown}.sla.`,
    );
  }
  return folder;
}

/** The documents' folder (given with -o, or the default): a file there is refused before any work, saying `what` after "cannot write into". */
function refuseFileAsFolder(folder: string, what: string): void {
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UserError(`cannot write into ${what}`);
}

/**
 * A folder where a document goes would fail that document's write after
 * the documents before it were written, leaving a mix of two sets: every
 * place is checked first.
 */
function refuseFoldersInTheWay(documents: readonly ClientDocument[], shownFolder: string): void {
  for (const { file, client } of documents) {
    if (!existsSync(file) || !statSync(file).isDirectory()) continue;
    const shown = printablePath(join(shownFolder, basename(file)));
    throw new UserError(`cannot write ${shown}, the document of client '${printableText(client)}': it is a folder; move it or give -o another folder. No document was written.`);
  }
}

function makeFolder(folder: string, shown: string): void {
  try {
    makeFolders(folder);
  } catch (error) {
    throw new UserError(`cannot create the folder ${shown}: ${describeWriteError(error)}.`);
  }
}

/** A --param must be a param of at least one agreement of the portfolio. */
function checkParamFlags(portfolio: PortfolioModel, params: Record<string, string>): void {
  const members = [...portfolio.clients, ...(portfolio.others ? [portfolio.others] : [])];
  const declared = new Set(members.flatMap((member) => member.agreement.params.map((param) => param.name)));
  for (const name of Object.keys(params)) {
    if (declared.has(name)) continue;
    const list = declared.size === 0 ? 'Its agreements declare no params.' : `Their params are: ${[...declared].join(', ')}.`;
    throw new UserError(`--param ${name}: no agreement of portfolio ${portfolio.name} declares a param named ${name}. ${list}`);
  }
}

/**
 * A --param that every client whose agreement declares it sets with `with`
 * fills no document (`paramsFor`): said on stderr, so that the user does
 * not take the documents to hold that value.
 */
function warnOfUnusedParamFlags(portfolio: PortfolioModel, params: Record<string, string>, context: CommandContext): void {
  const members = [...portfolio.clients, ...(portfolio.others ? [portfolio.others] : [])];
  for (const [name, value] of Object.entries(params)) {
    const used = members.some((member) => member.agreement.params.some((param) => param.name === name) && !Object.hasOwn(member.params, name));
    if (used) continue;
    context.io.stderr(`slac: warning: --param ${name}=${printableText(value)} is used in no document: every client whose agreement declares ${name} sets it with 'with' in portfolio ${portfolio.name}.
`);
  }
}

/** The client's `with` params, then the --param values for the other params its agreement declares. */
function paramsFor(member: PortfolioMemberModel, flags: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = { ...member.params };
  for (const param of member.agreement.params) {
    // Own keys only: `toString` or `constructor` is in every object (language/model/own-keys.ts).
    const value = ownValue(flags, param.name);
    if (value !== undefined && !Object.hasOwn(params, param.name)) setOwnValue(params, param.name, value);
  }
  return params;
}

const EXTENSIONS: Record<DocumentFormat, string> = { pdf: '.pdf', html: '.html', md: '.md' };

/** Clients in declaration order, then `others`; two names that give the same slug are told apart by a number. */
function clientDocuments(portfolio: PortfolioModel, folder: string, format: DocumentFormat): ClientDocument[] {
  const taken = new Set<string>();
  const unique = (stem: string): string => {
    let name = stem;
    for (let count = 2; taken.has(name); count++) name = `${stem}-${count}`;
    taken.add(name);
    return name;
  };
  if (portfolio.others) taken.add(OTHERS_CLIENT);
  const documents = portfolio.clients.map((client, index) => {
    const name = client.names[0] ?? '';
    return { client: name, member: client as PortfolioMemberModel, file: join(folder, unique(fileSlug(name) || `client-${index + 1}`) + EXTENSIONS[format]) };
  });
  if (portfolio.others) documents.push({ client: OTHERS_CLIENT, member: portfolio.others, file: join(folder, `${OTHERS_CLIENT}${EXTENSIONS[format]}`) });
  return documents;
}
