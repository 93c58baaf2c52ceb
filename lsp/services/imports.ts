import type { ImportDeclaration } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { resolveImport } from '../../language/workspace/paths.js';
import type { ServiceDocument } from './document.js';

/** The `import "path"` under the cursor and the file it names, when it was found. */
export function importAt(document: ServiceDocument, position: Position): { node: ImportDeclaration; file?: string } | undefined {
  const node = (document.parse.document?.declarations ?? []).find(
    (d): d is ImportDeclaration => d?.kind === 'Import' && !!d.path && rangeContains(d.path.range, position),
  );
  if (!node?.path) return undefined;
  const file = resolveImport(document.file, node.path.value);
  return document.analysis.files.has(file) ? { node, file } : { node };
}

/** What an imported file brings: "1 calendar, 2 channels, 3 severities and 2 metrics". */
export function describeImport(document: ServiceDocument, file: string): string {
  const counts = new Map<string, number>();
  for (const declaration of document.analysis.symbols.declarations) {
    if (declaration.file === file) counts.set(declaration.kind, (counts.get(declaration.kind) ?? 0) + 1);
  }
  const parts = [...counts].map(([kind, n]) => `${n} ${n === 1 ? kind : plural(kind)}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'no named declarations');
  const name = file.split(/[\\/]/).pop() ?? file;
  return `**import** \`${name}\`: brings ${list} into this file, with every other declaration of that file.`;
}

function plural(kind: string): string {
  return kind === 'severity' ? 'severities' : `${kind}s`;
}
