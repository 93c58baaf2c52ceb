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

/** Every string and text block under a node of the syntax tree, however deep. */
function texts(node: unknown, found: (StringLiteral | TextBlock)[] = []): (StringLiteral | TextBlock)[] {
  if (Array.isArray(node)) {
    for (const child of node) texts(child, found);
  } else if (node && typeof node === 'object') {
    const kind = (node as { kind?: unknown }).kind;
    if ((kind === 'String' || kind === 'TextBlock') && typeof (node as { value?: unknown }).value === 'string') {
      found.push(node as StringLiteral | TextBlock);
    } else {
      for (const [key, child] of Object.entries(node)) if (key !== 'range') texts(child, found);
    }
  }
  return found;
}

/**
 * A bidirectional control in any text of the agreement (SLA3087). Imports
 * and portfolios are left alone: their paths and client names are not
 * printed in the document.
 */
export function checkBidiControls(context: CheckContext, declaration: Declaration): void {
  if (declaration.kind === 'Import' || declaration.kind === 'Portfolio') return;
  for (const literal of texts(declaration)) {
    const match = BIDI_CONTROL.exec(literal.value);
    if (!match) continue;
    const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    context.report('SLA3087', literal.range, { character: code });
  }
}
