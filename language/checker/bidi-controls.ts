import { codePointName } from '../lexer/literals.js';
import type { Declaration, StringLiteral, TextBlock } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/**
 * The bidirectional embeddings, overrides and isolates (U+202A to U+202E,
 * U+2066 to U+2069). Invisible in an editor, they make the PDF, HTML and
 * Markdown show the text after them in another order than it is written and
 * compared: `"\u202Edloh no"` reads "on hold" on the page, while the checker
 * pauses on a status no helpdesk records. The marks U+200E and U+200F,
 * which only settle the direction of neutral characters, stay allowed.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** The text without its bidirectional controls. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The first bidirectional control of a text, as `U+202E`; undefined when it has none. */
export function firstBidiControl(text: string): string | undefined {
  const match = BIDI_CONTROL.exec(text);
  return match ? codePointName(match[0]) : undefined;
}

/** Every string and text block under a node of the syntax tree, however deep. */
function texts(node: unknown, found: (StringLiteral | TextBlock)[] = []): (StringLiteral | TextBlock)[] {
  if (Array.isArray(node)) {
    for (const child of node) texts(child, found);
  } else if (node && typeof node === 'object') {
    const kind = (node as { kind?: unknown }).kind;
    if ((kind === 'String' || kind === 'TextBlock') && typeof (node as { value?: unknown }).value === 'string') {
      found.push(node as StringLiteral | TextBlock);
    } else {
      // As walkReferences (binder/references.ts): no array of entries per node; ranges and comments hold no text printed.
      const fields = node as Record<string, unknown>;
      for (const key in fields) if (key !== 'range' && key !== 'comments' && Object.hasOwn(fields, key)) texts(fields[key], found);
    }
  }
  return found;
}

/**
 * A bidirectional control in any text of the agreement, or in a value a
 * portfolio fills a param with (SLA3087). Import paths and a portfolio's
 * paths and client names are left alone: they are not printed in a document.
 */
export function checkBidiControls(context: CheckContext, declaration: Declaration): void {
  if (declaration.kind === 'Import') return;
  const literals =
    declaration.kind === 'Portfolio'
      ? (declaration.entries ?? []).flatMap((entry) => (entry?.params ?? []).flatMap((param) => (param?.value ? [param.value] : [])))
      : texts(declaration);
  for (const literal of literals) {
    const character = firstBidiControl(literal.value);
    if (character) context.report('SLA3087', literal.range, { character });
  }
}
