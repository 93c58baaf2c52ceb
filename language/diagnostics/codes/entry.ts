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
  /**
   * The text it points at changes nothing, in the document or in `slac
   * check` (a pause that stops no clock, an import a portfolio never
   * uses): editors show it faded, as unused code (LSP's
   * `DiagnosticTag.Unnecessary`). Not for text the document still prints,
   * such as an unused calendar's definition (SLA3052).
   */
  noEffect?: true;
}
