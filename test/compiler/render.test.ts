import { describe, expect, test } from 'vitest';
import type { AgreementDocument } from '../../compiler/document/document.js';
import { paragraph, section, text } from '../../compiler/document/document.js';
import { renderHtml } from '../../compiler/render/html.js';
import { escapeMarkdown, renderMarkdown } from '../../compiler/render/markdown.js';

function documentWith(blocks: AgreementDocument['sections'][number]['blocks']): AgreementDocument {
  return {
    title: 'Test <Agreement>',
    front: [],
    sections: [section('Purpose', blocks), section('Second & Last', [paragraph('End.')])],
    appendices: [section('Worked Examples', [paragraph('Example.')])],
    fingerprint: '0'.repeat(64),
    footer: { title: 'Test', sourceHash: '0'.repeat(64) },
  };
}

const html = (document: AgreementDocument): string => renderHtml(renderMarkdown(document), { title: document.title, paper: 'a4' });

describe('Markdown and HTML rendering', () => {
  test('plain text is shown as written, never as Markdown', () => {
    const doc = documentWith([paragraph('1. *not* a list, _not_ emphasis, [not](a link), a | pipe, <b>not bold</b> & more')]);
    const page = html(doc);
    expect(page).toContain('1. *not* a list, _not_ emphasis, [not](a link), a | pipe, &lt;b&gt;not bold&lt;/b&gt; &amp; more');
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<ol>');
  });

  test('an author’s raw HTML, scripts and images in prose are shown as text and load nothing', () => {
    const doc = documentWith([
      { kind: 'prose', markdown: 'Hi <script>alert(1)</script> <img src=http://example.com/x.png> ![pic](http://example.com/y.png) **bold**' },
    ]);
    const page = html(doc);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=http://example.com/x.png&gt;');
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toContain('<strong>bold</strong>');
  });

  test('a blank shows its placeholder in a highlighted box marked to be completed', () => {
    const doc = documentWith([paragraph('Client: ', { kind: 'blank', placeholder: '[Company <Name>]' }, ' signs.')]);
    expect(renderMarkdown(doc)).toContain('Client: ⟦\\[Company \\<Name\\>\\]⟧ signs.');
    expect(html(doc)).toContain(
      'Client: <span class="blank">[Company &lt;Name&gt;]</span><span class="blank-note">to be completed</span> signs.',
    );
  });

  test('a blank marker typed in plain text stays text', () => {
    const doc = documentWith([paragraph(text('a ⟦b⟧ c'))]);
    expect(escapeMarkdown('⟦b⟧')).not.toContain('⟦');
    expect(html(doc)).toContain('a ⟦b⟧ c');
    expect(html(doc)).not.toContain('class="blank"');
  });

  test('headings in an author’s prose nest below the section they are in', () => {
    const doc = documentWith([{ kind: 'prose', markdown: '# Scope\n\nText.\n\n```\n# not a heading\n```\n\n###### Deep' }]);
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('\n### Scope\n');
    expect(markdown).toContain('\n# not a heading\n');
    expect(markdown).toContain('\n###### Deep');
  });

  test('underlined headings and headings in quotes and lists nest below their section too', () => {
    // `Title` over `===` was printed as a title-size <h1> in the middle of the Purpose, over `---` as an
    // unnumbered section heading; `> # Quoted` and `- # Listed` were <h1> too.
    const prose = 'Text.\n\nScope\n===\n\nTwo line\ntitle #\n---\n\n> # Quoted\n\n- Listed\n  ---\n\n```\nkept\n===\n```';
    const doc = documentWith([{ kind: 'prose', markdown: prose }]);
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('\n### Scope\n');
    expect(markdown).toContain('\n#### Two line title \\#\n');
    expect(markdown).toContain('\n> ### Quoted\n');
    expect(markdown).toContain('\n- #### Listed\n');
    expect(markdown).toContain('\n```\nkept\n===\n```');
    const headings = [...html(doc).matchAll(/<h([1-6])[^>]*>([^<]*)/g)].map((match) => `h${match[1]} ${match[2]}`);
    expect(headings.filter((heading) => heading.startsWith('h1'))).toHaveLength(1);
    expect(headings).toEqual(expect.arrayContaining(['h3 Scope', 'h4 Two line title #', 'h3 Quoted', 'h4 Listed']));
  });

  test('the highest heading of a prose is a level below its section, however many # it was written with', () => {
    // A clause's `## Scope` was an <h4> straight under the section's <h2>: a level skipped.
    const doc = documentWith([{ kind: 'prose', markdown: 'Text.\n\n## Scope\n\nMore.\n\n#### Detail\n\n### Part' }]);
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('\n### Scope\n');
    expect(markdown).toContain('\n##### Detail\n');
    expect(markdown).toContain('\n#### Part');
  });

  test('sections are numbered and the contents links resolve to heading ids', () => {
    const doc = documentWith([paragraph('Body.')]);
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('## 1. Purpose');
    expect(markdown).toContain('## 2. Second \\& Last');
    expect(markdown).toContain('## Appendix A. Worked Examples');
    const page = html(doc);
    const links = [...page.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual(['1-purpose', '2-second--last', 'appendix-a-worked-examples']);
    for (const id of links) expect(page).toContain(`id="${id}"`);
  });

  test('the page is self-contained: a strict content policy, the title escaped, the print stylesheet', () => {
    const page = html(documentWith([]));
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).toContain('<title>Test &lt;Agreement&gt;</title>');
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('thead { display: table-header-group; }');
    expect(page).toContain('tr { break-inside: avoid;');
    expect(renderHtml('x', { title: 't', paper: 'letter' })).toContain('@page { size: letter;');
  });
});
