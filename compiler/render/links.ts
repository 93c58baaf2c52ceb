import markdownIt from 'markdown-it';
import { outsideCodeChecked, rendersToken } from './outside-code.js';

/** Schemes that run code or reach the reader's own files when a link is followed. */
const REFUSED_SCHEME = /^(?:vbscript|javascript|file|data):/;

/** A `data:` URL of a picture, which is only ever shown, never run. */
const PICTURE_DATA = /^data:image\/(?:gif|png|jpeg|webp);/;

/**
 * Whether a link may be live in the agreement: markdown-it's own rule (the
 * schemes it refuses), which the HTML output applies as its `validateLink`
 * and the Markdown output through `refusedLinksAsText`, so that the two
 * link the same things. A refused link is shown as the text it was written as.
 */
export function isSafeLink(url: string): boolean {
  const written = url.trim().toLowerCase();
  return !REFUSED_SCHEME.test(written) || PICTURE_DATA.test(written);
}

// Only its link parsers are used: the destination is read exactly as markdown-it reads it
// (entities and backslash escapes undone, `<...>` unwrapped), so `javascript&#58;` is caught too.
const parser = markdownIt();

/** `](` closing a link's text, with the backslashes before it (an odd run escapes the `]`). */
const INLINE_LINK = /(\\*)\]\(/g;

/** `[label]:` starting a reference definition, with what follows it on the line. */
const REFERENCE_DEFINITION = /^( {0,3})\[([^\]]+)\]:(.*)$/;

/**
 * Prose whose links the HTML output refuses (`isSafeLink`) written so that
 * no Markdown renderer links them: the `(` of an inline link and the `[`
 * of a reference definition are escaped, and the text reads as written,
 * as the HTML shows it. A destination on the line after `](` or `]:` cannot
 * be seen line by line, so it is treated as refused: its text still reads
 * as written. Autolinks are `escapeRawHtml`'s.
 */
export function refusedLinksAsText(markdown: string): string {
  return outsideCodeChecked(
    markdown,
    (text) => refusedDefinitionAsText(refusedInlineLinksAsText(text)),
    // Only a text with a `](` or a `]:` can hold a link with a destination; any other is not parsed to be checked.
    (changed) => /\]\(|\]:/.test(changed) && rendersToken(changed, (token) => token.type === 'link_open' && !isSafeLink(String(token.attrGet('href')))),
  );
}

function refusedInlineLinksAsText(text: string): string {
  return text.replace(INLINE_LINK, (whole, escapes: string, offset: number) => {
    if (escapes.length % 2 === 1) return whole;
    const open = offset + whole.length - 1;
    return isRefusedDestination(text, open + 1) ? `${escapes}]\\(` : whole;
  });
}

function refusedDefinitionAsText(text: string): string {
  const match = REFERENCE_DEFINITION.exec(text);
  if (!match) return text;
  const [, indent, label, rest] = match;
  return isRefusedDestination(rest!, 0) ? `${indent}\\[${label}]:${rest}` : text;
}

/** Whether the link destination at `start` (after spaces) is one `isSafeLink` refuses, or is on the next line. */
function isRefusedDestination(text: string, start: number): boolean {
  let pos = start;
  while (text[pos] === ' ' || text[pos] === '\t') pos += 1;
  if (pos >= text.length) return true;
  const destination = parser.helpers.parseLinkDestination(text, pos, text.length);
  return destination.ok && !isSafeLink(parser.normalizeLink(destination.str));
}
