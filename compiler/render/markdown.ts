import type { AgreementDocument, Block, Inline, Section, Span } from '../document/document.js';
import { headingSlug } from './slug.js';

/** Opens and closes a blank to fill in (a param without a value); see `render/html.ts`. */
export const BLANK_OPEN = '⟦';
export const BLANK_CLOSE = '⟧';

/**
 * Escapes text so that Markdown shows it as written: emphasis, links, HTML
 * and table pipes become literal characters. A blank marker in the text is
 * written as an entity so that it cannot open a blank.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_[\]<>|~&#]/g, (character) => `\\${character}`)
    .replace(/[⟦⟧]/g, (character) => `&#${character.codePointAt(0)};`)
    .replace(/\s*\n\s*/g, ' ');
}

/** Keeps a line that starts with `1.`, `-` or `+` from turning into a list. */
function guardLineStart(line: string): string {
  return line.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

function renderSpan(span: Span): string {
  switch (span.kind) {
    case 'text':
      return escapeMarkdown(span.text);
    case 'strong':
      return span.text === '' ? '' : `**${escapeMarkdown(span.text)}**`;
    case 'emphasis':
      return span.text === '' ? '' : `*${escapeMarkdown(span.text)}*`;
    case 'blank':
      return `${BLANK_OPEN}${escapeMarkdown(span.placeholder)}${BLANK_CLOSE}`;
  }
}

/** Inline spans as Markdown: text escaped, blanks as `⟦placeholder⟧`. */
export function renderInline(content: Inline): string {
  return content.map(renderSpan).join('');
}

function renderTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * An author's `# Heading` inside prose becomes a level below the section it
 * sits in, so it cannot break the document's numbering; code fences are left alone.
 */
export function nestHeadings(markdown: string, sectionLevel: number): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      return line.replace(/^(\s{0,3})(#{1,6})(?=\s|$)/, (_whole, indent: string, hashes: string) =>
        indent + '#'.repeat(Math.min(6, hashes.length + sectionLevel)),
      );
    })
    .join('\n');
}

function renderBlock(block: Block, depth = 0): string {
  switch (block.kind) {
    case 'paragraph':
      return guardLineStart(renderInline(block.content));
    case 'prose':
      return nestHeadings(block.markdown.trim(), depth + 2);
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${renderInline(item)}`).join('\n');
    case 'table':
      return renderTable(block.header.map(escapeMarkdown), block.rows.map((row) => row.map(renderInline)));
    case 'signatures': {
      const header = ['', ...block.parties.map((party) => `For the ${party.role}`)];
      const rows = [
        ['Party', ...block.parties.map((party) => renderInline(party.party))],
        ...['Signature', 'Name', 'Title', 'Date'].map((label) => [label, ...block.parties.map(() => ' ')]),
      ];
      return renderTable(header, rows);
    }
  }
}

interface Numbered {
  number: string;
  section: Section;
  depth: number;
}

/** Sections numbered 1, 2, 2.1...; appendices A, B, A.1... */
function numberSections(document: AgreementDocument): Numbered[] {
  const numbered: Numbered[] = [];
  const walk = (sections: Section[], prefix: string, depth: number, label: (index: number) => string): void => {
    sections.forEach((child, index) => {
      const number = prefix === '' ? label(index) : `${prefix}.${index + 1}`;
      numbered.push({ number, section: child, depth });
      walk(child.subsections, number, depth + 1, label);
    });
  };
  walk(document.sections, '', 0, (index) => String(index + 1));
  walk(document.appendices, '', 0, (index) => String.fromCharCode(65 + index));
  return numbered;
}

function headingText(entry: Numbered, isAppendix: boolean): string {
  if (entry.depth === 0) return isAppendix ? `Appendix ${entry.number}. ${entry.section.title}` : `${entry.number}. ${entry.section.title}`;
  return `${entry.number} ${entry.section.title}`;
}

/**
 * The document as Markdown (markdown-it flavour): title, front matter, table
 * of contents, numbered sections, appendices. Deterministic for a document.
 */
export function renderMarkdown(document: AgreementDocument): string {
  const appendixTitles = new Set(document.appendices);
  const numbered = numberSections(document);
  const headings = numbered.map((entry) => {
    const isAppendix = entry.depth === 0 ? appendixTitles.has(entry.section) : /^[A-Z]/.test(entry.number);
    return { entry, text: headingText(entry, isAppendix) };
  });
  const parts: string[] = [`# ${escapeMarkdown(document.title)}`, ...document.front.map((block) => renderBlock(block)), '## Contents'];
  const contents = headings
    .filter(({ entry }) => entry.depth === 0)
    .map(({ text }) => `- [${escapeMarkdown(text)}](#${headingSlug(text)})`);
  parts.push(contents.join('\n'));
  for (const { entry, text } of headings) {
    parts.push(`${'#'.repeat(entry.depth + 2)} ${escapeMarkdown(text)}`);
    parts.push(...entry.section.blocks.map((block) => renderBlock(block, entry.depth)));
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
