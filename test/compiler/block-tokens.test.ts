import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { blockTokens } from '../../compiler/render/outside-code.js';

/**
 * The prose passes of the Markdown output (code lines, the open fence,
 * clause numbers) read markdown-it's block structure only. They parsed the
 * inline text too, which the HTML render parses again, and kept the last
 * block's inline tokens (about 300 bytes per emphasis mark) to the end of
 * the compile: a clause of 100,000 characters of `*a* ` parsed 25,000
 * emphasis spans for nothing. The block tokens are those of a full parse.
 */
const PROSE = [
  '*a* **b** `c` [d](https://example.com)',
  'Intro:\n\n- *one*\n- two\n\n1. three\n   > quoted *four*',
  '# Heading *x*\n\n```js\nlet a = `*b*`;\n```\n\n    indented *code*\n\n| a | *b* |\n| - | - |\n| *c* | d |',
  'Before *it*:\n\n~~~\nopen fence *to the end*',
  '[a]: https://example.com\n\nIntro *with* [a]:\n[b]: https://example.org\n\n- [a] item\n- [b]',
];

const full = markdownIt({ html: false });
const structure = (tokens: ReturnType<typeof full.parse>): unknown[] =>
  tokens.map((token) => [token.type, token.map, token.level, token.nesting, token.markup, token.info, token.content, token.hidden]);

describe('the block tokens of prose', () => {
  it.each(PROSE)('are parsed without their inline text: %j', (prose) => {
    const inline = blockTokens(prose).filter((token) => token.type === 'inline');
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.map((token) => token.children ?? [])).toEqual(inline.map(() => []));
  });

  it.each(PROSE)('are those of a full parse: %j', (prose) => {
    expect(structure(blockTokens(prose))).toEqual(structure(full.parse(prose, {})));
  });
});
