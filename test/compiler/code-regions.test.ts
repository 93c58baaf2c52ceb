import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { section } from '../../compiler/document/document.js';
import { refusedLinksAsText } from '../../compiler/render/links.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import { escapeRawHtml } from '../../compiler/render/raw-html.js';

/**
 * The Markdown output leaves code as written and makes the rest inert: what
 * is code is what CommonMark (markdown-it) reads as code. A line pattern
 * took ```` ```x`y ```` (a backtick in a backtick fence's info string) and
 * a fence indented by a tab for fences, and ``` ``<b>` ``` or ``\`<b>` ``
 * for code spans, none of which are: the raw HTML and `javascript:` links
 * after them went into the .md file as they were. It took ```` ~~~js ````
 * for a closing fence (an info string makes it none), and escaped the code
 * after it, which then showed `&lt;b>`.
 */

const renderer = markdownIt({ html: true }); renderer.validateLink = () => true;

/** The raw HTML tags and the link targets a Markdown renderer with HTML on would make of `markdown`. */
function live(markdown: string): string[] {
  const found: string[] = [];
  const visit = (tokens: ReturnType<typeof renderer.parse>): void => {
    for (const token of tokens) {
      if (token.type === 'html_block' || token.type === 'html_inline') found.push(token.content.trim());
      if (token.type === 'link_open') found.push(String(token.attrGet('href')));
      if (token.children) visit(token.children);
    }
  };
  visit(renderer.parse(markdown, {}));
  return found;
}

const inert = (markdown: string): string => escapeRawHtml(refusedLinksAsText(markdown));

describe('code in prose, as CommonMark reads it', () => {
  it.each([
    ['a backtick fence whose info string holds a backtick', ['```x`y', '<script>alert(1)</script>', '[a](javascript:alert(2))']],
    ['a fence indented by a tab (indented code)', ['Intro.', '', '\t```', '<img src=x onerror=alert(1)>', '[a](javascript:alert(2))']],
    ['a code span never closed (two backticks, then one)', ['x ``<script>alert(1)</script>` [a](javascript:alert(2))']],
    ['an escaped backtick before a code span', ['\\`<script>alert(1)</script>` [a](javascript:alert(2))']],
    ['a code span closed on the next line', ['x ```', '```<div>``` [a](javascript:alert(2)) ```']],
  ])('%s leaves no raw HTML nor refused link', (_name, lines) => {
    expect(live(inert(lines.join('\n')))).toEqual([]);
  });

  it('keeps code after a "closing" fence with an info string as written, since it closes nothing', () => {
    const markdown = ['~~~', 'a', '~~~js', '<b>still code</b>', '~~~', '<i>after</i>'].join('\n');
    expect(escapeRawHtml(markdown)).toBe(['~~~', 'a', '~~~js', '<b>still code</b>', '~~~', '&lt;i>after&lt;/i>'].join('\n'));
  });

  it('keeps indented code and code spans of any width as written', () => {
    expect(escapeRawHtml('Intro.\n\n    <b>code</b>\n\n``a`<b>`` and <b>')).toBe('Intro.\n\n    <b>code</b>\n\n``a`<b>`` and &lt;b>');
  });
});

describe('an author\'s heading after code that is no fence', () => {
  it('is nested under its section (a tab-indented ``` is indented code, not a fence left open)', async () => {
    const { nestHeadings } = await import('../../compiler/render/markdown.js');
    expect(nestHeadings('Intro.\n\n\t```\n\n# Heading\n\n```\n# kept\n```', 2)).toBe('Intro.\n\n\t```\n\n### Heading\n\n```\n# kept\n```');
  });
});

describe('a line of many backtick runs', () => {
  it('is read in one pass: runs of widths 1 to 3,000 (4.5 MB) take well under a second, not minutes', () => {
    const line = Array.from({ length: 3000 }, (_, index) => `${'`'.repeat(index + 1)}<b>`).join('');
    const started = performance.now();
    const escaped = escapeRawHtml(line);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(escaped.split('&lt;b>').length - 1).toBe(3000);
  });
});

describe('code that opens a list item', () => {
  it('stays code in the document: the clause label goes on items that open with text only', () => {
    const prose = 'Intro:\n\n- ```\n  <script>alert(1)</script>\n  ```\n- text\n\n1. ~~~\n   <b>x</b>\n   ~~~';
    const document = renderMarkdown({
      title: 'T',
      front: [],
      sections: [section('Purpose', [{ kind: 'prose', markdown: prose }])],
      appendices: [],
      fingerprint: '0'.repeat(64),
      footer: { title: 'T', sourceHash: '0'.repeat(64) },
    });
    expect(live(document).filter((found) => !found.startsWith('#'))).toEqual([]);
    expect(document).toContain('- ```\n  <script>alert(1)</script>\n  ```\n- **(a)** text\n\n1. ~~~\n   <b>x</b>\n   ~~~');
  });
});
