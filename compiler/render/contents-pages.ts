import type { StateCore } from 'markdown-it';

/** What `renderHtml` hands markdown-it's rules for one render. */
export interface RenderEnv {
  /** The page of each heading by id, when the document has been printed once (see `compiler/pdf.ts`). */
  contentsPages?: ReadonlyMap<string, number> | undefined;
  /**
   * How far the contents list is: the document is rendered block by block
   * (`render/by-blocks.ts`), and its list is the block after its heading.
   */
  contentsList?: 'after heading' | 'paged';
}

/**
 * After each link of the contents list (the list under the heading with id
 * `contents`), adds a dotted leader and the page the linked heading is on.
 * A heading without a known page gets `?`, which the PDF's second pass never
 * leaves in place (it checks every number against the printed pages).
 */
export function contentsPages(state: StateCore): void {
  const env = state.env as RenderEnv | undefined;
  const pages = env?.contentsPages;
  if (!env || !pages || env.contentsList === 'paged') return;
  // The first heading with the id, then the first list after it, in these tokens or the next blocks'.
  const headingIndex = env.contentsList === 'after heading' ? -1 : state.tokens.findIndex((token) => token.type === 'heading_open' && token.attrGet('id') === 'contents');
  if (headingIndex < 0 && env.contentsList !== 'after heading') return;
  env.contentsList = 'after heading';
  const listIndex = state.tokens.findIndex((token, index) => index > headingIndex && token.type === 'bullet_list_open');
  if (listIndex < 0) return;
  env.contentsList = 'paged';
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
