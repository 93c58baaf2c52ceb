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
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === undefined ? marker : undefined;
        return line;
      }
      return fence === undefined ? escapeLine(line) : line;
    })
    .join('\n');
}

/** Escapes tag starts outside code spans (`` `<b>` `` stays). */
function escapeLine(line: string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeTags(part)))
    .join('');
}

function escapeTags(text: string): string {
  return text.replace(TAG_START, (_lt, offset: number) => (AUTOLINK.test(text.slice(offset)) ? '<' : '&lt;'));
}
