export type Paper = 'a4' | 'letter';

/** Page margins; the bottom one leaves room for the footer Chromium prints. */
export const PAGE_MARGINS = { top: '22mm', right: '20mm', bottom: '24mm', left: '20mm' } as const;

/**
 * The print stylesheet: a serif body like a drafted contract, tables whose
 * header repeats on every page and whose rows never split, headings kept
 * with what follows them, and highlighted blanks.
 */
export function printStylesheet(paper: Paper): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  const { top, right, bottom, left } = PAGE_MARGINS;
  return `@page { size: ${size}; margin: ${top} ${right} ${bottom} ${left}; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.45; color: #111; }
body { margin: 0; }
main.agreement { max-width: 170mm; margin: 0 auto; }
@media screen { main.agreement { padding: 16mm 0; } }
h1, h2, h3, h4 { font-weight: bold; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 19pt; text-align: center; margin: 0 0 14pt; }
h2 { font-size: 13.5pt; margin: 20pt 0 6pt; border-bottom: 0.6pt solid #777; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 13pt 0 4pt; }
h4 { font-size: 11pt; margin: 10pt 0 4pt; font-style: italic; }
h2[id^="appendix-"] { break-before: page; page-break-before: always; }
h2#contents + ul { list-style: none; padding-left: 0; columns: 2; column-gap: 10mm; }
h2#contents + ul a { color: inherit; text-decoration: none; }
p:has(+ table), p:has(+ ul), p:has(+ ol) { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 7pt; text-align: justify; hyphens: auto; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 8pt; padding-left: 7mm; }
li { margin-bottom: 3pt; }
a { color: #1a3d6d; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 10pt; line-height: 1.3; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
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
`;
}
