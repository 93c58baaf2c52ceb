import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Declaration } from '../../language/syntax/ast.js';
import type { Range } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { wholeCharactersUpTo } from './language.js';
import { splitLines } from './lines.js';

const kinds: Record<Declaration['kind'], SymbolKind> = {
  Import: SymbolKind.File,
  Agreement: SymbolKind.Class,
  Param: SymbolKind.Variable,
  Calendar: SymbolKind.Struct,
  Channel: SymbolKind.Interface,
  Severity: SymbolKind.EnumMember,
  Pause: SymbolKind.Event,
  Metric: SymbolKind.Function,
  Escalation: SymbolKind.Namespace,
  Credits: SymbolKind.Namespace,
  Responsibilities: SymbolKind.Namespace,
  Clause: SymbolKind.String,
  Maintenance: SymbolKind.Event,
  Portfolio: SymbolKind.Package,
  Review: SymbolKind.Namespace,
  Severities: SymbolKind.Namespace,
  Measurement: SymbolKind.Namespace,
  Term: SymbolKind.String,
};

/**
 * The outline: one entry per declaration (named ones by their name, blocks
 * by their keyword), with the statements that matter as children: a
 * calendar's hours and holidays, a metric's targets and objective, the
 * levels of an escalation, the tiers of credits.
 */
export function documentSymbols(document: ServiceDocument): DocumentSymbol[] {
  const lines = splitLines(document.text);
  const textOf = (range: Range) => snippet(lines, range);
  const symbols: DocumentSymbol[] = [];
  for (const declaration of document.parse.document?.declarations ?? []) {
    if (!declaration?.range) continue;
    const name = declarationName(declaration);
    const selection = ('name' in declaration && declaration.name?.range) || declaration.keywordRange || declaration.range;
    symbols.push({
      name,
      detail: declaration.override ? `override ${keywordOf(declaration)}` : keywordOf(declaration),
      kind: kinds[declaration.kind] ?? SymbolKind.Object,
      range: declaration.range,
      selectionRange: selection,
      children: childrenOf(declaration, textOf),
    });
  }
  return symbols;
}

function keywordOf(declaration: Declaration): string {
  return declaration.kind.toLowerCase();
}

function declarationName(declaration: Declaration): string {
  if ('name' in declaration && declaration.name?.text) return declaration.name.text;
  switch (declaration.kind) {
    case 'Import':
      return `import "${declaration.path?.value ?? ''}"`;
    case 'Clause':
      return `clause "${declaration.title?.value ?? ''}"`;
    case 'Term':
      return `term "${declaration.term?.value ?? ''}"`;
    case 'Responsibilities':
      return `responsibilities ${declaration.party?.text ?? ''}`.trim();
    default:
      return keywordOf(declaration);
  }
}

const childKinds = new Set([
  'Timezone', 'Hours', 'Holiday', 'HolidaySet', 'HolidayFile', 'Target', 'Objective', 'Measures', 'Clock', 'MetricPause',
  'Level', 'Tier', 'Cap', 'Every', 'ChannelHours', 'Window', 'Notice', 'AtMost',
]);

function childrenOf(declaration: Declaration, textOf: (range: Range) => string): DocumentSymbol[] {
  if (declaration.kind === 'Portfolio') {
    // One child per client line, named by the client's first name and its agreement.
    return (declaration.entries ?? []).filter((e) => e?.range).map((entry) => {
      const who = entry.kind === 'PortfolioClient' ? (entry.names?.[0]?.value ?? 'client') : 'others';
      return { ...child(who, SymbolKind.Object, entry.range), detail: entry.path?.value ?? '' };
    });
  }
  const statements = 'statements' in declaration && Array.isArray(declaration.statements) ? declaration.statements : [];
  const children: DocumentSymbol[] = [];
  for (const statement of statements as { kind: string; range: Range; entries?: unknown }[]) {
    if (!statement?.range) continue;
    if (statement.kind === 'Holidays') {
      const entries = (statement as unknown as { entries: { range: Range }[] }).entries ?? [];
      for (const entry of entries) if (entry?.range) children.push(child(textOf(entry.range), SymbolKind.Event, entry.range));
    } else if (childKinds.has(statement.kind)) {
      children.push(child(textOf(statement.range), SymbolKind.Property, statement.range));
    }
  }
  return children;
}

function child(name: string, kind: SymbolKind, range: Range): DocumentSymbol {
  return { name: name || ' ', kind, range, selectionRange: range };
}

/** The first line of a range's text, squeezed, as an outline label. */
function snippet(lines: string[], range: Range): string {
  const line = lines[range.start.line] ?? '';
  const end = range.end.line === range.start.line ? range.end.character : line.length;
  return wholeCharactersUpTo(line.slice(range.start.character, end).replace(/\s+/g, ' ').trim(), 80);
}
