import type { DocumentLink } from 'vscode-languageserver-types';
import type { StringLiteral } from '../../language/syntax/ast.js';
import { resolveImport } from '../../language/workspace/paths.js';
import type { ServiceDocument } from './document.js';
import { linkedFileReadable } from './file-paths.js';

/**
 * Links on the quoted paths that name other files: `import "x.sla"`, a
 * portfolio's `uses "a.sla"` and `others use "b.sla"`, and a calendar's
 * `holidays from "x.ics"`. Only paths to files the analysis reads or may
 * read are linked (not one outside the project folder, a folder or a
 * device); the link covers the path inside the quotes.
 */
export function documentLinks(document: ServiceDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  const add = (node: StringLiteral | undefined, tooltip: string) => {
    if (!node?.value || node.range.start.line !== node.range.end.line) return;
    const file = resolveImport(document.file, node.value);
    if (!linkedFileReadable(document, file)) return;
    const { start, end } = node.range;
    links.push({
      range: { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: Math.max(start.character + 1, end.character - 1) } },
      target: document.uriOf(file),
      tooltip,
    });
  };
  for (const declaration of document.parse.document?.declarations ?? []) {
    if (declaration?.kind === 'Import') add(declaration.path, 'Open the imported file');
    if (declaration?.kind === 'Portfolio') for (const entry of declaration.entries ?? []) add(entry?.path, 'Open the agreement');
    if (declaration?.kind === 'Calendar') {
      for (const statement of declaration.statements ?? []) {
        if (statement?.kind === 'HolidayFile') add(statement.path, 'Open the holiday calendar');
      }
    }
  }
  return links;
}
