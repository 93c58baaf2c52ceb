/**
 * Reading and finishing the PDF Chromium prints, with pdf-lib: where each
 * heading landed (from the outline Chromium writes for a tagged PDF), and
 * the document information a reader's viewer shows (title, author...).
 * No browser here: pdf.ts prints, this module edits bytes.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { headingSlug } from './render/slug.js';

/** The document information dictionary of the PDF. */
export interface PdfMetadata {
  title: string;
  /** The Provider, who issues the document. */
  author: string;
  subject: string;
  /** The program that made the document (`slac compile`); the Producer is always `slac`. */
  creator: string;
  /** Creation and modification date, from the sources (never the clock), `YYYY-MM-DD`. */
  date: string;
}

export const PDF_PRODUCER = 'slac';

/**
 * The page (1-based) each heading is printed on, by the heading's id (its
 * slug, as `render/slug.ts` makes it from the heading text). Read from the
 * outline, whose entries Chromium makes from the headings and points at
 * their pages, so this is where the heading really is, not an estimate.
 */
export async function headingPages(pdf: Uint8Array, headings: readonly string[]): Promise<Map<string, number>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pages = new Map<string, number>();
  for (const entry of outlineEntries(document)) {
    const page = pageNumbers.get(entry.page.toString());
    const id = headingSlug(headingOf(entry.title, headings) ?? entry.title);
    if (page !== undefined && !pages.has(id)) pages.set(id, page);
  }
  return pages;
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * The heading a bookmark title stands for. Chromium builds the title from
 * the heading's line boxes: it drops the space where a long heading wraps
 * (`ServiceReview`) and repeats the text once per layout fragment when the
 * heading was pushed to the next page (`4. Channels4. Channels`).
 */
function headingOf(title: string, headings: readonly string[]): string | undefined {
  const wanted = squeeze(title);
  const once = /^(.+?)\1+$/s.exec(wanted)?.[1] ?? wanted;
  return headings.find((heading) => squeeze(heading) === wanted) ?? headings.find((heading) => squeeze(heading) === once);
}

/** One bookmark of the PDF: its title, depth (0 for the document title) and the page it points at. */
export interface OutlineEntry {
  title: string;
  depth: number;
  page: PDFRef;
  /** The outline item itself, to correct its title. */
  item: PDFDict;
}

/** The bookmarks in document order. */
export function outlineEntries(document: PDFDocument): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const page = destination?.get(0);
      if (page instanceof PDFRef) entries.push({ title, depth, page, item });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return entries;
}

/** `YYYY-MM-DD` as a Date at midnight UTC, the form pdf-lib writes. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * Replaces the document information Chromium wrote (its user agent as
 * Creator, Skia as Producer, the print time) with the agreement's, and
 * gives each bookmark its heading's exact text (see `headingOf`). The
 * outline, the structure tree of the tagged PDF and every page object are
 * kept as they are; objects are written uncompressed, in order, so the same
 * input gives the same bytes.
 */
export async function finishPdf(pdf: Uint8Array, metadata: PdfMetadata, headings: readonly string[]): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const entry of outlineEntries(document)) {
    const heading = headingOf(entry.title, headings);
    if (heading !== undefined && heading !== entry.title) entry.item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
  }
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setCreator(metadata.creator);
  document.setProducer(PDF_PRODUCER);
  document.setCreationDate(utcDate(metadata.date));
  document.setModificationDate(utcDate(metadata.date));
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}
