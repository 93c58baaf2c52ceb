import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { Declaration, MetricDeclaration, ObjectiveStatement, TargetStatement } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { describeDeclaration } from './hover-declarations.js';
import { describeObjective, describeTarget } from './hover-metrics.js';
import { describeImport, importAt } from './imports.js';
import { keywordDoc } from './keyword-docs.js';
import { symbolAt } from './symbol-at.js';
import { tokenAt } from './tokens.js';

/**
 * What the cursor is on, in plain words: a name (what it is), a target or
 * objective (what it allows, worked out on the clock), or a keyword (what
 * it means).
 */
export function hover(document: ServiceDocument, position: Position): Hover | null {
  const found = symbolAt(document, position);
  if (found) return markdown(describeDeclaration(document, found.declaration), found.range);
  const imported = importAt(document, position);
  if (imported?.file) return markdown(describeImport(document, imported.file), imported.node.path?.range);
  const declaration = declarationAt(document, position);
  const statement = declaration?.kind === 'Metric' ? metricStatementAt(declaration, position) : undefined;
  if (statement?.kind === 'Objective') {
    const text = describeObjective(document, declaration as MetricDeclaration, statement);
    if (text) return markdown(text, statement.range);
  }
  if (statement?.kind === 'Target') {
    const text = describeTarget(document, declaration as MetricDeclaration, statement);
    if (text) return markdown(text, statement.range);
  }
  const token = tokenAt(document, position);
  if (token?.type === 'date') {
    const day = dayOfDate(token.text);
    if (day) return markdown(`**${token.text}** is ${day}.`, token.range);
  }
  if (token && (token.type === 'keyword' || token.type === 'unit' || token.type === 'name')) {
    const doc = keywordDoc(token.text, declaration?.kind.toLowerCase());
    if (doc) return markdown(`**${token.text}**: ${doc}`, token.range);
  }
  return null;
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function declarationAt(document: ServiceDocument, position: Position): Declaration | undefined {
  return (document.parse.document?.declarations ?? []).find((d) => d?.range && rangeContains(d.range, position));
}

function metricStatementAt(metric: MetricDeclaration, position: Position): ObjectiveStatement | TargetStatement | undefined {
  for (const statement of metric.statements ?? []) {
    if (!statement?.range || !rangeContains(statement.range, position)) continue;
    if (statement.kind === 'Objective' || statement.kind === 'Target') return statement;
  }
  return undefined;
}

/** `2026-12-25` -> `Friday 25 December 2026`, or undefined for a date that does not exist. */
function dayOfDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(date)
    .replace(',', '');
}
