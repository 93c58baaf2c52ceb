import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { StringLiteral } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { resolveImport } from '../../language/workspace/paths.js';
import type { ServiceDocument } from './document.js';
import { slaFileKind } from './sla-file-kinds.js';

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
 * What a path is offered for: a holiday calendar (`holidays from`), a
 * client's agreement (`uses`: files that declare an agreement), or an
 * `import` (any `.sla` file but a portfolio, which cannot be imported).
 */
export type SiblingFileUse = 'ics' | 'uses' | 'import';

/**
 * The files a `use` takes in the folder of the document (and in its
 * subfolders one level down, as `shared/x.sla`), as paths to write inside
 * the quotes, each with what it declares. They replace what is typed
 * between the opening quote and the closing one (or the cursor when there
 * is none). A `.sla` file is told by its tokens (`slaFileKind`): one that
 * cannot be read or is too large to tell is offered anyway.
 */
export function siblingFileItems(
  document: ServiceDocument,
  use: SiblingFileUse,
  position: Position,
  typed: string,
  lineText: string,
): CompletionItem[] {
  if (!isAbsolute(document.file)) return []; // an unsaved buffer has no folder
  const folder = dirname(document.file);
  const own = document.file.slice(folder.length + 1);
  const offered = filesIn(folder, use === 'ics' ? '.ics' : '.sla')
    .filter((path) => path !== own)
    .map((path) => ({ path, detail: use === 'ics' ? ICS_DETAIL : slaDetail(join(folder, path), use) }))
    .filter((file): file is { path: string; detail: string } => file.detail !== undefined);
  const rest = lineText.slice(position.character);
  const closing = rest.indexOf('"');
  const end = { line: position.line, character: position.character + (closing < 0 ? 0 : closing) };
  const range = { start: { line: position.line, character: position.character - typed.length }, end };
  return offered.map(({ path, detail }, i) => ({
    label: path,
    kind: CompletionItemKind.File,
    detail,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: path },
  }));
}

const ICS_DETAIL = 'iCalendar file: its all-day events are holidays';

/** What a `.sla` file offered for `use` declares, or undefined when it cannot serve that use. */
function slaDetail(path: string, use: 'uses' | 'import'): string | undefined {
  const declared = slaFileKind(path);
  if (declared === undefined) return '.sla file';
  if (declared.kind === 'portfolio') return undefined;
  if (declared.kind === 'agreement') return `agreement ${declared.name}`;
  return use === 'uses' ? undefined : 'shared declarations (no agreement)';
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
