import type { MarkdownIt, Token } from 'markdown-it';

/** The core rules of the block pass: those before markdown-it parses inline text (`strip_references` is markdown-it 15's). */
const BLOCK_CORE_RULES = ['normalize', 'block', 'strip_references'];

/**
 * markdown-it's `render` of `markdown`, one top-level block (a paragraph, a
 * list, a table, a heading, a fence) at a time, which gives the same HTML.
 * `md.render` parses the inline text of the whole document before it
 * renders any of it, and a token of about 300 bytes per emphasis mark for
 * every clause and string is held at once: twelve clauses of 100,000
 * characters of `*a* ` took 400 MB. Here the blocks are read first (the
 * reference definitions with them, into `env`, for every block's links),
 * then each block's inline text is parsed, passed through `md`'s core rules
 * and rendered, and its tokens are dropped: memory goes with the largest
 * block, not the document. `blocks` is a `blockReader` of a renderer like `md`.
 */
export function renderByBlocks(md: MarkdownIt, blocks: MarkdownIt, markdown: string, env: Parameters<MarkdownIt['parse']>[1]): string {
  let html = '';
  for (const block of topLevelBlocks(blocks.parse(markdown, env))) {
    const state = new md.core.State('', md, env);
    // An empty source adds no block: the core rules parse and change this block's inline text only.
    state.tokens = block;
    md.core.process(state);
    html += md.renderer.render(state.tokens, md.options, env);
    for (const token of block) token.children = null;
  }
  return html;
}

/** `md` with its core rules after the block structure turned off, the inline parse and the renderer's own among them. */
export function blockReader(md: MarkdownIt): MarkdownIt {
  md.core.ruler.enableOnly(BLOCK_CORE_RULES, true);
  return md;
}

/** The tokens split after each one that closes a top-level block (or is one, like a fence). */
function topLevelBlocks(tokens: Token[]): Token[][] {
  const blocks: Token[][] = [];
  let start = 0;
  tokens.forEach((token, index) => {
    if (token.level !== 0 || token.nesting === 1) return;
    blocks.push(tokens.slice(start, index + 1));
    start = index + 1;
  });
  if (start < tokens.length) blocks.push(tokens.slice(start));
  return blocks;
}
