import type { AgreementDocument, Block, Inline, Section } from './document.js';

// One apostrophe throughout: the typographic ’, which the generated text uses,
// also in the author's text and holiday names (`Client's`, `New Year's Day`).
const STRAIGHT_IN_WORD = /(\p{L})'(\p{L})/gu;

/** `Client's` -> `Client’s`; a straight quote that is not between two letters is left alone. */
export function curlApostrophes(text: string): string {
  return text.replace(STRAIGHT_IN_WORD, '$1’$2');
}

/**
 * A holiday's name with every straight quote curled: a name holds no
 * quotation marks, so each is an apostrophe, also where the in-word rule
 * cannot tell (`Presidents' Day`, which the data set writes beside
 * `St. Patrick’s Day`).
 */
export function curlHolidayName(name: string): string {
  return name.replace(/'/g, '’');
}

/** Author Markdown: apostrophes outside code spans only, so code stays as written. */
function curlProse(markdown: string): string {
  return markdown
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : curlApostrophes(part)))
    .join('');
}

function curlInline(content: Inline): Inline {
  return content.map((span) => (span.kind === 'blank' ? span : { ...span, text: curlApostrophes(span.text) }));
}

function curlBlock(block: Block): Block {
  switch (block.kind) {
    case 'paragraph':
      return { ...block, content: curlInline(block.content) };
    case 'prose':
      return { ...block, markdown: curlProse(block.markdown) };
    case 'list':
      return { ...block, items: block.items.map(curlInline) };
    case 'table':
      return { ...block, header: block.header.map(curlApostrophes), rows: block.rows.map((row) => row.map(curlInline)) };
    case 'signatures':
      return { ...block, parties: block.parties.map((party) => ({ ...party, party: curlInline(party.party) })) };
  }
}

function curlSection(section: Section): Section {
  return { title: curlApostrophes(section.title), blocks: section.blocks.map(curlBlock), subsections: section.subsections.map(curlSection) };
}

/** The document with one apostrophe style in every text it holds. */
export function withOneApostrophe(document: AgreementDocument): AgreementDocument {
  return {
    ...document,
    title: curlApostrophes(document.title),
    front: document.front.map(curlBlock),
    sections: document.sections.map(curlSection),
    appendices: document.appendices.map(curlSection),
  };
}
