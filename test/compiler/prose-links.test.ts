import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { AgreementDocument } from '../../compiler/document/document.js';
import { paragraph, section } from '../../compiler/document/document.js';
import { renderHtml } from '../../compiler/render/html.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';

/**
 * A link in prose whose scheme runs code or reaches the reader's files
 * (`javascript:`, `vbscript:`, `file:`, `data:` other than a picture) is
 * plain text in the HTML output; the Markdown output must not hand it to
 * a renderer that does not filter schemes (CommonMark does not) as a link.
 */
function documentWith(markdown: string): AgreementDocument {
  return {
    title: 'Links',
    front: [],
    sections: [section('Purpose', [{ kind: 'prose', markdown }]), section('Last', [paragraph('End.')])],
    appendices: [],
    fingerprint: '0'.repeat(64),
    footer: { title: 'Links', sourceHash: '0'.repeat(64) },
  };
}

/** A Markdown renderer that links every scheme, as one without a scheme filter does. */
const unfiltered = markdownIt({ html: false });
unfiltered.validateLink = () => true;

const hrefs = (page: string): string[] => [...page.matchAll(/<a href="([^"#][^"]*)"/g)].map((match) => match[1]!);

describe('links in prose: the Markdown links what the HTML links, nothing more', () => {
  it.each([
    ['an inline javascript: link', 'See [our portal](javascript:alert(document.cookie)) now.', []],
    ['a javascript: autolink', 'Or <javascript:alert(1)> now.', []],
    ['a scheme in capitals', '[a](JaVaScRiPt:alert(1)) and <VBSCRIPT:x>', []],
    ['vbscript:, file: and data: text', '[a](vbscript:x) [b](file:///etc/passwd) [c](data:text/html;base64,PHNjcmlwdD4=)', []],
    ['a scheme hidden by an entity or an escape', '[a](javascript&#58;alert(1)) [b](javascript\\:alert(1))', []],
    ['a destination in angle brackets', '[a](<javascript:alert(1)>)', []],
    ['a link title', '[a](javascript:alert(1) "title")', []],
    ['an image of a javascript: link', '![logo](javascript:alert(1))', []],
    ['a destination on the next line', '[a](\njavascript:alert(1))', []],
    ['a reference definition', 'See [portal][p] and [p].\n\n[p]: javascript:alert(1)', []],
    ['safe links, kept', '[a](https://example.com/x) <https://example.com/y> <help@example.com> [m](mailto:a@example.com) [r](relative/page.html)', ['https://example.com/x', 'https://example.com/y', 'mailto:help@example.com', 'mailto:a@example.com', 'relative/page.html']],
    ['a safe reference, kept', 'See [portal][p].\n\n[p]: https://example.com/p', ['https://example.com/p']],
  ])('%s', (_, prose, expected) => {
    const document = documentWith(prose);
    const markdown = renderMarkdown(document);
    const html = renderHtml(markdown, { title: document.title, paper: 'a4' });
    expect(hrefs(html)).toEqual(expected);
    expect(hrefs(unfiltered.render(markdown))).toEqual(expected);
  });

  it('shows a refused link as the HTML does: its text as written', () => {
    const document = documentWith('See [our portal](javascript:alert(1)) or <javascript:alert(2)>.');
    const markdown = renderMarkdown(document);
    const shown = (page: string) => /See [^\n]*?\./.exec(page.replace(/<[^>]+>/g, ''))?.[0];
    expect(shown(unfiltered.render(markdown))).toBe(shown(renderHtml(markdown, { title: document.title, paper: 'a4' })));
    expect(shown(unfiltered.render(markdown))).toBe('See [our portal](javascript:alert(1)) or &lt;javascript:alert(2)&gt;.');
  });

  it('leaves code spans and fences as written', () => {
    const markdown = renderMarkdown(documentWith('`[a](javascript:x)` and\n\n```\n<javascript:y>\n```\n'));
    expect(markdown).toContain('`[a](javascript:x)`');
    expect(markdown).toContain('\n<javascript:y>\n');
  });
});
