import type { AgreementDocument, Block, Inline, Section, Span } from '../document/document.js';
import { numberClauses, type ClauseNumbers } from './clauses.js';
import { refusedLinksAsText } from './links.js';
import { codeBlockLines, withFenceClosed } from './outside-code.js';
import { escapeRawHtml, imagesAsLinks } from './raw-html.js';
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
export function nestHeadings(markdown: string, sectionLevel: number, code = codeBlockLines(markdown)): string {
  return markdown
    .split('\n')
    .map((line, index) => {
      if (code.has(index)) return line;
      return line.replace(/^(\s{0,3})(#{1,6})(?=\s|$)/, (_whole, indent: string, hashes: string) =>
        indent + '#'.repeat(Math.min(6, hashes.length + sectionLevel)),
      );
    })
    .join('\n');
}

function renderBlock(block: Block, depth: number, clauses: ClauseNumbers): string {
  switch (block.kind) {
    case 'paragraph':
      return clauses.paragraph(guardLineStart(renderInline(block.content)), isNote(block.content));
    case 'prose': {
      const prose = withFenceClosed(imagesAsLinks(escapeRawHtml(refusedLinksAsText(block.markdown.trim()))));
      // Clause numbers go inside lines and change no block: the code lines are those of the prose read once.
      return nestHeadings(clauses.prose(prose), depth + 2, codeBlockLines(prose));
    }
    case 'list':
      return clauses.list(
        block.items.map((item) => guardLineStart(renderInline(item))),
        // In a numbered section every item carries its own label ((a) or 6.3), which is its order: a `1.` before it
        // would number it twice in a Markdown viewer, while the HTML and PDF hide list markers.
        (text, index) => `${block.ordered && !clauses.labelsItems ? `${index + 1}.` : '-'} ${text}`,
      );
    case 'table':
      clauses.interrupt();
      return renderTable(block.header.map(escapeMarkdown), block.rows.map((row) => row.map(renderInline)));
    case 'signatures': {
      clauses.interrupt();
      const header = ['', ...block.parties.map((party) => `For the ${party.role}`)];
      const rows = [
        ['Party', ...block.parties.map((party) => renderInline(party.party))],
        ...['Signature', 'Name', 'Title', 'Date'].map((label) => [label, ...block.parties.map(() => ' ')]),
      ];
      return renderTable(header, rows);
    }
  }
}

/** A paragraph entirely in italics is a note to the reader (“For information only…”), not a term. */
function isNote(content: Inline): boolean {
  return content.length > 0 && content.every((span) => span.kind === 'emphasis' || (span.kind === 'text' && span.text.trim() === ''));
}

interface Numbered {
  number: string;
  section: Section;
  depth: number;
  /** The section's blocks as Markdown, their clauses numbered. */
  body: string[];
  isAppendix: boolean;
}

/**
 * Sections numbered 1, 2, 2.1...; appendices A, B, A.1.... In the numbered
 * sections the clauses of a section and its subsections share one sequence
 * (6.1, 6.2 are clauses, 6.3 may be a subsection), so that every number
 * cites one thing. Appendices are informative: only their headings are
 * numbered. The signatures section has no clauses.
 */
function numberSections(document: AgreementDocument): Numbered[] {
  const numbered: Numbered[] = [];
  const walk = (sections: Section[], prefix: string, depth: number, first: number, isAppendix: boolean): void => {
    sections.forEach((child, index) => {
      const number = prefix === '' ? (isAppendix ? String.fromCharCode(65 + index) : String(index + 1)) : `${prefix}.${first + index}`;
      const numbersClauses = !isAppendix && !child.blocks.some((block) => block.kind === 'signatures');
      const clauses = numberClauses(number, numbersClauses);
      const body = child.blocks.map((block) => renderBlock(block, depth, clauses));
      numbered.push({ number, section: child, depth, body, isAppendix });
      walk(child.subsections, number, depth + 1, clauses.next(), isAppendix);
    });
  };
  walk(document.sections, '', 0, 1, false);
  walk(document.appendices, '', 0, 1, true);
  return numbered;
}

function headingText(entry: Numbered): string {
  if (entry.depth === 0) return entry.isAppendix ? `Appendix ${entry.number}. ${entry.section.title}` : `${entry.number}. ${entry.section.title}`;
  return `${entry.number} ${entry.section.title}`;
}

/**
 * The document as Markdown (markdown-it flavour): title, front matter, table
 * of contents, numbered sections with numbered clauses, appendices.
 * Deterministic for a document.
 */
export function renderMarkdown(document: AgreementDocument): string {
  const headings = numberSections(document).map((entry) => ({ entry, text: headingText(entry) }));
  const front = numberClauses('', false);
  const parts: string[] = [`# ${escapeMarkdown(document.title)}`, ...document.front.map((block) => renderBlock(block, 0, front)), '## Contents'];
  const contents = headings
    .filter(({ entry }) => entry.depth === 0)
    .map(({ text }) => `- [${escapeMarkdown(text)}](#${headingSlug(text)})`);
  parts.push(contents.join('\n'));
  for (const { entry, text } of headings) {
    parts.push(`${'#'.repeat(entry.depth + 2)} ${escapeMarkdown(text)}`);
    for (const part of entry.body) parts.push(part);
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
