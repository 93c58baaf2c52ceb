import type { StateCore } from 'markdown-it';

/** What `renderHtml` hands markdown-it's rules for one render. */
export interface RenderEnv {
  /** The page of each heading by id, when the document has been printed once (see `compiler/pdf.ts`). */
  contentsPages?: ReadonlyMap<string, number> | undefined;
}

/**
 * After each link of the contents list (the list under the heading with id
 * `contents`), adds a dotted leader and the page the linked heading is on.
 * A heading without a known page gets `?`, which the PDF's second pass never
 * leaves in place (it checks every number against the printed pages).
 */
export function contentsPages(state: StateCore): void {
  const pages = (state.env as RenderEnv | undefined)?.contentsPages;
  if (!pages) return;
  const headingIndex = state.tokens.findIndex((token) => token.type === 'heading_open' && token.attrGet('id') === 'contents');
  if (headingIndex < 0) return;
  const listIndex = state.tokens.findIndex((token, index) => index > headingIndex && token.type === 'bullet_list_open');
  if (listIndex < 0) return;
  state.tokens[listIndex]!.attrJoin('class', 'contents paged');
  for (let index = listIndex + 1; index < state.tokens.length; index += 1) {
    const token = state.tokens[index]!;
    if (token.type === 'bullet_list_close' && token.level === state.tokens[listIndex]!.level) break;
    if (token.type !== 'inline' || !token.children) continue;
    const link = token.children.find((child) => child.type === 'link_open');
    const href = link?.attrGet('href');
    const id = href == null ? undefined : String(href).replace(/^#/, '');
    if (id === undefined) continue;
    const page = new state.Token('slac_contents_page', 'span', 0);
    page.content = String(pages.get(id) ?? '?');
    token.children.push(page);
  }
}
