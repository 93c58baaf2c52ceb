/**
 * A site page's HTML as the tests read it. An instant, date or month kept on
 * one line is wrapped in a `nobr` span (review/site/html.ts, textHtml): that
 * span is inside a word, not between words, so it goes first.
 */
export function withoutNobr(html: string): string {
  return html.replace(/<span class="nobr">([^<]*)<\/span>/g, '$1');
}

/** The page's words: the spans dropped, every other tag a space, runs of white space one space. */
export function pageText(html: string): string {
  return withoutNobr(html).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
