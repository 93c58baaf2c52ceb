import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Declaration, DeclarationKind, NamedDeclaration } from '../syntax/ast.js';
import type { Range } from '../syntax/range.js';
import { pathFromEntry } from '../workspace/paths.js';
import type { LoadedFiles } from '../workspace/load-files.js';
import type { DeclarationSymbol, DeclarationSymbolKind } from './symbols.js';

/**
 * One declaration in scope. Declarations fill "slots": a named declaration
 * its kind and name, escalation, credits, review, maintenance and portfolio one slot each (at most
 * one per agreement), and pause lines, responsibilities of one party and
 * clauses of one title accumulate in theirs.
 */
export interface ScopeEntry {
  slot: string;
  accumulates: boolean;
  file: string;
  declaration: Declaration;
  symbol?: DeclarationSymbol;
  /** The imported entries this one replaces through `override`. */
  replaces: ScopeEntry[];
}

const symbolKinds: Partial<Record<DeclarationKind, DeclarationSymbolKind>> = {
  Agreement: 'agreement',
  Param: 'param',
  Calendar: 'calendar',
  Channel: 'channel',
  Severity: 'severity',
  Metric: 'metric',
};

/**
 * The unnamed declarations a file's scope holds at most one of: a second
 * is SLA2012, one beside an imported one needs `override` (SLA2011).
 */
export const onePerFile: ReadonlySet<DeclarationKind> = new Set<DeclarationKind>([
  'Escalation', 'Credits', 'Review', 'Maintenance', 'Portfolio', 'Severities', 'Measurement',
]);

/** Terms are compared as an author reads them: case-insensitive, trimmed, spaces collapsed. */
export function termKey(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The keyword that starts a declaration of this kind, as the author writes it. */
export function keywordOf(kind: DeclarationKind): string {
  return kind.toLowerCase();
}

/** The scope of every file: its own declarations and everything it imports. */
export interface Scopes {
  byFile: Map<string, ScopeEntry[]>;
  symbols: DeclarationSymbol[];
  diagnostics: Diagnostic[];
}

/**
 * Builds each file's scope, imported files first: the imports' scopes, then
 * the file's own declarations, reporting duplicates (SLA2002, SLA2012),
 * overrides of nothing (SLA2005) and missing overrides (SLA2006, SLA2011).
 */
export function buildScopes(loaded: LoadedFiles): Scopes {
  const scopes: Scopes = { byFile: new Map(), symbols: [], diagnostics: [] };
  for (const file of loaded.order) {
    const source = loaded.files.get(file);
    if (!source) continue;
    const entries: ScopeEntry[] = [];
    for (const imported of source.imports) {
      const targetScope = imported.target ? scopes.byFile.get(imported.target) : undefined;
      const at = imported.declaration.path?.range ?? imported.declaration.range;
      if (imported.target && declaresPortfolio(loaded, imported.target)) {
        scopes.diagnostics.push(createDiagnostic('SLA2019', file, at, { path: imported.declaration.path?.value ?? '' }));
      }
      for (const entry of targetScope ?? []) {
        // A portfolio is never part of an agreement: the import is an error (SLA2019), and what it names is not brought in.
        if (entry.declaration.kind !== 'Portfolio') addImported(scopes, entries, entry, file, at);
      }
    }
    const own = new Map<string, ScopeEntry>();
    const imported = importedBySlot(entries, file);
    for (const declaration of source.parse.document?.declarations ?? []) {
      const entry = entryOf(declaration, file);
      if (!entry) continue;
      if (entry.symbol) scopes.symbols.push(entry.symbol);
      addOwn(scopes, entries, own, imported, entry, file);
    }
    scopes.byFile.set(file, entries);
  }
  return scopes;
}

function declaresPortfolio(loaded: LoadedFiles, file: string): boolean {
  return (loaded.files.get(file)?.parse.document?.declarations ?? []).some((d) => d?.kind === 'Portfolio');
}

function entryOf(declaration: Declaration | undefined, file: string): ScopeEntry | undefined {
  if (!declaration || declaration.kind === 'Import') return undefined;
  // Object literals rather than spreads of a shared base: this runs once per declaration.
  const entry = (slot: string, accumulates: boolean): ScopeEntry => ({ file, declaration, replaces: [], slot, accumulates });
  // One per agreement (or per portfolio file): a second is a duplicate, `override` replaces an imported one.
  if (onePerFile.has(declaration.kind)) return entry(declaration.kind, false);
  switch (declaration.kind) {
    case 'Pause':
      return entry('Pause', true);
    case 'Responsibilities':
      return entry(`Responsibilities:${declaration.party?.text ?? ''}`, true);
    case 'Clause':
      return entry(`Clause:${declaration.title?.value ?? ''}`, true);
    case 'Term':
      // Terms add up like clauses so that the checker can report a term defined twice (SLA3049) in its own words.
      return entry(`Term:${termKey(declaration.term?.value ?? '')}`, true);
    default: {
      const named = declaration as NamedDeclaration;
      const kind = symbolKinds[named.kind];
      if (!kind || !named.name || named.name.text === '') return undefined;
      const symbol: DeclarationSymbol = {
        kind,
        name: named.name.text,
        file,
        nameRange: named.name.range,
        range: named.range,
        declaration: named,
      };
      return { file, declaration, replaces: [], slot: `${named.kind}:${named.name.text}`, accumulates: false, symbol };
    }
  }
}

function replacesTransitively(entry: ScopeEntry, other: ScopeEntry): boolean {
  return entry.replaces.some((replaced) => replaced === other || replacesTransitively(replaced, other));
}

function addImported(scopes: Scopes, entries: ScopeEntry[], entry: ScopeEntry, file: string, at: Range): void {
  if (entries.includes(entry)) return; // the same file reached twice
  const sameSlot = entries.filter((existing) => existing.slot === entry.slot);
  if (sameSlot.some((existing) => replacesTransitively(existing, entry))) return;
  const replaced = sameSlot.filter((existing) => replacesTransitively(entry, existing));
  if (replaced.length > 0) {
    entries.splice(entries.indexOf(replaced[0]!), 1, entry);
    for (const old of replaced.slice(1)) entries.splice(entries.indexOf(old), 1);
    return;
  }
  if (sameSlot.length > 0 && !entry.accumulates) {
    scopes.diagnostics.push(duplicate(entry, sameSlot[0]!, file, at));
    return;
  }
  entries.push(entry);
}

/**
 * The imported entries of each slot, in scope order. `addOwn` keeps it in
 * step with `entries` (an override removes the slot's imported entries), so
 * a file of many declarations is not rescanned per declaration.
 */
function importedBySlot(entries: readonly ScopeEntry[], file: string): Map<string, ScopeEntry[]> {
  const bySlot = new Map<string, ScopeEntry[]>();
  for (const existing of entries) {
    if (existing.file === file) continue;
    const list = bySlot.get(existing.slot);
    if (list) list.push(existing);
    else bySlot.set(existing.slot, [existing]);
  }
  return bySlot;
}

function addOwn(
  scopes: Scopes,
  entries: ScopeEntry[],
  own: Map<string, ScopeEntry>,
  importedSlots: Map<string, ScopeEntry[]>,
  entry: ScopeEntry,
  file: string,
): void {
  const first = own.get(entry.slot);
  if (first && !entry.accumulates) {
    scopes.diagnostics.push(duplicate(entry, first, file, nameRangeOf(entry)));
    return;
  }
  own.set(entry.slot, first ?? entry);
  const imported = importedSlots.get(entry.slot) ?? [];
  const declaration = entry.declaration;
  if (declaration.override && imported.length === 0 && !first) {
    scopes.diagnostics.push(
      createDiagnostic('SLA2005', file, nameRangeOf(entry), {
        kind: keywordOf(declaration.kind),
        name: entry.symbol?.name ?? entry.slot.split(':')[1] ?? '',
      }),
    );
  }
  if (!declaration.override && imported.length > 0 && !entry.accumulates) {
    scopes.diagnostics.push(notOverridden(entry, imported[0]!, file));
  }
  if (imported.length > 0 && (declaration.override || !entry.accumulates)) {
    importedSlots.delete(entry.slot);
    replaceInPlace(entries, imported, entry);
    return;
  }
  entries.push(entry);
}

function replaceInPlace(entries: ScopeEntry[], imported: ScopeEntry[], entry: ScopeEntry): void {
  entry.replaces = imported;
  for (const old of imported) {
    if (old.symbol && entry.symbol) {
      old.symbol.overriddenBy = entry.symbol;
      entry.symbol.overrides = old.symbol;
    }
  }
  entries.splice(entries.indexOf(imported[0]!), 1, entry);
  for (const old of imported.slice(1)) entries.splice(entries.indexOf(old), 1);
}

/** Where to point at a scope entry: its name, else its keyword. */
export function nameRangeOf(entry: ScopeEntry): Range {
  return entry.symbol?.nameRange ?? entry.declaration.keywordRange ?? entry.declaration.range;
}

function duplicate(entry: ScopeEntry, first: ScopeEntry, file: string, at: Range): Diagnostic {
  const related = [{ file: first.file, range: nameRangeOf(first), message: 'First declared here.' }];
  if (!entry.symbol) {
    return createDiagnostic('SLA2012', file, at, { keyword: keywordOf(entry.declaration.kind) }, { related });
  }
  const kind = keywordOf(entry.declaration.kind);
  return createDiagnostic('SLA2002', file, at, { kind: kind[0]!.toUpperCase() + kind.slice(1), name: entry.symbol.name }, { related });
}

function notOverridden(entry: ScopeEntry, imported: ScopeEntry, file: string): Diagnostic {
  const keyword = keywordOf(entry.declaration.kind);
  const args = { keyword, file: pathFromEntry(file, imported.file) };
  const related = [{ file: imported.file, range: nameRangeOf(imported), message: 'Imported declaration.' }];
  const data = { fix: 'override' };
  if (!entry.symbol) return createDiagnostic('SLA2011', file, nameRangeOf(entry), args, { related, data });
  const kind = keyword[0]!.toUpperCase() + keyword.slice(1);
  return createDiagnostic('SLA2006', file, nameRangeOf(entry), { ...args, kind, name: entry.symbol.name }, { related, data });
}
