import { describe, expect, test } from 'vitest';
import type { AgreementDocument, Block } from '../../compiler/document/document.js';
import { emphasis, list, paragraph, section } from '../../compiler/document/document.js';
import { renderHtml } from '../../compiler/render/html.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';

function documentWith(blocks: Block[], subsections = [section('Sub', [paragraph('In the subsection.')])]): AgreementDocument {
  return {
    title: 'Test',
    front: [paragraph('Front matter.')],
    sections: [
      section('Scope', blocks, subsections),
      section('Signatures', [paragraph('Signed:'), { kind: 'signatures', parties: [] }]),
    ],
    appendices: [section('Worked Examples', [paragraph('Informative.')], [section('One', [paragraph('Example.')])])],
    fingerprint: '0'.repeat(64),
    footer: { title: 'Test', sourceHash: '0'.repeat(64) },
  };
}

const html = (markdown: string, options: Partial<Parameters<typeof renderHtml>[1]> = {}): string =>
  renderHtml(markdown, { title: 'Test', paper: 'a4', ...options });

describe('clause numbers', () => {
  test.each([
    {
      what: 'paragraphs, then the subsections continue the sequence',
      blocks: [paragraph('First.'), paragraph('Second.')],
      expected: ['**1.1** First.', '**1.2** Second.', '### 1.3 Sub', '**1.3.1** In the subsection.'],
    },
    {
      what: 'a note in italics is no clause',
      blocks: [paragraph(emphasis('For information only.')), paragraph('Binding.')],
      expected: ['\n*For information only.*\n', '**1.1** Binding.', '### 1.2 Sub'],
    },
    {
      what: 'a list introduced by a colon is lettered parts of its clause',
      blocks: [paragraph('The Provider will:'), list(['back up', 'restore']), paragraph('Next.')],
      expected: ['**1.1** The Provider will:', '- **(a)** back up\n- **(b)** restore', '**1.2** Next.'],
    },
    {
      what: 'an ordered list of lettered parts: the letters are its order, with no number before them (HTML hides the marker; Markdown viewers showed 1. (a))',
      blocks: [paragraph('The agenda covers:'), list(['one', 'two'], true)],
      expected: ['**1.1** The agenda covers:', '\n- **(a)** one\n- **(b)** two\n'],
    },
    {
      what: 'a list on its own is a clause per item',
      blocks: [list(['one', 'two'])],
      expected: ['- **1.1** one\n- **1.2** two', '### 1.3 Sub'],
    },
    {
      what: 'the author’s prose: top-level paragraphs and items, not headings or code',
      blocks: [{ kind: 'prose' as const, markdown: '# Heading\n\nText\ngoes on.\n\nIt covers:\n\n- alpha\n- beta\n\n```\ncode\n```\n\n1. gamma' }],
      expected: ['### Heading', '**1.1** Text\ngoes on.', '**1.2** It covers:', '- **(a)** alpha\n- **(b)** beta', '```\ncode\n```', '1. **1.3** gamma', '### 1.4 Sub'],
    },
  ])('$what', ({ blocks, expected }) => {
    const markdown = renderMarkdown(documentWith(blocks));
    for (const part of expected) expect(markdown).toContain(part);
  });

  test('front matter, signatures and appendices have none', () => {
    const markdown = renderMarkdown(documentWith([paragraph('Body.')]));
    expect(markdown).toContain('\nFront matter.\n');
    expect(markdown).toContain('\nSigned:\n');
    expect(markdown).toContain('\nInformative.\n');
    expect(markdown).toContain('### A.1 One\n\nExample.\n');
  });

  test('are set in the margin in HTML and stay in its text', () => {
    const page = html(renderMarkdown(documentWith([paragraph('The Provider will:'), list(['back up']), paragraph(emphasis('A note.')), list(['alone'])])));
    expect(page).toContain('<p class="clause"><span class="clause-number">1.1</span>The Provider will:</p>');
    expect(page).toContain('<li class="clause part"><span class="clause-number">(a)</span>back up</li>');
    expect(page).toContain('<li class="clause"><span class="clause-number">1.2</span>alone</li>');
    // Bold text that is no clause number stays bold.
    expect(html('**Note** this.')).toContain('<p><strong>Note</strong> this.</p>');
    expect(html('**2.1**no space')).toContain('<strong>2.1</strong>');
  });
});

describe('the printed page', () => {
  const markdown = renderMarkdown(documentWith([paragraph('Body.')]));

  test('shows the page of each contents entry when the pages are known, and none otherwise', () => {
    const pages = new Map([['1-scope', 2]]);
    const paged = html(markdown, { contentsPages: pages });
    expect(paged).toContain('<ul class="contents paged">');
    expect(paged).toContain('<a href="#1-scope">1. Scope</a><span class="contents-leader"></span><span class="contents-page">2</span>');
    expect(paged).toContain('<a href="#2-signatures">2. Signatures</a><span class="contents-leader"></span><span class="contents-page">?</span>');
    expect(html(markdown)).not.toContain('class="contents-page"');
  });

  test('of a draft carries the watermark; the bundled font is embedded only when asked', () => {
    const draft = html(markdown, { draft: true });
    expect(draft).toContain('<div class="draft-watermark" aria-hidden="true"></div>');
    expect(draft).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(draft).toContain('background: url("data:image/svg+xml,%3Csvg');
    expect(html(markdown, { draft: false })).not.toContain('class="draft-watermark"');
    const embedded = html(markdown, { embedFonts: true });
    expect(embedded).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:"`);
    expect(embedded.match(/@font-face \{ font-family: "Source Serif 4"/g)).toHaveLength(8);
    expect(embedded).toContain('src: url(data:font/woff2;base64,d09GMg');
    expect(html(markdown)).not.toContain('@font-face');
  });

  test('sets text ragged right and keeps tables of up to 12 rows on one page', () => {
    const page = html(markdown);
    expect(page).toMatch(/p \{[^}]*text-align: left;/);
    expect(page).not.toContain('justify');
    expect(page).toContain('table { break-inside: avoid;');
    expect(page).toContain('table:has(> tbody > tr:nth-child(13)) { break-inside: auto;');
  });
});
