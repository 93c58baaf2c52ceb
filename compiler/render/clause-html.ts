import type { StateCore, Token } from 'markdown-it';

/** A clause number as `render/clauses.ts` writes it: `6.3`, `10.1.2` or a lettered part `(b)`. */
const CLAUSE_NUMBER = /^(?:\d+(?:\.\d+)+|\([a-z]\)|\(\d+\))$/;

/**
 * Finds the bold clause number at the start of a paragraph or list item
 * (`**6.3** The Provider…`), turns it into one `slac_clause_number` token
 * and marks the paragraph or item `clause`, so the stylesheet can set the
 * number in the margin. The number stays text, so the PDF's text and the
 * Markdown cite the same clause.
 */
export function clauseNumbers(state: StateCore): void {
  state.tokens.forEach((token, index) => {
    if (token.type !== 'inline' || !token.children) return;
    // markdown-it leaves an empty text token before a leading delimiter run.
    const start = token.children.findIndex((child) => child.type !== 'text' || child.content !== '');
    const [open, number, close, after] = token.children.slice(start);
    if (open?.type !== 'strong_open' || number?.type !== 'text' || close?.type !== 'strong_close') return;
    if (!CLAUSE_NUMBER.test(number.content) || !after?.content.startsWith(' ')) return;
    const marker = new state.Token('slac_clause_number', 'span', 0);
    marker.content = number.content;
    after.content = after.content.slice(1);
    token.children.splice(0, start + 3, marker);
    const holder = clauseHolder(state.tokens, index);
    if (holder) holder.attrJoin('class', number.content.startsWith('(') ? 'clause part' : 'clause');
  });
}

/** The paragraph the inline content is in, or the list item when the paragraph is a tight list's hidden one. */
function clauseHolder(tokens: Token[], inlineIndex: number): Token | undefined {
  const paragraph = tokens[inlineIndex - 1];
  if (paragraph?.type !== 'paragraph_open') return undefined;
  const item = tokens[inlineIndex - 2];
  return item?.type === 'list_item_open' ? item : paragraph;
}
