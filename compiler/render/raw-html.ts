/** `<https://example.com>` and `<someone@example.com>`: autolinks, which Markdown shows as links, not HTML. */
const AUTOLINK = /^<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;

/** `<` that would open an HTML tag, comment or declaration: `<b`, `</b`, `<!--`, `<?`. */
const TAG_START = /<(?=[a-zA-Z/!?])/g;

/**
 * Prose as the HTML output shows it: raw HTML in an author's Markdown
 * (`<script>`, `<img onerror=...>`) is shown as text, not passed on to
 * whatever renders the `.md` file. Code fences and code spans are left as
 * they are (Markdown shows them literally already); autolinks stay links.
 */
export function escapeRawHtml(markdown: string): string {
  return outsideCode(markdown, escapeTags);
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

/** Applies `change` to the text outside code fences and code spans, which Markdown shows literally. */
function outsideCode(markdown: string, change: (text: string) => string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === undefined ? marker : undefined;
        return line;
      }
      return fence === undefined ? outsideCodeSpans(line, change) : line;
    })
    .join('\n');
}

/** Changes a line outside its code spans (`` `<b>` `` stays). */
function outsideCodeSpans(line: string, change: (text: string) => string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : change(part)))
    .join('');
}

function escapeTags(text: string): string {
  return text.replace(TAG_START, (_lt, offset: number) => (AUTOLINK.test(text.slice(offset)) ? '<' : '&lt;'));
}
