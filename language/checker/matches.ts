import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ScopeEntry } from '../binder/scopes.js';
import type { ChannelDeclaration, SeverityDeclaration, StringLiteral } from '../syntax/ast.js';

/** How the runtime compares a log value with a name or a `matches` value. */
export function logKey(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * `matches` values in force (LANGUAGE.md 1.1): a value may mean one
 * severity and one channel only (SLA3044), and a severity's value may not be
 * another severity's name (SLA3045), since a log may give either; an
 * empty value is SLA3080.
 */
export function checkMatches(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  checkKind(entryScope, 'Severity', 'severity', diagnostics);
  checkKind(entryScope, 'Channel', 'channel', diagnostics);
}

function checkKind(entryScope: readonly ScopeEntry[], kind: 'Severity' | 'Channel', word: string, diagnostics: Diagnostic[]): void {
  const declarations = entryScope
    .filter((entry) => entry.declaration.kind === kind)
    .map((entry) => ({ file: entry.file, declaration: entry.declaration as SeverityDeclaration | ChannelDeclaration }));
  const names = new Map(declarations.flatMap(({ declaration }) => (declaration.name ? [[logKey(declaration.name.text), declaration.name.text]] : [])));
  const owners = new Map<string, string>();
  for (const { file, declaration } of declarations) {
    const name = declaration.name?.text ?? '?';
    for (const value of valuesOf(declaration)) {
      const key = logKey(value.value);
      if (key === '') {
        diagnostics.push(createDiagnostic('SLA3080', file, value.range, { kind: word }));
        continue;
      }
      const owner = owners.get(key);
      if (owner !== undefined && owner !== name) {
        diagnostics.push(createDiagnostic('SLA3044', file, value.range, { value: value.value, kind: word, name: owner, other: name }));
        continue;
      }
      owners.set(key, name);
      const named = names.get(key);
      if (kind === 'Severity' && named !== undefined && named !== name) {
        diagnostics.push(createDiagnostic('SLA3045', file, value.range, { value: value.value, name, other: named }));
      }
    }
  }
}

/** A severity's or channel's `matches` values, as written. */
export function valuesOf(declaration: SeverityDeclaration | ChannelDeclaration): StringLiteral[] {
  return (declaration.statements ?? []).flatMap((statement) => (statement?.kind === 'Matches' ? (statement.values ?? []) : []));
}
