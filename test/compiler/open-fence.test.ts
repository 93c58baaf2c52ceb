import { describe, expect, it } from 'vitest';
import type { AgreementDocument } from '../../compiler/document/document.js';
import { paragraph, section } from '../../compiler/document/document.js';
import { renderHtml } from '../../compiler/render/html.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';

/**
 * A code fence an author leaves open in prose ends with that prose. It ran
 * on in the `.md` file, from which the HTML and the PDF are made, so every
 * section after it was one block of code: `purpose """ ``` ... """` left a
 * 13-section agreement with 2 headings.
 */

function documentWith(markdown: string): AgreementDocument {
  return {
    title: 'Test',
    front: [],
    sections: [section('Purpose', [{ kind: 'prose', markdown }]), section('Second', [paragraph('The Provider will reply.')])],
    appendices: [section('Worked Examples', [paragraph('Example.')])],
    fingerprint: '0'.repeat(64),
    footer: { title: 'Test', sourceHash: '0'.repeat(64) },
  };
}

/** The section headings of the page (the table of contents' own heading aside). */
const headings = (page: string): string[] => [...page.matchAll(/<h2[^>]*>([^<]*)</g)].map((match) => match[1]!).filter((heading) => heading !== 'Contents');

describe('a code fence left open in prose', () => {
  it.each([
    ['backticks', 'Intro.\n\n```\ncode'],
    ['tildes', 'Intro.\n\n~~~~ text\ncode\n~~~'],
    ['a longer fence than its "closing" line', 'Intro.\n\n````\ncode\n```'],
    ['an opening fence as the last line, then code', 'Intro.\n\n```\ncode\n\n```js'],
  ])('with %s ends with the prose: the next sections are headings, not code', (_name, markdown) => {
    const md = renderMarkdown(documentWith(markdown));
    const page = renderHtml(md, { title: 'Test', paper: 'a4' });
    expect(headings(page)).toEqual(['1. Purpose', '2. Second', 'Appendix A. Worked Examples']);
    expect(page).toContain('The Provider will reply.</p>');
    expect(page).toMatch(/<pre><code[^>]*>code\n?/);
  });

  it('leaves a closed fence as it is', () => {
    expect(renderMarkdown(documentWith('```\ncode\n```'))).toContain('```\ncode\n```\n\n## 2. Second');
  });
});
