import markdownIt, { type MarkdownIt, type StateCore, type StateInline } from 'markdown-it';
import { blockReader, renderByBlocks } from './by-blocks.js';
import { clauseNumbers } from './clause-html.js';
import { contentsPages, type RenderEnv } from './contents-pages.js';
import { embeddedFontFaces } from './fonts.js';
import { BLANK_CLOSE, BLANK_OPEN } from './markdown.js';
import { isSafeLink } from './links.js';
import { headingSlug } from './slug.js';
import { printStylesheet, type Paper } from './style.js';

/** Recognises `⟦placeholder⟧`, the Markdown form of a blank to fill in. */
function blankRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charAt(state.pos) !== BLANK_OPEN) return false;
  const close = state.src.indexOf(BLANK_CLOSE, state.pos + 1);
  if (close < 0) return false;
  if (!silent) {
    const token = state.push('slac_blank', 'span', 0);
    token.content = state.md.utils.unescapeAll(state.src.slice(state.pos + 1, close));
  }
  state.pos = close + 1;
  return true;
}

/** Gives each heading the id its contents link points to (see `headingSlug`). */
function headingIds(state: StateCore): void {
  state.tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const inline = state.tokens[index + 1];
    const text = (inline?.children ?? []).map((child) => child.content).join('');
    token.attrSet('id', headingSlug(text));
  });
}

/** A word of this many characters or more (some 75 mm at 10 points) may not fit a table column: a long URL, a company name without spaces. */
const LONG_WORD = /\S{40}/;

/**
 * Marks the table cells that hold a long word (class `long-words`), which
 * the stylesheet lets break anywhere. Only those: a table whose every cell
 * may break anywhere gets columns sized as if every word were one letter
 * wide, and breaks `15 minutes` mid-word.
 */
function markLongWordCells(state: StateCore): void {
  state.tokens.forEach((token, index) => {
    if (token.type !== 'td_open') return;
    if (LONG_WORD.test(state.tokens[index + 1]?.content ?? '')) token.attrJoin('class', 'long-words');
  });
}

/**
 * markdown-it as the agreement needs it: raw HTML is shown as text (the
 * author's prose can never inject markup or scripts), a `javascript:` (or
 * other refused, see `isSafeLink`) link is shown as text, images are off (no
 * request leaves the page), blanks become highlighted boxes, clause numbers
 * are set in the margin and the contents show page numbers when known.
 */
export function createMarkdownRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.disable('image');
  // markdown-it's own rule, named so that the Markdown output applies the same one.
  md.validateLink = isSafeLink;
  md.inline.ruler.at('text', textRule);
  md.inline.ruler.before('text', 'slac_blank', blankRule);
  md.core.ruler.push('slac_heading_ids', headingIds);
  md.core.ruler.push('slac_clause_numbers', clauseNumbers);
  md.core.ruler.push('slac_contents_pages', contentsPages);
  md.core.ruler.push('slac_long_words', markLongWordCells);
  md.renderer.rules['slac_blank'] = (tokens, index) => {
    const placeholder = md.utils.escapeHtml(tokens[index]!.content);
    return `<span class="blank">${placeholder}</span><span class="blank-note">to be completed</span>`;
  };
  md.renderer.rules['slac_clause_number'] = (tokens, index) =>
    `<span class="clause-number">${md.utils.escapeHtml(tokens[index]!.content)}</span>`;
  md.renderer.rules['slac_contents_page'] = (tokens, index) =>
    `<span class="contents-leader"></span><span class="contents-page">${md.utils.escapeHtml(tokens[index]!.content)}</span>`;
  return md;
}

// markdown-it's own terminators, plus the blank marker.
const TERMINATORS = new Set([...'\n!#$%&*+-:<=>@[\\]^_`{}~'].map((c) => c.charCodeAt(0)).concat(BLANK_OPEN.charCodeAt(0)));

/**
 * markdown-it's `text` rule swallows every character it does not know as
 * special, so a blank in mid-sentence would never be seen; this copy of it
 * also stops at the blank marker.
 */
function textRule(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  while (pos < state.posMax && !TERMINATORS.has(state.src.charCodeAt(pos))) pos += 1;
  if (pos === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

let shared: { md: MarkdownIt; blocks: MarkdownIt } | undefined;

/** How the print page is set up besides its text. */
export interface HtmlOptions {
  title: string;
  paper: Paper;
  /** A draft (some param left blank) carries a DRAFT watermark on every page. */
  draft?: boolean;
  /**
   * The page each heading is printed on, by heading id; given, the contents
   * list shows them. Only the PDF has pages: HTML and Markdown go without.
   */
  contentsPages?: ReadonlyMap<string, number>;
  /**
   * Embed the bundled font in the page (as data: URLs), so that the PDF
   * looks the same on every machine. The HTML output names the font and
   * falls back to the reader's serif, which keeps the file small.
   */
  embedFonts?: boolean;
}

/** The Markdown of the agreement as one self-contained HTML page with its print stylesheet. */
export function renderHtml(markdown: string, options: HtmlOptions): string {
  shared ??= { md: createMarkdownRenderer(), blocks: blockReader(createMarkdownRenderer()) };
  const env: RenderEnv = { contentsPages: options.contentsPages };
  const body = renderByBlocks(shared.md, shared.blocks, markdown, { ...env });
  const title = shared.md.utils.escapeHtml(options.title);
  const fontPolicy = (options.embedFonts ? '; font-src data:' : '') + (options.draft ? '; img-src data:' : '');
  const fontFaces = options.embedFonts ? `${embeddedFontFaces()}\n` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${fontPolicy}">`,
    `<title>${title}</title>`,
    `<style>\n${fontFaces}${printStylesheet(options.paper)}</style>`,
    '</head>',
    '<body>',
    ...(options.draft ? ['<div class="draft-watermark" aria-hidden="true"></div>'] : []),
    '<main class="agreement">',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
