import { bind, type BoundWorkspace, type ScopeEntry } from '../binder/index.js';
import { nameRangeOf } from '../binder/scopes.js';
import { check } from '../checker/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Declaration } from '../syntax/ast.js';
import { rangeContains, type Range } from '../syntax/range.js';
import type { LoadedFiles } from './load-files.js';

/** Where a problem of the merged declarations is shown instead of the imported file that is clean on its own. */
interface Blame {
  file: string;
  range: Range;
}

/**
 * The checks see the declarations in force: an importer's `override` may
 * leave an imported file's declarations wrong (its default severity
 * replaced by one that is not default, its metric replaced by an uptime
 * metric its escalation cannot follow). Such a problem is not the imported
 * file's: analysed on its own that file has none. Each checker diagnostic
 * in an imported file that the file does not have on its own is moved to
 * the override that causes it (or, failing one, the entry's import that
 * reaches the file), with the imported place as related information.
 */
export function blameMergeProblems(loaded: LoadedFiles, bound: BoundWorkspace, checked: Diagnostic[]): Diagnostic[] {
  const inImports = new Set(checked.filter((d) => d.file !== loaded.entry && loaded.files.has(d.file)));
  if (inImports.size === 0) return checked;
  const standalone = new Map<string, Set<string>>();
  const ownProblems = (file: string): Set<string> => {
    let keys = standalone.get(file);
    if (!keys) standalone.set(file, (keys = new Set(checkOnItsOwn(loaded, file).map(problemKey))));
    return keys;
  };
  return checked.map((diagnostic) => {
    if (!inImports.has(diagnostic) || ownProblems(diagnostic.file).has(problemKey(diagnostic))) return diagnostic;
    const blame = overrideToBlame(loaded, bound, diagnostic) ?? entryImportReaching(loaded, diagnostic.file);
    if (!blame) return diagnostic;
    const related = [{ file: diagnostic.file, range: diagnostic.range, message: 'The imported declaration it concerns.' }, ...(diagnostic.related ?? [])];
    return { ...diagnostic, file: blame.file, range: blame.range, related };
  });
}

function problemKey(d: Diagnostic): string {
  return `${d.code}|${d.file}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
}

/** The checker's diagnostics of `file` as if it were the entry: the files it reaches, already loaded, bound anew. */
function checkOnItsOwn(loaded: LoadedFiles, file: string): Diagnostic[] {
  const reached = filesReachedFrom(loaded, file);
  const files = new Map([...loaded.files].filter(([name]) => reached.has(name)));
  const own: LoadedFiles = { entry: file, files, order: loaded.order.filter((name) => reached.has(name)), diagnostics: [] };
  return check(own, bind(own)).filter((d) => d.file === file);
}

/**
 * The override in force that causes `diagnostic`: of those replacing a
 * declaration the imported file reaches, one of the same kind as the
 * declaration the diagnostic sits in, else one that declaration names,
 * else the first.
 */
function overrideToBlame(loaded: LoadedFiles, bound: BoundWorkspace, diagnostic: Diagnostic): Blame | undefined {
  const reached = filesReachedFrom(loaded, diagnostic.file);
  const overrides = bound.entryScope.filter(
    (entry) => entry.declaration.override && !reached.has(entry.file) && replacesAnyIn(entry, reached),
  );
  if (overrides.length === 0) return undefined;
  const container = declarationAt(loaded, diagnostic);
  const named = new Set(
    bound.symbols.references
      .filter((reference) => reference.file === diagnostic.file && container && rangeContains(container.range, reference.range.start))
      .flatMap((reference) => reference.target ?? []),
  );
  const chosen: ScopeEntry =
    overrides.find((entry) => entry.declaration.kind === container?.kind) ??
    overrides.find((entry) => entry.symbol !== undefined && named.has(entry.symbol)) ??
    overrides[0]!;
  return { file: chosen.file, range: nameRangeOf(chosen) };
}

function replacesAnyIn(entry: ScopeEntry, files: Set<string>): boolean {
  return entry.replaces.some((old) => files.has(old.file) || replacesAnyIn(old, files));
}

function declarationAt(loaded: LoadedFiles, diagnostic: Diagnostic): Declaration | undefined {
  const declarations = loaded.files.get(diagnostic.file)?.parse.document?.declarations ?? [];
  return declarations.find((d): d is Declaration => d !== undefined && rangeContains(d.range, diagnostic.range.start));
}

function filesReachedFrom(loaded: LoadedFiles, file: string): Set<string> {
  const reached = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (reached.has(current)) continue;
    reached.add(current);
    for (const imported of loaded.files.get(current)?.imports ?? []) if (imported.target) pending.push(imported.target);
  }
  return reached;
}

/** The entry file's import through which `file` is reached. */
function entryImportReaching(loaded: LoadedFiles, file: string): Blame | undefined {
  for (const imported of loaded.files.get(loaded.entry)?.imports ?? []) {
    const path = imported.declaration.path;
    if (imported.target && path && filesReachedFrom(loaded, imported.target).has(file)) return { file: loaded.entry, range: path.range };
  }
  return undefined;
}
