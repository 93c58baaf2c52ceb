import type { CstNode } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineMap } from '../lexer/line-map.js';
import type { Declaration, DeclarationBase, SlaDocument } from '../syntax/ast.js';
import type { CstReader } from './cst-reader.js';
import {
  agreementStatement, calendarStatement, channelStatement, creditsStatement, escalationStatement, maintenanceStatement,
  metricStatement, portfolioEntry, reviewStatement, severityStatement, texts,
} from './build-statements.js';
import { measurementStatement, severitiesStatement } from './build-contract.js';
import { bareTerm, name, stringLiteral, text } from './build-values.js';
import type { BlockContext } from './grammar-info.js';
import { reportStrayInput } from './stray.js';
import type { TopLevelItem } from './top-level.js';

/**
 * The syntax tree of a document from its top-level items, each built on its
 * own (`buildItem`), and the stray-input diagnostics of the top level
 * (which depend on the parser's errors between items, `errorOffsets`).
 */
export function assembleDocument(
  items: readonly TopLevelItem[],
  lines: LineMap,
  errorOffsets: readonly number[],
  file: string,
  comments: SlaDocument['comments'],
): { document: SlaDocument; strayDiagnostics: Diagnostic[] } {
  const declarations: Declaration[] = [];
  const end = lines.endRange().end;
  for (const [index, item] of items.entries()) {
    const declaration = item.declaration;
    if (!declaration) continue;
    if (!item.unclosed) {
      declarations.push(declaration);
      continue;
    }
    // A block whose `}` is missing runs until whatever comes next, so an
    // editor still knows the cursor below its last statement is inside it.
    // (A copy: items are shared between the parses of successive versions.)
    const next = items[index + 1];
    declarations.push({ ...declaration, range: { start: declaration.range.start, end: next ? lines.positionAt(next.start) : end }, unclosed: true });
  }
  const document: SlaDocument = { kind: 'Document', file, declarations, comments, range: { start: { line: 0, character: 0 }, end } };
  return { document, strayDiagnostics: topLevelStrayInput(items, errorOffsets) };
}

/** `reportStrayInput` for the top level, over items built apart. */
function topLevelStrayInput(items: readonly TopLevelItem[], errorOffsets: readonly number[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const hasErrorBetween = (start: number, end: number): boolean => errorOffsets.some((offset) => offset >= start && offset <= end);
  let explainedFrom = items[0]?.start ?? 0;
  let inRun = false;
  for (const item of items) {
    if (item.key !== 'stray' || !item.stray) {
      inRun = false;
      explainedFrom = item.start;
      continue;
    }
    if (!inRun || item.stray.startsLine) {
      if (!hasErrorBetween(explainedFrom, item.start) && item.stray.report) found.push(item.stray.report);
      explainedFrom = item.start + 1;
    }
    inRun = true;
  }
  return found;
}

/** The first child key naming a declaration rule (`metricDeclaration`, ...), as `Object.entries(...).find` would give. */
function innerKey(node: CstNode): string | undefined {
  for (const key in node.children) if (key.endsWith('Declaration')) return key;
  return undefined;
}

export function isUnclosedBlock(reader: CstReader, declarationNode: CstNode): boolean {
  const key = innerKey(declarationNode);
  const inner = key === undefined ? undefined : declarationNode.children[key]![0];
  if (!inner || !('children' in inner)) return false;
  return reader.token(inner, 'LCurly') !== undefined && reader.token(inner, 'RCurly') === undefined;
}

type StatementBuilder<S> = (reader: CstReader, key: string, node: CstNode) => S | undefined;

/** The statements of a block in source order, reporting stray input. */
function statements<S>(reader: CstReader, node: CstNode, context: BlockContext, build: StatementBuilder<S>): S[] {
  reportStrayInput(reader, node, context);
  const built: S[] = [];
  for (const { key, node: child } of reader.childNodes(node)) {
    if (key === 'stray') continue;
    const statement = build(reader, key, child);
    if (statement != null) built.push(statement);
  }
  return built;
}

export function buildDeclaration(reader: CstReader, node: CstNode): Declaration | undefined {
  const override = reader.token(node, 'kw_override');
  const inner = innerKey(node);
  const innerNode = inner === undefined ? undefined : reader.node(node, inner);
  if (inner === undefined || !innerNode) return undefined;
  const keywordToken = Object.keys(innerNode.children)
    .filter((childKey) => childKey.startsWith('kw_'))
    .map((childKey) => reader.token(innerNode, childKey))
    .filter((token) => token !== undefined)
    .sort((a, b) => a.startOffset - b.startOffset)[0];
  const base: DeclarationBase = {
    range: reader.range(node),
    keywordRange: keywordToken ? reader.tokenRange(keywordToken) : reader.range(innerNode),
    ...(override ? { override: reader.tokenRange(override) } : {}),
  };
  return buildInner(reader, inner, innerNode, base);
}

function buildInner(reader: CstReader, key: string, node: CstNode, base: DeclarationBase): Declaration | undefined {
  const declaredName = () => name(reader, reader.token(node, 'Name'));
  switch (key) {
    case 'importDeclaration':
      return { ...base, kind: 'Import', path: stringLiteral(reader, reader.token(node, 'StringLike')) };
    case 'agreementDeclaration':
      return { ...base, kind: 'Agreement', name: declaredName(), statements: statements(reader, node, 'agreement', agreementStatement) };
    case 'paramDeclaration':
      return { ...base, kind: 'Param', name: declaredName(), placeholder: stringLiteral(reader, reader.token(node, 'StringLike')) };
    case 'calendarDeclaration':
      return { ...base, kind: 'Calendar', name: declaredName(), statements: statements(reader, node, 'calendar', calendarStatement) };
    case 'channelDeclaration':
      return { ...base, kind: 'Channel', name: declaredName(), statements: statements(reader, node, 'channel', channelStatement) };
    case 'severityDeclaration':
      return { ...base, kind: 'Severity', name: declaredName(), statements: statements(reader, node, 'severity', severityStatement) };
    case 'pauseDeclaration':
      return { ...base, kind: 'Pause', statuses: reader.tokens(node, 'StringLike').flatMap((token) => stringLiteral(reader, token) ?? []) };
    case 'metricDeclaration':
      return { ...base, kind: 'Metric', name: declaredName(), statements: statements(reader, node, 'metric', metricStatement) };
    case 'escalationDeclaration':
      return { ...base, kind: 'Escalation', statements: statements(reader, node, 'escalation', escalationStatement) };
    case 'creditsDeclaration':
      return { ...base, kind: 'Credits', statements: statements(reader, node, 'credits', creditsStatement) };
    case 'responsibilitiesDeclaration':
      reportStrayInput(reader, node, 'responsibilities');
      return { ...base, kind: 'Responsibilities', party: declaredName(), items: texts(reader, node) };
    case 'clauseDeclaration':
      return { ...base, kind: 'Clause', title: stringLiteral(reader, reader.token(node, 'title')), text: text(reader, reader.node(node, 'text')) };
    case 'reviewDeclaration':
      return { ...base, kind: 'Review', statements: statements(reader, node, 'review', reviewStatement) };
    case 'maintenanceDeclaration':
      return { ...base, kind: 'Maintenance', statements: statements(reader, node, 'maintenance', maintenanceStatement) };
    case 'severitiesDeclaration':
      return { ...base, kind: 'Severities', statements: statements(reader, node, 'severities', severitiesStatement) };
    case 'measurementDeclaration':
      return { ...base, kind: 'Measurement', statements: statements(reader, node, 'measurement', measurementStatement) };
    case 'termDeclaration':
      return { ...base, kind: 'Term', term: stringLiteral(reader, reader.token(node, 'term')) ?? bareTerm(reader, reader.tokens(node, 'bareTerm')), text: text(reader, reader.node(node, 'text')) };
    case 'portfolioDeclaration':
      return { ...base, kind: 'Portfolio', name: declaredName(), entries: statements(reader, node, 'portfolio', portfolioEntry) };
  }
  return undefined;
}
