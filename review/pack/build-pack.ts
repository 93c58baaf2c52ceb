/**
 * The service review pack of one agreement (or one client of a portfolio):
 * its agenda, the notes split over it, the site's charts rendered to SVG,
 * and the page printed through the browser that prints `slac compile`'s
 * PDFs. The same figures, notes and agreement give the same bytes.
 */
import { createHash } from 'node:crypto';
import { documentFingerprint } from '../../compiler/document/fingerprint.js';
import type { PdfPrinter } from '../../compiler/pdf.js';
import type { Paper } from '../../compiler/render/style.js';
import { renderBarChartSvg } from '../charts/render-svg.js';
import type { AgreementFigures } from '../data/run-check.js';
import { packAgenda } from './agenda.js';
import { blockCharts } from './blocks.js';
import { readReviewNotes } from './notes.js';
import { packHtml, packTitle, periodText } from './pack-html.js';

/** The notes file: its text and its name as the user gave it. */
export interface NotesFile {
  markdown: string;
  shown: string;
}

export interface PackOptions {
  printer: PdfPrinter;
  notes?: NotesFile;
  /** The logs, as the user named them. */
  source: string;
  paper?: Paper;
}

/** A printed pack and the warnings its notes gave. */
export interface BuiltPack {
  pdf: Uint8Array;
  /** The page as it was printed (its last pass, with the page numbers): what the characters without a font are looked for in. */
  html: string;
  /** `notes.md:12: warning: ...` */
  warnings: string[];
  title: string;
}

/** Builds and prints one agreement's review pack. */
export async function buildReviewPack(figures: AgreementFigures, options: PackOptions): Promise<BuiltPack> {
  const { data, model } = figures;
  const agenda = packAgenda(model);
  const notes = options.notes === undefined ? undefined : readReviewNotes(options.notes.markdown, options.notes.shown, agenda.items);
  const blocks = [...agenda.items.flatMap((item) => item.blocks), ...agenda.unplaced];
  const svgs = new Map<string, string>();
  for (const chart of blocks.flatMap((block) => blockCharts(block, data))) {
    svgs.set(chart.id, await renderBarChartSvg(chart.input, { id: chart.id, title: chart.input.title, description: chart.input.description }));
  }
  const paper = options.paper ?? 'a4';
  const content = {
    figures,
    agenda,
    svgs,
    source: options.source,
    paper,
    ...(notes === undefined ? {} : { notes, notesFile: options.notes!.shown }),
  };
  const title = packTitle(data);
  const sourceHash = packFingerprint(figures, options.notes?.markdown);
  const agreement = model.agreement;
  let html = '';
  const printed = await options.printer.print((pages) => (html = packHtml(content, pages)), {
    paper,
    // Short enough for one line beside the page number; the cover says the rest.
    footer: { title: `Service review pack, ${periodText(data).replace(' (the whole log)', '')}`, sourceHash },
    metadata: {
      title,
      author: agreement?.provider?.kind === 'text' ? agreement.provider.text : '',
      subject: `Service review of ${data.title ?? data.agreement} for ${periodText(data)}, figures as of ${data.asOf}`,
      creator: 'slac report',
      // From the figures, never the clock: the same inputs print the same bytes.
      date: data.asOf.slice(0, 10),
    },
  });
  if (printed.blockedRequests.length > 0) throw new Error(`the review pack tried to load ${printed.blockedRequests.join(', ')}`);
  return { pdf: printed.pdf, html, warnings: notes?.warnings ?? [], title };
}

/**
 * What the footer's fingerprint identifies: the agreement's document
 * fingerprint, every figure the pack is made from and the notes.
 */
function packFingerprint(figures: AgreementFigures, notes: string | undefined): string {
  return createHash('sha256')
    // A portfolio client's document is compiled with its `with` values: the fingerprint printed on that document.
    .update(`slac-review-pack-1\n${documentFingerprint(figures.model, figures.params ?? {})}\n`)
    .update(JSON.stringify(figures.data))
    .update(`\n${notes ?? ''}`)
    .digest('hex');
}
