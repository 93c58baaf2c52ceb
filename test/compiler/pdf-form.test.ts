import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileAgreementPdf, launchPdfPrinter, type PdfPrinter } from '../../compiler/index.js';
import { outlineEntries } from '../../compiler/pdf-document.js';
import { EXAMPLES, loadModel } from './helpers.js';
import { pageTexts, pdfFile, pdfFonts, pdfInfo, watermarkedPages } from './pdf-tools.js';
import { pdfTerms, undefinedUses, unusedDefinitions } from './terms.js';
import { calendarTerm } from '../../compiler/document/context.js';

// The form of the printed document (issue 9): defined terms that hold in
// the text as printed, contents with page numbers that hold, a bookmark per heading, a tagged PDF, metadata from the
// sources, the bundled font, and a DRAFT watermark exactly on drafts.

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await launchPdfPrinter();
});
afterAll(async () => {
  await printer?.close();
});

/** The contents entries of the Markdown, `1. Purpose`…: the headings the TOC must number. */
function contentsEntries(markdown: string): string[] {
  const list = markdown.split('\n## Contents\n\n')[1]!.split('\n\n')[0]!;
  return list.split('\n').map((line) => /^- \[(.*)\]\(#[^)]*\)$/.exec(line)![1]!.replace(/\\(.)/g, '$1'));
}

/** Every heading below the title, as Markdown writes it (`## 3. Service Hours`, `### 3.2 Office Hours`). */
function headings(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,6} (.+)$/gm)].map((match) => match[1]!.replace(/\\(.)/g, '$1')).filter((text) => text !== 'Contents');
}

const lines = (page: string): string[] => page.split('\n').map((line) => line.trim());

describe.each(EXAMPLES)('the printed form of $name', ({ name, file }) => {
  const model = loadModel(file);
  let pages: string[] = [];
  let info: Record<string, string> = {};
  let markdown = '';
  let pdfPath = '';
  let pdf: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    const result = await compileAgreementPdf(model, { printer });
    expect(result.blockedRequests).toEqual([]);
    pdf = result.pdf;
    markdown = result.markdown;
    pdfPath = pdfFile(pdf);
    pages = pageTexts(pdfPath);
    info = pdfInfo(pdfPath);
  });

  test('every defined term is used, and every term used is defined, in the printed text', () => {
    const terms = pdfTerms(pages.join('\n'));
    expect(terms.defined.length).toBeGreaterThan(3);
    expect(unusedDefinitions(terms)).toEqual([]);
    expect(undefinedUses(terms, model.calendars.map((candidate) => calendarTerm(candidate.name)))).toEqual([]);
  });

  test('the contents give each section the page its heading is printed on', () => {
    const entries = contentsEntries(markdown);
    expect(entries.length).toBeGreaterThan(5);
    const contentsPage = pages.findIndex((page) => lines(page).includes('Contents'));
    expect(contentsPage).toBeGreaterThanOrEqual(0);
    const contents = lines(pages.slice(contentsPage).join('\n'));
    for (const entry of entries) {
      const line = contents.find((candidate) => candidate.startsWith(`${entry} `) && /\s\d+$/.test(candidate));
      expect(line, `no contents line for ${entry}`).toBeDefined();
      const page = Number(/(\d+)$/.exec(line!)![1]);
      // The heading stands alone on its line on that page, and on no earlier page.
      const printedOn = pages.findIndex((text) => lines(text).includes(entry)) + 1;
      expect(printedOn, `${entry} is listed on page ${page}`).toBe(page);
    }
  });

  test('has a bookmark for every heading, pointing at the page the heading is on', async () => {
    const document = await PDFDocument.load(pdf);
    const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
    const bookmarks = outlineEntries(document).map((entry) => ({ ...entry, pageNumber: pageNumbers.get(entry.page.toString()) }));
    expect(bookmarks[0]).toMatchObject({ title: model.agreement!.title ?? model.agreement!.name, depth: 0 });
    for (const heading of headings(markdown)) {
      const bookmark = bookmarks.find((entry) => entry.title === heading);
      expect(bookmark, `no bookmark for ${heading}`).toBeDefined();
      expect(lines(pages[bookmark!.pageNumber! - 1]!)).toContain(heading);
    }
    const sections = bookmarks.filter((entry) => entry.depth === 1 && entry.title !== 'Contents').map((entry) => entry.title);
    expect(sections).toEqual(contentsEntries(markdown));
  });

  test('is tagged and carries the agreement’s metadata, dated from its sources', () => {
    const agreement = model.agreement!;
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(agreement.title ?? agreement.name);
    const provider = agreement.provider!;
    const providerName = provider.kind === 'text' ? provider.text : model.params.find((param) => param.name === provider.param)!.placeholder;
    expect(info['Author']).toBe(providerName);
    expect(info['Subject']).toContain(`Service level agreement between ${providerName} and `);
    expect(info['Producer']).toBe('slac');
    expect(info['Creator']).toBe('slac compile');
    expect(info['CreationDate']).toBe(`${agreement.effective}T00:00:00Z`);
    expect(info['ModDate']).toBe(`${agreement.effective}T00:00:00Z`);
  });

  test('is set in the bundled font, embedded, and in no other', () => {
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/^SourceSerif4-(Regular|Bold|Italic|BoldItalic)$/);
    }
  });

  test('is marked DRAFT on every page exactly when a param is left blank, and the mark is no text', () => {
    const draft = model.params.length > 0;
    expect(watermarkedPages(pdfPath)).toEqual(pages.map(() => draft));
    expect(name === 'finance' || name === 'hr' ? !draft : draft).toBe(true);
    for (const page of pages) expect(page).not.toMatch(/DRAFT|^[DRAFT]$/m);
  });
});

describe('a final document', () => {
  const hosting = loadModel(EXAMPLES[1].file);
  const params = Object.fromEntries(hosting.params.map((param) => [param.name, 'Acme Ltd']));

  test('has no watermark, names the client in its subject, and prints the same bytes twice', async () => {
    const first = await compileAgreementPdf(hosting, { printer, params, final: true });
    const second = await compileAgreementPdf(hosting, { printer, params, final: true });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
    const path = pdfFile(first.pdf);
    expect(watermarkedPages(path)).toEqual(pageTexts(path).map(() => false));
    expect(pdfInfo(path)['Subject']).toBe('Service level agreement between Northwind Hosting GmbH and Acme Ltd, version 2.3');
  });

  test('a draft prints the same bytes twice too', async () => {
    const first = await compileAgreementPdf(hosting, { printer });
    const second = await compileAgreementPdf(hosting, { printer });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });
});

describe('the HTML and Markdown outputs', () => {
  const hosting = loadModel(EXAMPLES[1].file);

  test('have no page numbers and no embedded font; the HTML of a draft carries the watermark', async () => {
    const { renderAgreement } = await import('../../compiler/index.js');
    const rendered = renderAgreement(hosting);
    expect(rendered.html).not.toContain('class="contents-page"');
    expect(rendered.html).not.toContain('@font-face');
    expect(rendered.html).toContain('<div class="draft-watermark" aria-hidden="true"></div>');
    const final = renderAgreement(hosting, { params: { CustomerName: 'Acme Ltd' }, final: true });
    expect(final.html).not.toContain('class="draft-watermark"');
    expect(readFileSync(EXAMPLES[1].file, 'utf8')).toContain('param CustomerName');
  });
});
