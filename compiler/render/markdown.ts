import type { AgreementDocument, Block, Inline, Section, Span } from '../document/document.js';
import { numberClauses, type ClauseNumbers } from './clauses.js';
import { refusedLinksAsText } from './links.js';
import { blockTokens, withFenceClosed } from './outside-code.js';
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

// A line that may be, or underline, a heading: a `#`, or a run of `=` or `-` after container marks.
const MAY_HOLD_HEADING = /#|^[ \t>]*(?:=+|-+)[ \t]*$/m;

/**
 * An author's headings inside prose sit below the section they are in (the
 * highest a level below it), so they cannot break the document's numbering:
 * `# Heading`, in a quote or a list item too, and a heading underlined with
 * `===` or `---` (which the PDF printed as a title-size `<h1>` in the middle
 * of a section), written with `#` at its nested level. Headings are found as
 * markdown-it finds them, so code is left alone.
 */
export function nestHeadings(markdown: string, sectionLevel: number): string {
  if (!MAY_HOLD_HEADING.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const tokens = blockTokens(markdown.replace(/\r/g, ' '));
  const dropped = new Set<number>();
  // The prose's highest heading is the level below its section, and the others keep their distance from it: a
  // clause's `## Scope` was an <h4> straight under the section's <h2>, a level skipped, as a screen reader tells.
  const levels = tokens.filter((token) => token.type === 'heading_open' && token.map).map((token) => Number(token.tag.slice(1)));
  const shift = sectionLevel + 1 - Math.min(...levels);
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' || !token.map) return;
    const hashes = '#'.repeat(Math.min(6, Number(token.tag.slice(1)) + shift));
    const first = token.map[0];
    if (token.markup.startsWith('#')) {
      // Container marks (`>`, `-`, `1.`, spaces) hold no `#`: the line's first run of them opens the heading.
      lines[first] = lines[first]!.replace(/#{1,6}/, hashes);
      return;
    }
    // An underlined heading: its text, container marks taken off by the parser, on the line of its first.
    const text = (tokens[index + 1]?.content ?? '').split('\n').map((line) => line.trim()).join(' ');
    const firstText = text.length === 0 ? '' : (tokens[index + 1]!.content.split('\n')[0] ?? '').trim();
    const line = lines[first]!.trimEnd();
    const marks = line.slice(0, line.length - firstText.length);
    // A last run of `#` would be read as the heading's closing marks: its first is escaped.
    lines[first] = `${marks}${hashes} ${text.replace(/(\s)(#+)$/, '$1\\$2')}`;
    for (let line = first + 1; line < token.map[1]; line += 1) dropped.add(line);
  });
  return lines.filter((_line, index) => !dropped.has(index)).join('\n');
}

function renderBlock(block: Block, depth: number, clauses: ClauseNumbers): string {
  switch (block.kind) {
    case 'paragraph':
      return clauses.paragraph(guardLineStart(renderInline(block.content)), isNote(block.content));
    case 'prose': {
      const prose = withFenceClosed(imagesAsLinks(escapeRawHtml(refusedLinksAsText(block.markdown.trim()))));
      return nestHeadings(clauses.prose(prose), depth + 2);
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
