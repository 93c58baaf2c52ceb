import type { SymbolInformation } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Analysis, DeclarationSymbol } from './language.js';

const kinds: Record<string, SymbolKind> = {
  calendar: SymbolKind.Struct,
  severity: SymbolKind.EnumMember,
  metric: SymbolKind.Function,
  param: SymbolKind.Variable,
  channel: SymbolKind.Interface,
  agreement: SymbolKind.Class,
};

/**
 * The declarations of every file whose analysis is given (the open and
 * indexed files) whose name matches `query`: its letters in order, case
 * ignored, as editors filter (`srvdsk` finds `ServiceDesk`). Each
 * declaration once, in its own file.
 */
export function workspaceSymbols(analyses: Iterable<[file: string, analysis: Analysis]>, query: string, uriOf: (file: string) => string): SymbolInformation[] {
  const result: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const [file, analysis] of analyses) {
    for (const declaration of analysis.symbols.declarations) {
      if (declaration.file !== file || !matches(declaration.name, query)) continue;
      const key = `${file}|${declaration.kind}|${declaration.name}|${declaration.nameRange.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(information(declaration, uriOf));
    }
  }
  return result;
}

function information(declaration: DeclarationSymbol, uriOf: (file: string) => string): SymbolInformation {
  return {
    name: declaration.name,
    kind: kinds[declaration.kind] ?? SymbolKind.Object,
    location: { uri: uriOf(declaration.file), range: declaration.range },
    containerName: declaration.kind,
  };
}

function matches(name: string, query: string): boolean {
  const lower = name.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase()) {
    at = lower.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
