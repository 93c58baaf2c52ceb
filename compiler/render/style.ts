import { BODY_FONT_FAMILY } from './fonts.js';

export type Paper = 'a4' | 'letter';

/** Page margins; the bottom one leaves room for the footer Chromium prints. */
export const PAGE_MARGINS = { top: '22mm', right: '20mm', bottom: '24mm', left: '20mm' } as const;

/** The body font first (bundled, see `fonts.ts`), then serifs most machines have. */
export const FONT_STACK = `"${BODY_FONT_FAMILY}", "Times New Roman", "Liberation Serif", "DejaVu Serif", Georgia, serif`;

/**
 * The word DRAFT drawn as strokes, not set as text: a watermark in text
 * would be read out by screen readers and copied, and pdftotext would mix
 * its letters into the sentences it crosses.
 */
const DRAFT_STROKES = [
  'M0 100V0h35c60 0 60 100 0 100z', // D
  'M110 100V0h40c40 0 40 50 0 50h-40M150 50l35 50', // R
  'M215 100l40-100 40 100M230 62h50', // A
  'M390 0h-65v100M325 48h55', // F
  'M410 0h90M455 0v100', // T
].join('');
const DRAFT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -10 520 120"><path d="${DRAFT_STROKES}" fill="none" stroke="#aa0000" stroke-opacity="0.14" stroke-width="14" stroke-linejoin="round" stroke-linecap="round"/></svg>`;
/** The watermark as a data: URL, which the print page may load (see `compiler/pdf.ts`). */
export const DRAFT_WATERMARK = `data:image/svg+xml,${encodeURIComponent(DRAFT_SVG)}`;

/**
 * The print stylesheet: a serif body like a drafted contract, set ragged
 * right (Chromium hyphenates only with dictionaries it downloads, so
 * justified text would leave wide gaps and vary by machine); tables whose
 * header repeats on every page, whose rows never split and which stay on one
 * page when they have 12 rows or fewer; headings kept with what follows
 * them; clause numbers in the margin; highlighted blanks; a DRAFT watermark;
 * a word too long for its line or cell (a support URL, a company name with
 * no spaces) broken where it must be, never cut off at the page edge; and a
 * table whose words are too many for the page's width (marked `too-wide` by
 * the printer, see `compiler/pdf.ts`) set smaller, then in equal columns.
 */
export function printStylesheet(paper: Paper): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  const { top, right, bottom, left } = PAGE_MARGINS;
  return `@page { size: ${size}; margin: ${top} ${right} ${bottom} ${left}; }
html { font-family: ${FONT_STACK}; font-size: 11pt; line-height: 1.45; color: #111; }
body { margin: 0; }
main.agreement { max-width: 170mm; margin: 0 auto; overflow-wrap: break-word; }
@media screen { main.agreement { padding: 16mm 0; } }
h1, h2, h3, h4 { font-weight: bold; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 19pt; text-align: center; margin: 0 0 14pt; }
h2 { font-size: 13.5pt; margin: 20pt 0 6pt; border-bottom: 0.6pt solid #777; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 13pt 0 4pt; }
h4 { font-size: 11pt; margin: 10pt 0 4pt; font-style: italic; }
h2[id^="appendix-"] { break-before: page; page-break-before: always; }
h2#contents + ul { list-style: none; padding-left: 0; columns: 2; column-gap: 10mm; }
h2#contents + ul.paged { columns: 1; }
h2#contents + ul.paged li { display: flex; align-items: baseline; gap: 2mm; margin-bottom: 2pt; }
h2#contents + ul a { color: inherit; text-decoration: none; }
.contents-leader { flex: 1; border-bottom: 0.8pt dotted #999; }
.contents-page { min-width: 7mm; text-align: right; }
p:has(+ table), p:has(+ ul), p:has(+ ol) { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 7pt; text-align: left; hyphens: manual; orphans: 3; widows: 3; }
p.clause, li.clause { padding-left: 12mm; text-indent: -12mm; }
li.clause.part { padding-left: 20mm; text-indent: -8mm; }
.clause-number { display: inline-block; min-width: 12mm; text-indent: 0; font-weight: bold; }
li.part .clause-number { min-width: 8mm; font-weight: normal; }
ul:has(> li.clause), ol:has(> li.clause) { list-style: none; padding-left: 0; }
ul, ol { margin: 0 0 8pt; padding-left: 7mm; }
li { margin-bottom: 3pt; }
a { color: #1a3d6d; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 10pt; line-height: 1.3; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table { break-inside: avoid; page-break-inside: avoid; }
table:has(> tbody > tr:nth-child(13)) { break-inside: auto; page-break-inside: auto; }
th, td { border: 0.6pt solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
td.long-words { overflow-wrap: anywhere; }
table.too-wide { font-size: 8.5pt; }
table.too-wide th, table.too-wide td { padding: 2pt 3pt; }
table.too-wide.fixed { table-layout: fixed; }
table.too-wide.fixed th, table.too-wide.fixed td { overflow-wrap: anywhere; }
th { background: #ececec; font-weight: bold; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
.blank { background: #fff1a8; border: 0.8pt solid #b38f00; border-radius: 2pt; padding: 0 3pt; font-weight: bold; }
.blank-note { font-size: 8pt; font-style: italic; color: #6b5500; margin-left: 3pt; }
h2[id$="-signatures"] + p { break-after: avoid; page-break-after: avoid; }
h2[id$="-signatures"] + p + table { break-inside: avoid; page-break-inside: avoid; table-layout: fixed; }
h2[id$="-signatures"] + p + table th { background: none; border: none; font-size: 11pt; }
h2[id$="-signatures"] + p + table td { border: none; height: 11mm; vertical-align: bottom; padding-bottom: 1pt; }
h2[id$="-signatures"] + p + table td:first-child { width: 18%; font-weight: bold; }
h2[id$="-signatures"] + p + table td + td { border-bottom: 0.6pt solid #111; }
h2[id$="-signatures"] + p + table td + td + td { border-left: 8mm solid transparent; background-clip: padding-box; }
.draft-watermark { position: fixed; top: 36%; left: 4%; width: 92%; height: 26%; transform: rotate(-35deg); background: url("${DRAFT_WATERMARK}") center / contain no-repeat; z-index: 0; }
main.agreement { position: relative; z-index: 1; }
`;
}
