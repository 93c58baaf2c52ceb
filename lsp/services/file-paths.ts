import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { StringLiteral } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { resolveImport } from '../../language/workspace/paths.js';
import type { ServiceDocument } from './document.js';

/** A quoted path that names another file: what it is for and the file it names. */
export interface PathLink {
  role: 'import' | 'holiday file' | 'agreement';
  node: StringLiteral;
  /** The absolute file, resolved against the folder of the file that names it. */
  file: string;
}

/**
 * The quoted path under the cursor: `holidays from "x.ics"` in a calendar,
 * or `uses "a.sla"` / `others use "b.sla"` in a portfolio. (Imports have
 * their own service, which also knows whether the import was loaded.)
 */
export function pathLinkAt(document: ServiceDocument, position: Position): PathLink | undefined {
  for (const declaration of document.parse.document?.declarations ?? []) {
    if (!declaration?.range || !rangeContains(declaration.range, position)) continue;
    if (declaration.kind === 'Calendar') {
      for (const statement of declaration.statements ?? []) {
        if (statement?.kind === 'HolidayFile' && statement.path && rangeContains(statement.path.range, position)) {
          return link(document, 'holiday file', statement.path);
        }
      }
    }
    if (declaration.kind === 'Portfolio') {
      for (const entry of declaration.entries ?? []) {
        if (entry?.path && rangeContains(entry.path.range, position)) return link(document, 'agreement', entry.path);
      }
    }
  }
  return undefined;
}

function link(document: ServiceDocument, role: PathLink['role'], node: StringLiteral): PathLink {
  return { role, node, file: resolveImport(document.file, node.value) };
}

/** Whether a linked file exists (open buffers count), so that navigation does not open a missing file. */
export function linkedFileExists(document: ServiceDocument, file: string): boolean {
  if (file === document.file || document.analysis.files.has(file)) return true;
  return isAbsolute(file) && existsSync(file);
}

/**
 * Whether a linked file may be opened from this document: one its analysis
 * read, or one it may read (inside the project folder, a regular text file
 * or an open buffer). A path the analysis refuses (outside the folder, a
 * folder, `/dev/zero`) is not offered as a link or a definition.
 */
export function linkedFileReadable(document: ServiceDocument, file: string): boolean {
  if (file === document.file || document.analysis.files.has(file)) return true;
  return document.canRead(file);
}

/**
 * The files with `extension` in the folder of the document (and in its
 * subfolders one level down, as `shared/x.sla`), as paths to write inside
 * the quotes. They replace what is typed between the opening quote and the
 * closing one (or the cursor when there is none).
 */
export function siblingFileItems(
  document: ServiceDocument,
  extension: '.ics' | '.sla',
  position: Position,
  typed: string,
  lineText: string,
): CompletionItem[] {
  if (!isAbsolute(document.file)) return []; // an unsaved buffer has no folder
  const folder = dirname(document.file);
  const own = document.file.slice(folder.length + 1);
  const paths = filesIn(folder, extension).filter((path) => path !== own);
  const rest = lineText.slice(position.character);
  const closing = rest.indexOf('"');
  const end = { line: position.line, character: position.character + (closing < 0 ? 0 : closing) };
  const range = { start: { line: position.line, character: position.character - typed.length }, end };
  return paths.map((path, i) => ({
    label: path,
    kind: CompletionItemKind.File,
    detail: extension === '.ics' ? 'iCalendar file: its all-day events are holidays' : 'agreement file',
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: path },
  }));
}

function filesIn(folder: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of safeList(folder)) {
    if (entry.isFile() && entry.name.endsWith(extension)) found.push(entry.name);
    else if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      for (const inner of safeList(`${folder}/${entry.name}`)) {
        if (inner.isFile() && inner.name.endsWith(extension)) found.push(`${entry.name}/${inner.name}`);
      }
    }
  }
  return found.sort((a, b) => Number(a.includes('/')) - Number(b.includes('/')) || a.localeCompare(b));
}

function safeList(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
