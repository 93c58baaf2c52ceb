import { bind } from '../binder/index.js';
import type { SymbolIndex } from '../binder/symbols.js';
import { check } from '../checker/index.js';
import { createDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildAgreementModel } from '../model/build.js';
import type { AgreementModel } from '../model/model.js';
import type { ParseResult } from '../parser/index.js';
import { loadFiles, type LoadedFiles } from './load-files.js';
import { blameMergeProblems } from './merge-errors.js';
import { absoluteFile, isSlaPath, resolveImport } from './paths.js';
import type { ParseCache } from './parse-cache.js';
import { nodeSourceHost, type SourceHost } from './source-host.js';

/** Everything known about an entry file and the files it imports. */
export interface Analysis {
  /** Absolute path (or URI) of the entry file. */
  entry: string;
  /** The entry file and every file reached through imports, parsed once each. */
  files: Map<string, ParseResult>;
  /** The text of each file in `files`. */
  texts: Map<string, string>;
  /** Every file's diagnostics, sorted. */
  diagnostics: Diagnostic[];
  symbols: SymbolIndex;
  /** The checked model; present when there is no error (warnings allowed). */
  model?: AgreementModel;
  /**
   * For a portfolio file analysed by `analyzeWithPortfolio`: the analysis of
   * each agreement file its lines use (and it may read), by absolute file.
   */
  portfolioMembers?: ReadonlyMap<string, Analysis>;
}

/** How `analyze` may save work between calls. */
export interface AnalyzeOptions {
  /** Reuse the parse of every file whose text is unchanged since the cache last saw it. */
  parseCache?: ParseCache;
}

/**
 * Loads, parses, binds and checks an entry file with its imports, and builds
 * the model when nothing is wrong. Never throws on any input: a failure of
 * the analysis itself would be a bug, but it still comes back as an analysis.
 */
export function analyze(entry: string, host: SourceHost = nodeSourceHost, options: AnalyzeOptions = {}): Analysis {
  const file = absoluteFile(entry);
  const cache = options.parseCache;
  const loaded = loadFiles(file, host, cache ? (text, name) => cache.parse(text, name) : undefined);
  const bound = bind(loaded);
  const diagnostics = firstErrorOfBrokenImports(loaded, [
    ...loaded.diagnostics,
    ...[...loaded.files.values()].flatMap((source) => source.parse.diagnostics ?? []),
    ...bound.diagnostics,
    ...blameMergeProblems(loaded, bound, check(loaded, bound)),
    ...unusablePortfolioFiles(loaded, host),
  ]);
  for (const diagnostic of importedErrors(loaded, diagnostics)) diagnostics.push(diagnostic); // not push(...): there may be 100,000
  const analysis: Analysis = {
    entry: file,
    files: new Map([...loaded.files].map(([name, source]) => [name, source.parse])),
    texts: new Map([...loaded.files].map(([name, source]) => [name, source.text])),
    diagnostics: sortDiagnostics(diagnostics),
    symbols: bound.symbols,
  };
  if (!hasErrors(diagnostics) && loaded.files.has(file)) {
    // Built on first read: the language server re-analyses on every edit for
    // diagnostics, and only hovers need the model.
    let model: AgreementModel | undefined;
    Object.defineProperty(analysis, 'model', {
      enumerable: true,
      configurable: true,
      get: () => (model ??= buildAgreementModel(loaded, bound.entryScope)),
      set: (value: AgreementModel) => void (model = value),
    });
  }
  return analysis;
}

/**
 * An imported file that does not parse as `.sla` may not be one at all (a
 * secret renamed, a link): only its first syntax error is kept, so that
 * error output never quotes more than one of its lines.
 */
function firstErrorOfBrokenImports(loaded: LoadedFiles, diagnostics: Diagnostic[]): Diagnostic[] {
  const firstErrors = new Map<string, Diagnostic>();
  for (const [file, source] of loaded.files) {
    const first = file === loaded.entry ? undefined : firstSyntaxError(source.parse);
    if (first) firstErrors.set(file, first);
  }
  if (firstErrors.size === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => !firstErrors.has(diagnostic.file) || firstErrors.get(diagnostic.file) === diagnostic);
}

function firstSyntaxError(parse: ParseResult | undefined): Diagnostic | undefined {
  return parse?.diagnostics?.find((d) => d.severity === 'error');
}

/**
 * The diagnostics of an analysis as a file that uses its entry shows them
 * (a portfolio line): when the entry does not parse as `.sla`, only its
 * first syntax error, as for an imported file (`firstErrorOfBrokenImports`).
 */
export function diagnosticsOfUsedFile(analysis: Analysis): Diagnostic[] {
  const first = firstSyntaxError(analysis.files.get(analysis.entry));
  if (!first) return analysis.diagnostics;
  return analysis.diagnostics.filter((diagnostic) => diagnostic.file !== analysis.entry || diagnostic === first);
}

/**
 * At each import of a file with errors, say so (SLA2008), so the importing
 * file shows it too. Imported files come first in `order`, so a problem two
 * imports away is counted at every import on the way.
 */
function importedErrors(loaded: LoadedFiles, diagnostics: Diagnostic[]): Diagnostic[] {
  const errorsPerFile = new Map<string, number>();
  const countError = (file: string): void => void errorsPerFile.set(file, (errorsPerFile.get(file) ?? 0) + 1);
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') countError(diagnostic.file);
  const found: Diagnostic[] = [];
  for (const file of loaded.order) {
    for (const imported of loaded.files.get(file)?.imports ?? []) {
      const count = imported.target ? errorsPerFile.get(imported.target) : undefined;
      const path = imported.declaration.path;
      if (!count || !path) continue;
      found.push(createDiagnostic('SLA2008', file, path.range, { path: path.value, count }));
      countError(file);
    }
  }
  return found;
}

/**
 * Each portfolio path that is not a .sla file (SLA2021, never opened, as
 * an import would not be) or that names no file (SLA2014), at the path.
 */
function unusablePortfolioFiles(loaded: LoadedFiles, host: SourceHost): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [file, source] of loaded.files) {
    for (const declaration of source.parse.document?.declarations ?? []) {
      if (declaration?.kind !== 'Portfolio') continue;
      for (const entry of declaration.entries ?? []) {
        const path = entry?.path;
        if (path && !isSlaPath(path.value)) {
          found.push(createDiagnostic('SLA2021', file, path.range, { path: path.value }));
          continue;
        }
        const target = path && resolveImport(file, path.value);
        if (path && target && host.readFile(target) === undefined) {
          const reason = host.unreadableReason?.(target) ?? 'it does not exist or cannot be read';
          found.push(createDiagnostic('SLA2014', file, path.range, { path: path.value, reason }));
        }
      }
    }
  }
  return found;
}

/** The checked model of an entry file, or the diagnostics that prevent it. */
export function loadAgreementModel(
  entry: string,
  host: SourceHost = nodeSourceHost,
): { model?: AgreementModel; diagnostics: Diagnostic[] } {
  const { model, diagnostics } = analyze(entry, host);
  return model ? { model, diagnostics } : { diagnostics };
}
