import markdownIt, { type MarkdownIt, type StateCore, type StateInline } from 'markdown-it';
import { BLANK_CLOSE, BLANK_OPEN } from './markdown.js';
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

/**
 * markdown-it as the agreement needs it: raw HTML is shown as text (the
 * author's prose can never inject markup or scripts), images are off (no
 * request leaves the page), blanks become highlighted boxes.
 */
export function createMarkdownRenderer(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.disable('image');
  md.inline.ruler.at('text', textRule);
  md.inline.ruler.before('text', 'slac_blank', blankRule);
  md.core.ruler.push('slac_heading_ids', headingIds);
  md.renderer.rules['slac_blank'] = (tokens, index) => {
    const placeholder = md.utils.escapeHtml(tokens[index]!.content);
    return `<span class="blank">${placeholder}</span><span class="blank-note">to be completed</span>`;
  };
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

let shared: MarkdownIt | undefined;

/** The Markdown of the agreement as one self-contained HTML page with its print stylesheet. */
export function renderHtml(markdown: string, options: { title: string; paper: Paper }): string {
  shared ??= createMarkdownRenderer();
  const body = shared.render(markdown);
  const title = shared.utils.escapeHtml(options.title);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${title}</title>`,
    `<style>\n${printStylesheet(options.paper)}</style>`,
    '</head>',
    '<body>',
    '<main class="agreement">',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
