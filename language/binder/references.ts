import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Declaration, Reference, SlaDocument } from '../syntax/ast.js';
import type { ScopeEntry } from './scopes.js';
import { suggestionHint, suggestName } from './suggest.js';
import { suggestionFit, type DeclarationOf, type ReferencePlace } from './suggestion-fit.js';
import { inForce, type DeclarationSymbol, type ReferenceSymbol } from './symbols.js';

/** A reference as found in the tree, with the kind of statement it sits in. */
interface FoundReference extends ReferencePlace {
  node: Reference;
  /** `kind` of the nearest enclosing node that has one, e.g. `Target`. */
  context: string | undefined;
}

/** Found references per tree: `bind` asks for the same documents twice. */
const foundByDocument = new WeakMap<SlaDocument, FoundReference[]>();
/**
 * And per declaration: after an edit, an incremental parse gives a new
 * tree that shares the declarations the edit did not reach, so only the
 * edited ones are walked again.
 */
const foundByDeclaration = new WeakMap<object, FoundReference[]>();

/**
 * Every reference of a document, found by walking the tree so that a
 * statement added to the syntax later is covered without a change here.
 * The result is cached per tree (trees are never changed after parsing);
 * callers must not modify it.
 */
export function findReferences(document: SlaDocument | undefined): FoundReference[] {
  if (!document) return [];
  let found = foundByDocument.get(document);
  if (!found) {
    found = [];
    for (const declaration of document.declarations) {
      if (!declaration || typeof declaration !== 'object') continue;
      for (const reference of referencesOfDeclaration(declaration)) found.push(reference);
    }
    foundByDocument.set(document, found);
  }
  return found;
}

/** The references of one declaration, cached as `findReferences` caches them; callers must not modify the result. */
export function referencesOfDeclaration(declaration: Declaration): readonly FoundReference[] {
  let own = foundByDeclaration.get(declaration);
  if (!own) {
    own = [];
    walkReferences(declaration, { holder: undefined, declaration }, own);
    foundByDeclaration.set(declaration, own);
  }
  return own;
}

function walkReferences(value: unknown, place: ReferencePlace, found: FoundReference[]): void {
  if (Array.isArray(value)) {
    for (const item of value) walkReferences(item, place, found);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if (typeof node['expects'] === 'string' && typeof node['text'] === 'string' && node['range']) {
    found.push({ node: node as unknown as Reference, context: place.holder?.kind, ...place });
    return;
  }
  // A position (a range's start or end, under `nameRange`, `keywordRange`, ...) holds nothing more.
  if (typeof node['line'] === 'number' && typeof node['character'] === 'number') return;
  const inner = typeof node['kind'] === 'string' ? { ...place, holder: node as { kind: string } } : place;
  // `for...in` visits the same keys in the same order as Object.entries on
  // these plain objects, without allocating an array per node.
  for (const key in node) {
    if (key !== 'range' && key !== 'comments' && Object.hasOwn(node, key)) walkReferences(node[key], inner, found);
  }
}

/**
 * Resolves each reference of `file` in that file's scope, following
 * overrides to the declaration in force. Unknown names get a "did you
 * mean"; a target's unknown severity has its own code.
 */
export function resolveReferences(
  file: string,
  document: SlaDocument | undefined,
  scope: readonly ScopeEntry[],
  resolved: Map<Reference, ReferenceSymbol>,
  diagnostics: Diagnostic[],
): void {
  const named = scope.flatMap((entry) => (entry.symbol ? [entry.symbol] : []));
  const byName = new Map<string, DeclarationSymbol[]>();
  for (const candidate of named) {
    const list = byName.get(candidate.name);
    if (list) list.push(candidate);
    else byName.set(candidate.name, [candidate]);
  }
  const declarationOf = (name: string, kind: string) => {
    const symbol = byName.get(name)?.find((candidate) => candidate.kind === kind);
    return symbol ? inForce(symbol).declaration : undefined;
  };
  for (const found of findReferences(document)) {
    const { node } = found;
    if (node.text === '') continue;
    const symbol: ReferenceSymbol = { file, range: node.range, name: node.text, expects: node.expects };
    resolved.set(node, symbol);
    const sameName = byName.get(node.text) ?? [];
    const match = sameName.find((candidate) => candidate.kind === node.expects);
    if (match) {
      symbol.target = inForce(match);
      continue;
    }
    if (sameName.length > 0) {
      diagnostics.push(
        createDiagnostic('SLA2009', file, node.range, { name: node.text, actual: sameName[0]!.kind, kind: node.expects }),
      );
      continue;
    }
    diagnostics.push(unknownName(file, found, named, declarationOf));
  }
}

function unknownName(file: string, found: FoundReference, named: DeclarationSymbol[], declarationOf: DeclarationOf): Diagnostic {
  const { node, context } = found;
  // Only names that leave the statement sound: a quick fix must not trade one error for another.
  const fits = suggestionFit(found, node.expects, declarationOf);
  const candidates = [...new Set(named.filter((c) => c.kind === node.expects && fits(inForce(c).declaration)).map((c) => c.name))];
  const suggestion = suggestName(node.text, candidates);
  const hint = suggestionHint(suggestion);
  const data = suggestion === undefined ? undefined : { suggestion };
  const extra = data ? { data } : {};
  if (context === 'Target' && node.expects === 'severity') {
    return createDiagnostic('SLA3008', file, node.range, { name: node.text, hint }, extra);
  }
  return createDiagnostic('SLA2001', file, node.range, { kind: node.expects, name: node.text, hint }, extra);
}
