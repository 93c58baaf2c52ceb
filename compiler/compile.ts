import type { AgreementModel } from '../language/model/model.js';
import { unfilledParams } from './document/context.js';
import { buildAgreementDocument } from './document/build.js';
import type { AgreementDocument } from './document/document.js';
import { CompileError } from './errors.js';
import { checkDocumentSize } from './document-limits.js';
import type { PdfPrinter, PrintResult } from './pdf.js';
import { pdfMetadataOf } from './pdf-metadata.js';
import type { BrowserSearch } from './browser-path.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import type { Paper } from './render/style.js';

export type DocumentFormat = 'pdf' | 'html' | 'md';

export interface RenderOptions {
  /** Values for the agreement's params, by name. */
  params?: Readonly<Record<string, string>>;
  /** Refuse to build while a param is unfilled (a copy for signature). */
  final?: boolean;
  paper?: Paper;
}

/** The agreement in its text forms; the PDF is printed from `html`. */
export interface RenderedAgreement {
  document: AgreementDocument;
  markdown: string;
  html: string;
  /** Some param is blank: the document is a draft and says so on every page. */
  draft: boolean;
}

/**
 * Checks the params given against those the agreement declares: an unknown
 * name is an error that lists the known ones; with `final`, so is any param
 * left unfilled.
 */
export function checkParams(model: AgreementModel, params: Readonly<Record<string, string>>, final: boolean): void {
  const known = model.params.map((param) => param.name);
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) {
      const list = known.length === 0 ? 'This agreement declares no params.' : `Its params are: ${known.join(', ')}.`;
      throw new CompileError(`--param ${name}: the agreement declares no param named ${name}. ${list}`);
    }
  }
  if (!final) return;
  const unfilled = unfilledParams(model, params);
  if (unfilled.length > 0) {
    const given = unfilled.map((name) => `--param ${name}=...`).join(' ');
    throw new CompileError(
      `--final needs every param filled in; ${unfilled.length === 1 ? 'this one is' : 'these are'} still blank: ${unfilled.join(', ')}. Give ${given}.`,
    );
  }
}

/** Model to Markdown and HTML. Pure: the same model and params give the same text. */
export function renderAgreement(model: AgreementModel, options: RenderOptions = {}): RenderedAgreement {
  if (!model.agreement) throw new CompileError('This model has no agreement block to compile.');
  checkDocumentSize(model);
  const params = options.params ?? {};
  checkParams(model, params, options.final ?? false);
  const document = buildAgreementDocument(model, params);
  const markdown = renderMarkdown(document);
  const draft = unfilledParams(model, params).length > 0;
  const html = renderHtml(markdown, { title: document.title, paper: options.paper ?? 'a4', draft });
  return { document, markdown, html, draft };
}

export interface PdfOptions extends RenderOptions {
  /** A browser already launched (tests and batch builds share one); otherwise one is launched and closed. */
  printer?: PdfPrinter;
  browserSearch?: BrowserSearch;
}

/** Model to PDF bytes (deterministic), with the requests the page tried to make. */
export async function compileAgreementPdf(model: AgreementModel, options: PdfOptions = {}): Promise<PrintResult & RenderedAgreement> {
  const rendered = renderAgreement(model, options);
  // puppeteer is loaded only when a PDF is printed, so no other command pays for it.
  const printer = options.printer ?? (await (await import('./pdf.js')).launchPdfPrinter(options.browserSearch));
  try {
    const paper = options.paper ?? 'a4';
    // The printed page embeds the font and shows the page of each section in the contents.
    const paged = (contentsPages: ReadonlyMap<string, number>): string =>
      renderHtml(rendered.markdown, { title: rendered.document.title, paper, draft: rendered.draft, contentsPages, embedFonts: true });
    const metadata = pdfMetadataOf(model, rendered.document, options.params ?? {});
    const printed = await printer.print(paged, { paper, footer: rendered.document.footer, metadata });
    return { ...rendered, ...printed };
  } finally {
    if (!options.printer) await printer.close();
  }
}
