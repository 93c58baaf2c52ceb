import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDocument, type ParseResult } from '../parser/index.js';
import type { HolidayFileStatement, ImportDeclaration, SlaDocument } from '../syntax/ast.js';
import { rangeOf } from '../syntax/range.js';
import { isSlaPath, pathFromEntry, resolveImport } from './paths.js';
import type { SourceHost } from './source-host.js';

/** One `import` of a file, with the file it reaches (absent when missing or cyclic). */
export interface ResolvedImport {
  declaration: ImportDeclaration;
  target?: string;
}

export interface LoadedFile {
  file: string;
  text: string;
  parse: ParseResult;
  imports: ResolvedImport[];
  /** `holidays from "x.ics"`: each readable file's text, by its path as written. */
  holidayFiles: Map<string, string>;
}

/** The entry file and every file reached from it through imports, each parsed once. */
export interface LoadedFiles {
  entry: string;
  files: Map<string, LoadedFile>;
  /** Imported files before the files importing them; the entry last. */
  order: string[];
  /** Missing files, import cycles and unreadable holiday files (parse diagnostics stay on each file). */
  diagnostics: Diagnostic[];
}

const startOfFile = rangeOf(0, 0, 0, 0);

/** How a file's text becomes its parse: `parseDocument`, or a cache in front of it. */
export type ParseFile = (text: string, file: string) => ParseResult;

/** What one `loadFiles` call carries through the import graph. */
interface Loading {
  loaded: LoadedFiles;
  host: SourceHost;
  parseFile: ParseFile;
  /** The path each file was first reached by, per identity (`SourceHost.fileIdentity`). */
  pathByIdentity: Map<string, string>;
}

/**
 * Parses the entry file and follows its imports depth-first. A missing file
 * is reported at the import's path, a cycle at the import that closes it;
 * neither is followed, so loading always ends. A file reached by two paths
 * (a symbolic or hard link) is known by the path it was first reached by,
 * so it is read and counted once.
 */
export function loadFiles(entry: string, host: SourceHost, parseFile: ParseFile = parseDocument): LoadedFiles {
  const loaded: LoadedFiles = { entry, files: new Map(), order: [], diagnostics: [] };
  const text = host.readFile(entry);
  if (text === undefined) {
    loaded.diagnostics.push(
      createDiagnostic('SLA2010', entry, startOfFile, {
        // Named as the location names it (the CLI: as the user gave it); seen from its own folder, /dev/null was 'null'.
        path: host.shownPath?.(entry) ?? pathFromEntry(entry, entry),
        reason: host.unreadableReason?.(entry) ?? 'it does not exist or cannot be read',
      }),
    );
    return loaded;
  }
  const loading: Loading = { loaded, host, parseFile, pathByIdentity: new Map() };
  visit(loading, knownPath(loading, entry), text, [entry]);
  return loaded;
}

/** The path by which the file `file` names was first reached (`file` itself when it is new or the host cannot tell). */
function knownPath(loading: Loading, file: string): string {
  const identity = loading.host.fileIdentity?.(file);
  if (identity === undefined) return file;
  const known = loading.pathByIdentity.get(identity);
  if (known !== undefined) return known;
  loading.pathByIdentity.set(identity, file);
  return file;
}

function visit(loading: Loading, file: string, text: string, stack: string[]): void {
  const { loaded, host } = loading;
  const parse = loading.parseFile(text, file);
  const current: LoadedFile = { file, text, parse, imports: [], holidayFiles: new Map() };
  loaded.files.set(file, current);
  readHolidayFiles(loaded, host, current);
  for (const declaration of importsOf(parse.document)) {
    const resolved: ResolvedImport = { declaration };
    current.imports.push(resolved);
    const path = declaration.path;
    if (!path) continue;
    if (!isSlaPath(path.value)) {
      loaded.diagnostics.push(createDiagnostic('SLA2018', file, path.range, { path: path.value }));
      continue;
    }
    const target = knownPath(loading, resolveImport(file, path.value));
    if (stack.includes(target)) {
      const chain = [...stack.slice(stack.indexOf(target)), target].map((f) => pathFromEntry(loaded.entry, f));
      loaded.diagnostics.push(createDiagnostic('SLA2004', file, path.range, { cycle: chain.join(' -> ') }));
      continue;
    }
    if (!loaded.files.has(target)) {
      const targetText = host.readFile(target);
      if (targetText === undefined) {
        loaded.diagnostics.push(unreadableImport(file, path, host.unreadableReason?.(target)));
        continue;
      }
      visit(loading, target, targetText, [...stack, target]);
    }
    resolved.target = target;
  }
  loaded.order.push(file);
}

/** A missing import is "cannot find"; one that exists but is a folder or binary says why it cannot be read. */
function unreadableImport(file: string, path: NonNullable<ImportDeclaration['path']>, reason: string | undefined): Diagnostic {
  if (reason === undefined || reason === 'no such file') return createDiagnostic('SLA2003', file, path.range, { path: path.value });
  return createDiagnostic('SLA2010', file, path.range, { path: path.value, reason });
}

/**
 * Reads the iCalendar file of each `holidays from "x.ics"` (relative to the
 * declaring file), so that the model can carry its text. A path that is not
 * `.ics` is left to the checker (SLA3040); a missing or unreadable file is
 * reported at its path (SLA2013).
 */
function readHolidayFiles(loaded: LoadedFiles, host: SourceHost, current: LoadedFile): void {
  for (const statement of holidayFileStatements(current.parse.document)) {
    const path = statement.path;
    if (!path || !path.value.toLowerCase().endsWith('.ics') || current.holidayFiles.has(path.value)) continue;
    const target = resolveImport(current.file, path.value);
    const text = host.readFile(target);
    if (text === undefined) {
      const reason = host.unreadableReason?.(target) ?? 'no such file';
      loaded.diagnostics.push(createDiagnostic('SLA2013', current.file, path.range, { path: path.value, reason }));
      continue;
    }
    current.holidayFiles.set(path.value, text);
  }
}

function holidayFileStatements(document: SlaDocument | undefined): HolidayFileStatement[] {
  return (document?.declarations ?? []).flatMap((declaration) =>
    declaration?.kind === 'Calendar'
      ? (declaration.statements ?? []).filter((s): s is HolidayFileStatement => s?.kind === 'HolidayFile')
      : [],
  );
}

function importsOf(document: SlaDocument | undefined): ImportDeclaration[] {
  return (document?.declarations ?? []).filter((d): d is ImportDeclaration => d?.kind === 'Import');
}
