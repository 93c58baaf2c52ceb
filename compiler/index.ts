/** The compiler: the agreement as Markdown, HTML and PDF, from the checked model. */
export {
  checkParams,
  compileAgreementPdf,
  renderAgreement,
  type DocumentFormat,
  type PdfOptions,
  type RenderOptions,
  type RenderedAgreement,
} from './compile.js';
export { buildAgreementDocument } from './document/build.js';
export type { AgreementDocument, Block, Section, Span } from './document/document.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export type { Paper } from './render/style.js';
export { launchPdfPrinter, type PdfPrinter, type PrintResult } from './pdf.js';
export { findBrowser, USUAL_BROWSER_PATHS, type BrowserSearch } from './browser-path.js';
export { makePdfDeterministic } from './pdf-determinism.js';
export { CompileError } from './errors.js';
export { emitEvaluatorModule, emitModelJson } from './emit/index.js';
