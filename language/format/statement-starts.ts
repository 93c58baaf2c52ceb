import type { SlaDocument } from '../syntax/ast.js';
import type { Position } from '../syntax/range.js';

/** A position as a map key. */
export function positionKey(position: Position): string {
  return `${position.line}:${position.character}`;
}

interface Ranged {
  range: { start: Position };
}

/**
 * Where every line of the canonical layout starts: declarations, the
 * statements of their blocks and the entries of nested blocks. Depth is not
 * needed; the braces give it.
 */
export function statementStarts(document: SlaDocument): Set<string> {
  const starts = new Set<string>();
  const add = (node: Ranged | undefined) => {
    if (node) starts.add(positionKey(node.range.start));
  };
  for (const declaration of document.declarations) {
    add(declaration);
    if (declaration.kind === 'Responsibilities') declaration.items.forEach(add);
    if (declaration.kind === 'Portfolio') declaration.entries.forEach(add);
    if (!('statements' in declaration)) continue;
    for (const statement of declaration.statements) {
      add(statement);
      if (statement.kind === 'Holidays') statement.entries.forEach(add);
      if (statement.kind === 'Participants') statement.entries.forEach(add);
      if (statement.kind === 'Agenda') statement.items.forEach(add);
      if (statement.kind === 'Report') statement.items.forEach(add);
    }
  }
  return starts;
}
