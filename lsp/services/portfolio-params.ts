import type { PortfolioEntry, PortfolioParam } from '../../language/syntax/ast.js';
import type { Position, Range } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { resolveImport } from '../../language/workspace/paths.js';
import type { ServiceDocument } from './document.js';
import { portfolioOf, type Analysis, type DeclarationSymbol } from './language.js';
import { declarationKey, occurrences, overrideFamily, symbolAt, type SymbolAtCursor } from './symbol-at.js';

// A portfolio's `with NAME "value"` names a param of another file, the
// agreement its line uses, so the binder (which sees one entry file and its
// imports) does not make it a reference: navigation finds it here, through
// the analyses of the agreements the portfolio's analysis read.

/** A name under the cursor; `filledParam` on a portfolio's `with NAME`, whose param only the agreement's analysis has. */
export type NameAtCursor = SymbolAtCursor & { filledParam?: true };

/**
 * The declared name under the cursor, or a resolved reference to one, as
 * `symbolAt`; on a portfolio's `with NAME`, the param of the used agreement
 * it fills (declared in that agreement or a file it imports).
 */
export function nameAt(document: ServiceDocument, position: Position): NameAtCursor | undefined {
  return symbolAt(document, position) ?? filledParamAt(document, position);
}

/** The analyses of the documents (open or not) that read a file, that file's own first. */
export type ReadersOf = (file: string) => Analysis[];

/**
 * The analyses references and rename look through: this document's, those
 * of the files reading it, and those of the files reading each file that
 * declares the name or an override of it: asked from one importer of a file,
 * the other importers name it too. From a portfolio's `with NAME` that is
 * the agreement file declaring the param (its own analysis, the other
 * portfolios using it), so that both ends give the same answer.
 */
export function analysesAround(document: ServiceDocument, found: NameAtCursor, readersOf: ReadersOf): Analysis[] {
  const declaringFiles = new Set(overrideFamily(found.declaration).map((declaration) => declaration.file));
  declaringFiles.delete(document.file);
  const around = [document.analysis, ...readersOf(document.file), ...[...declaringFiles].flatMap(readersOf)];
  return [...new Set(around)];
}

/** `occurrences`, and the portfolios' `with` lines that fill a param among `declarations`, without repeats. */
export function namings(analyses: Analysis[], declarations: DeclarationSymbol[], includeDeclarations: boolean): { file: string; range: Range }[] {
  const found = occurrences(analyses, declarations, includeDeclarations);
  const seen = new Set(found.map(placeKey));
  for (const use of filledParamUses(analyses, declarations)) {
    if (seen.has(placeKey(use))) continue;
    seen.add(placeKey(use));
    found.push(use);
  }
  return found;
}

function placeKey({ file, range }: { file: string; range: Range }): string {
  return `${file}|${range.start.line}:${range.start.character}`;
}

function filledParamAt(document: ServiceDocument, position: Position): NameAtCursor | undefined {
  for (const { entry, given } of filledParams(document.analysis)) {
    if (!given.param || !rangeContains(given.param.range, position)) continue;
    const declaration = paramFilled(document.analysis, entry, given);
    return declaration && { declaration, range: given.param.range, isDeclaration: false, filledParam: true };
  }
  return undefined;
}

/**
 * Every `with NAME` of the portfolios among `analyses` that fills one of
 * `params` (compared by `declarationKey`, since each analysis has its own
 * symbols), as a place in the portfolio file.
 */
function filledParamUses(analyses: Analysis[], params: DeclarationSymbol[]): { file: string; range: Range }[] {
  const wanted = new Set(params.map(declarationKey));
  const found: { file: string; range: Range }[] = [];
  for (const analysis of new Set(analyses)) {
    for (const { entry, given } of filledParams(analysis)) {
      const param = paramFilled(analysis, entry, given);
      if (param && given.param && wanted.has(declarationKey(param))) found.push({ file: analysis.entry, range: given.param.range });
    }
  }
  return found;
}

/** The `with` lines of the portfolio an analysis' entry file declares, each with its portfolio line. */
function filledParams(analysis: Analysis): { entry: PortfolioEntry; given: PortfolioParam }[] {
  const portfolio = portfolioOf(analysis.files.get(analysis.entry)?.document);
  return (portfolio?.entries ?? []).flatMap((entry) => (entry?.params ?? []).filter((given) => given?.param).map((given) => ({ entry, given })));
}

/** The param a `with` line fills, as the agreement its line uses sees it (declared there or imported). */
function paramFilled(portfolio: Analysis, entry: PortfolioEntry, given: PortfolioParam): DeclarationSymbol | undefined {
  if (!entry.path || !given.param) return undefined;
  const agreement = resolveImport(portfolio.entry, entry.path.value);
  const member = portfolio.portfolioMembers?.get(agreement);
  return member?.symbols.visibleDeclarations(agreement, 'param').find((param) => param.name === given.param!.text);
}
