import type { DiagnosticSeverity } from '../diagnostic.js';

/**
 * One message of the catalogue. `code` is stable forever: once released, a
 * code is never reused for another meaning. `message` is a template whose
 * `{placeholders}` are filled by `createDiagnostic`.
 */
export interface CatalogueEntry {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  /** One or two plain sentences for the documentation and hovers. */
  explanation: string;
}
