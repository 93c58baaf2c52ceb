import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { unusedTermDiagnosticsOfModel } from '../../compiler/unused-terms.js';
import { pointsAtNoEffect } from '../../language/diagnostics/catalogue.js';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';
import { pathFromEntry, resolveImport } from '../../language/workspace/paths.js';
import type { Analysis } from './language.js';

const severities: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * The diagnostics of `file` in the analysis that has it as its entry: the
 * same codes, ranges and messages `slac validate FILE` prints, as LSP
 * diagnostics. `uriOf` turns a file name into the URI the client knows.
 */
export function diagnosticsFor(analysis: Analysis, file: string, uriOf: (file: string) => string): LspDiagnostic[] {
  const terms = termWarnings(analysis);
  return [...analysis.diagnostics, ...terms]
    .filter((d) => d.file === file)
    .map((d) => (d.code === 'SLA2008' ? withImportedErrors(d, analysis) : d))
    .concat(importedTermWarnings(terms, analysis, file))
    .map((d) => toLspDiagnostic(d, uriOf));
}

/**
 * SLA5005, as `slac validate` gives it: an author's term the document would
 * define and never use, judged on the editor's texts. Only an agreement
 * without errors has a model to judge.
 */
function termWarnings(analysis: Analysis): Diagnostic[] {
  if (!analysis.model) return [];
  // The analysis has parsed every file it read: the term declarations are found in those parses.
  return unusedTermDiagnosticsOfModel(analysis.model, analysis.entry, (file) => analysis.texts.get(file), (file) => analysis.files.get(file));
}

/**
 * SLA5005 of a term that a shared file declares. The editor shows the
 * diagnostics of the file it asked about, and the shared file alone has no
 * agreement to judge its terms by, so the warning goes to the agreement's
 * `import` that brings the term (directly or through other imports), naming
 * the term's file and line, with the term itself as related information.
 */
function importedTermWarnings(warnings: readonly Diagnostic[], analysis: Analysis, file: string): Diagnostic[] {
  return warnings.flatMap((warning) => {
    if (warning.file === file) return [];
    const through = importsOf(analysis, file).find((imported) => reaches(analysis, imported.file, warning.file, new Set()));
    if (!through) return [];
    const where = `${pathFromEntry(file, warning.file)}, line ${warning.range.start.line + 1}`;
    const related = [...(warning.related ?? []), { file: warning.file, range: warning.range, message: warning.message }];
    return [{ ...warning, file, range: through.range, message: `${where}: ${warning.message}`, related }];
  });
}

/** The files `file` imports, each with the range of its path in `file`. */
function importsOf(analysis: Analysis, file: string): { file: string; range: Diagnostic['range'] }[] {
  return (analysis.files.get(file)?.document?.declarations ?? []).flatMap((d) =>
    d?.kind === 'Import' && d.path ? [{ file: resolveImport(file, d.path.value), range: d.path.range }] : [],
  );
}

/** Whether `target` is `from` or imported by it, directly or in turn. */
function reaches(analysis: Analysis, from: string, target: string, seen: Set<string>): boolean {
  if (from === target) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return importsOf(analysis, from).some((imported) => reaches(analysis, imported.file, target, seen));
}

/** At most this many of an imported file's errors are listed under its SLA2008. */
const MAX_IMPORTED_ERRORS = 20;

/**
 * SLA2008 says that an imported file has errors, but the editor shows only
 * the diagnostics of the file it asked about: the errors themselves
 * (file:line and message) go with it as related information, also those of
 * files imported in turn, so they are seen without opening each file.
 */
function withImportedErrors(diagnostic: Diagnostic, analysis: Analysis): Diagnostic {
  const related: NonNullable<Diagnostic['related']> = [];
  const seen = new Set<string>();
  const collect = (importing: string, at: Diagnostic['range']): void => {
    const imported = importedFileAt(analysis, importing, at);
    if (imported === undefined || seen.has(imported)) return;
    seen.add(imported);
    for (const error of analysis.diagnostics.filter((d) => d.file === imported && d.severity === 'error')) {
      if (related.length >= MAX_IMPORTED_ERRORS) return;
      if (error.code === 'SLA2008') collect(imported, error.range);
      else related.push({ file: imported, range: error.range, message: `${error.code} ${error.message}` });
    }
  };
  collect(diagnostic.file, diagnostic.range);
  return related.length ? { ...diagnostic, related: [...(diagnostic.related ?? []), ...related] } : diagnostic;
}

/** The file of the `import` whose path is at `range` in `file`. */
function importedFileAt(analysis: Analysis, file: string, range: Diagnostic['range']): string | undefined {
  return importsOf(analysis, file).find((imported) => sameRange(imported.range, range))?.file;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One slac diagnostic as an LSP diagnostic; `data` keeps the quick-fix facts. */
export function toLspDiagnostic(diagnostic: Diagnostic, uriOf: (file: string) => string): LspDiagnostic {
  const result: LspDiagnostic = {
    range: diagnostic.range,
    severity: severities[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.code,
    source: 'slac',
    message: diagnostic.message,
  };
  if (diagnostic.related?.length) {
    result.relatedInformation = diagnostic.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: uriOf(related.file), range: related.range },
        message: related.message,
      }),
    );
  }
  if (diagnostic.data) result.data = diagnostic.data;
  // Text that changes nothing is shown faded, as unused code is.
  if (pointsAtNoEffect(diagnostic.code)) result.tags = [DiagnosticTag.Unnecessary];
  return result;
}
