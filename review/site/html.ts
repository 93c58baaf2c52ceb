import { escapeRegExp } from '../../compiler/regexp.js';

/**
 * The pieces every page is made of: escaping, the page shell (landmarks,
 * one stylesheet, no script) and tables with header scopes. Cells that show
 * a rounded figure carry the exact one in `data-value`, so a test (or a
 * reader's tool) can compare the page with the JSON report.
 */

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An instant, a date, a month, a quarter or a week (`2026-03-06T19:16:17+00:00`,
 * `2026-03`, `2026-Q1`, `2026-W09`) and a command-line option (`--notes`):
 * words a line must not break at their hyphens, as browsers and Chromium's
 * print do ("2026-" at a line's end, "03-06T19:16:17+00:00" on the next).
 */
const UNBROKEN = /(?<![\w.-])(?:\d{4}-(?:Q[1-4]|W\d{2}|\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)|--[a-z][a-z-]*[a-z])(?![\w-])/g;

/**
 * Text made safe for HTML content, with the instants, dates and options in
 * it (UNBROKEN) and the given words (ticket ids) each in a `nobr` span, which
 * both stylesheets keep on one line: the text still wraps between words.
 */
export function textHtml(text: string, whole: readonly string[] = []): string {
  const words = whole.filter((word) => word !== '').map(escapeHtml);
  const escaped = escapeHtml(text);
  const pattern = words.length === 0 ? UNBROKEN : new RegExp(`${words.map(escapeRegExp).join('|')}|${UNBROKEN.source}`, 'g');
  return escaped.replace(pattern, (word) => `<span class="nobr">${word}</span>`);
}

/** A relative link to a site file: each path segment URL-encoded, so `%` or `#` in a ticket id stay part of the name. */
export function hrefTo(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** A table cell: text, or text with the exact figure behind it, or a link; `whole`, words of it kept on one line (textHtml). */
export type Cell = string | number | { text: string; value?: string | number | boolean | null; href?: string; className?: string; whole?: readonly string[] };

/**
 * A data table: a caption, column headers (scope col), and rows whose first
 * cell is the row header (scope row). Its wrapper scrolls a table wider than
 * the window, so it is a named region that takes the keyboard's focus
 * (`tabindex="0"`): a reader without a mouse can scroll it with the arrow
 * keys, and a screen reader names it by the caption.
 */
export function table(id: string, caption: string, headers: readonly string[], rows: readonly Cell[][]): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, index) => cellHtml(cell, index === 0)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table id="${id}">\n<caption id="${id}-caption">${textHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/**
 * Row headers keep to one line, so a date or an id does not break at its
 * hyphens; one longer than this (a client's full name, a ticket id of
 * hundreds of characters) wraps instead, as on one line it pushed every
 * figure of its row out of the window.
 */
const LONG_ROW_HEADER = 40;

function cellHtml(cell: Cell, rowHeader: boolean): string {
  const open = rowHeader ? '<th scope="row"' : '<td';
  const close = rowHeader ? '</th>' : '</td>';
  const text = typeof cell === 'object' ? cell.text : String(cell);
  const classes = [typeof cell === 'number' ? 'num' : typeof cell === 'object' ? cell.className : undefined];
  if (rowHeader && [...text].length > LONG_ROW_HEADER) classes.push('long');
  const names = classes.filter((name) => name !== undefined);
  const className = names.length === 0 ? '' : ` class="${names.join(' ')}"`;
  // A row header keeps to one line already (or wraps anywhere when long); a data cell keeps its instants whole.
  const inner = (words: string, whole?: readonly string[]): string => (rowHeader ? escapeHtml(words) : textHtml(words, whole));
  if (typeof cell !== 'object') return `${open}${className}>${inner(text)}${close}`;
  const value = cell.value === undefined ? '' : ` data-value="${escapeHtml(String(cell.value))}"`;
  const content = cell.href === undefined ? inner(cell.text, cell.whole) : `<a href="${escapeHtml(cell.href)}">${inner(cell.text, cell.whole)}</a>`;
  return `${open}${className}${value}>${content}${close}`;
}

/** A number cell. */
export function num(value: number): Cell {
  return { text: String(value), value, className: 'num' };
}

/** What every page is given: where the site root is from it, and the site-wide links. */
export interface PageFrame {
  /** Title of the page (in <title> and <h1>). */
  title: string;
  /** The agreement (or portfolio) the site is about, shown above the title. */
  site: string;
  /** Relative path from the page to the site root (`''`, `'../'`). */
  root: string;
  /** Links of the site navigation, relative to the page. */
  nav: { text: string; href: string; current?: boolean }[];
  /** A line under the page, saying where the figures come from. */
  footer: string;
}

/** A whole page: landmarks (header, nav, main, footer), one stylesheet, no script. */
export function page(frame: PageFrame, body: string): string {
  const nav = frame.nav
    .map((link) => `<li><a href="${escapeHtml(link.href)}"${link.current ? ' aria-current="page"' : ''}>${escapeHtml(link.text)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)} — ${escapeHtml(frame.site)}</title>
<link rel="stylesheet" href="${frame.root}style.css">
</head>
<body>
<header><p class="site-name">${escapeHtml(frame.site)}</p><nav aria-label="Report"><ul>${nav}</ul></nav></header>
<main>
<h1>${textHtml(frame.title)}</h1>
${body}
</main>
<footer><p>${textHtml(frame.footer)}</p></footer>
</body>
</html>
`;
}

/** A section with its heading (h2), labelled by it for the landmark list. */
export function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${textHtml(heading)}</h2>\n${body}\n</section>`;
}

/** A chart and, beside it, the table of its figures. */
export function figure(svg: string, tableHtml: string): string {
  return `<div class="figure">${svg}\n${tableHtml}</div>`;
}
