import markdownIt from 'markdown-it';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAgreement } from '../../compiler/compile.js';
import { blockReader, renderByBlocks } from '../../compiler/render/by-blocks.js';
import { createMarkdownRenderer, renderHtml } from '../../compiler/render/html.js';
import { EXAMPLES, loadModel } from './helpers.js';

/**
 * The HTML is rendered one top-level block at a time: markdown-it's render
 * of the whole Markdown parsed the inline text of every clause and string
 * before it rendered any, and held a token of about 300 bytes per emphasis
 * mark for all of them at once (twelve clauses of 100,000 characters of
 * `*a* ` took 400 MB). The HTML is the same as the whole render's.
 */
const PROSE = [
  'See [the terms][t] and [later].\n\n[t]: https://example.com/terms\n\n## Contents\n\n- [A](#a)\n\n[later]: https://example.org',
  '# Title\n\n## Contents\n\n- [1. Scope](#1-scope)\n- [2. Terms](#2-terms)\n\n## 1. Scope\n\n**1.1** The Provider will:\n\n- **(a)** back up\n- **(b)** restore\n\n## 2. Terms\n\n### Contents\n\n- [again](#x)',
  'Intro\n> quote\nlazy line\n\n1. one\n2. two\n\n   loose\n\n- a\n  - b\n\n---\n\n```\nunclosed *fence*',
  '| a | b |\n| - | - |\n| https://example.com/a/very/long/path/without/any/break | ⟦Client name⟧ |\n\n    indented\n\n<b>raw</b> *x*',
  '',
];

const examples = EXAMPLES.map(({ name, file }) => ({ name, markdown: renderAgreement(loadModel(file)).markdown }));
const cases = [...examples, ...PROSE.map((markdown, index) => ({ name: `prose ${index + 1}`, markdown }))];
const pages = new Map([['contents', 2], ['1-scope', 3], ['2-terms', 4], ['a', 5]]);

describe('the HTML rendered block by block', () => {
  it.each(cases.flatMap((fixture) => [undefined, pages].map((contentsPages) => ({ ...fixture, contentsPages, paged: contentsPages ? 'with' : 'without' }))))(
    'is the whole render of $name, $paged contents pages',
    ({ markdown, contentsPages }) => {
      const whole = createMarkdownRenderer().render(markdown, { contentsPages });
      expect(renderByBlocks(createMarkdownRenderer(), blockReader(createMarkdownRenderer()), markdown, { contentsPages })).toBe(whole);
    },
  );
});

describe('the inline tokens held at once', () => {
  const core = Object.getPrototypeOf(markdownIt().core) as { process(state: { tokens: { children: { type: string }[] | null }[] }): void };
  const process = core.process;
  afterEach(() => {
    core.process = process;
  });

  it('are those of one clause, not of the document', () => {
    const emphasisHeld: number[] = [];
    core.process = function (this: unknown, state) {
      process.call(this, state);
      emphasisHeld.push(state.tokens.flatMap((token) => token.children ?? []).filter((child) => child.type === 'em_open').length);
    };
    const clauses = Array.from({ length: 12 }, (_, index) => `**1.${index + 1}** ${'*a* '.repeat(100)}`).join('\n\n');
    const html = renderHtml(`# Title\n\n## 1. Scope\n\n${clauses}\n`, { title: 'Title', paper: 'a4' });
    expect(html.match(/<em>a<\/em>/g)).toHaveLength(1_200);
    expect(Math.max(...emphasisHeld)).toBe(100);
  });
});
