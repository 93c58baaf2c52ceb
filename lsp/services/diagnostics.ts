import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';
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
  return analysis.diagnostics.filter((d) => d.file === file).map((d) => toLspDiagnostic(d, uriOf));
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
  return result;
}
