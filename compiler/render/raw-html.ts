import { isSafeLink } from './links.js';
import { outsideCode, outsideCodeChecked, rendersToken } from './outside-code.js';

/** `<https://example.com>` and `<someone@example.com>`: autolinks, which Markdown shows as links, not HTML. */
const AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;

/** `<` that would open an HTML tag, comment or declaration: `<b`, `</b`, `<!--`, `<?`. */
const TAG_START = /<(?=[a-zA-Z/!?])/g;

/** The same, to ask whether a text has any: one without is never parsed to be checked. */
const TAG_START_ANYWHERE = /<[a-zA-Z/!?]/;

/**
 * Prose as the HTML output shows it: raw HTML in an author's Markdown
 * (`<script>`, `<img onerror=...>`) is shown as text, not passed on to
 * whatever renders the `.md` file. Code fences and code spans are left as
 * they are (Markdown shows them literally already); autolinks stay links,
 * unless the HTML output refuses their scheme (`<javascript:...>`, see
 * `isSafeLink`): those are text too.
 */
export function escapeRawHtml(markdown: string): string {
  return outsideCodeChecked(markdown, escapeTags, (escaped) => TAG_START_ANYWHERE.test(escaped) && rendersToken(escaped, isLiveHtml));
}

/**
 * Prose with its images written as links to the picture (`![logo](x.png)`
 * becomes `[logo](x.png)`), in the Markdown as in the HTML made from it:
 * images are switched off, so that no reader of either output fetches a
 * picture from wherever an author's text points (docs/compile.md).
 */
export function imagesAsLinks(markdown: string): string {
  const references = referenceLabels(markdown);
  return outsideCode(markdown, (text) =>
    text.replace(IMAGE_START, (whole, escapes: string, label: string, after: string) => {
      // An odd run of backslashes escapes the `!`: the text shows "![", and no image is meant.
      if (escapes.length % 2 === 1) return whole;
      const isImage = after === '(' || after === '[' || references.has(normalLabel(label));
      return isImage ? `${escapes}[${label}]${after}` : whole;
    }),
  );
}

/** `![alt](`, `![alt][`, or `![alt]` (a shortcut reference), with the backslashes before it. */
const IMAGE_START = /(\\*)!\[([^\]]*)\](\(|\[|)/g;

/** The labels of the prose's reference definitions (`[logo]: x.png`), as Markdown compares them. */
function referenceLabels(markdown: string): Set<string> {
  const labels = new Set<string>();
  for (const match of markdown.matchAll(/^ {0,3}\[([^\]]+)\]:/gm)) labels.add(normalLabel(match[1]!));
  return labels;
}

function normalLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Raw HTML, or an autolink the HTML output refuses (`<javascript:...>`). */
function isLiveHtml(token: { type: string; attrGet(name: string): string | number | null }): boolean {
  if (token.type === 'html_block' || token.type === 'html_inline') return true;
  return token.type === 'link_open' && !isSafeLink(String(token.attrGet('href')));
}

function escapeTags(text: string): string {
  return text.replace(TAG_START, (_lt, offset: number) => (isSafeAutolink(text.slice(offset)) ? '<' : '&lt;'));
}

/** Whether `text` starts with an autolink the HTML output links (an e-mail address always is a `mailto:`). */
function isSafeAutolink(text: string): boolean {
  const match = AUTOLINK.exec(text);
  if (!match) return false;
  const url = match[1]!;
  return !url.includes(':') || isSafeLink(url);
}
