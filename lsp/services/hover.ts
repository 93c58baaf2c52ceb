import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { AgreementModel } from '../../language/model/model.js';
import type { Declaration, MetricDeclaration, ObjectiveStatement, TargetStatement } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { declarationAt, type ServiceDocument } from './document.js';
import { describeDeclaration } from './hover-declarations.js';
import { calendarHolidaysSection, yearOf } from './hover-holidays.js';
import { describeLink, describeNewStatement } from './hover-v11.js';
import { describeV11Value } from './hover-v11-values.js';
import { pathLinkAt } from './file-paths.js';
import { describeObjective, describeTarget } from './hover-metrics.js';
import { describeValue } from './hover-values.js';
import { describeImport, importAt } from './imports.js';
import { keywordDoc } from './keyword-docs.js';
import { blockContextAt } from './language.js';
import { lineOf } from './lines.js';
import { symbolAt } from './symbol-at.js';
import { tokenAt } from './tokens.js';

/**
 * What the cursor is on, in plain words: a name (what it is), a target or
 * objective (what it allows, worked out on the clock), or a keyword (what
 * it means).
 */
export function hover(document: ServiceDocument, position: Position): Hover | null {
  const found = symbolAt(document, position);
  if (found) return markdown(withHolidays(document, describeDeclaration(document, found.declaration), found.declaration), found.range);
  const imported = importAt(document, position);
  if (imported?.file) return markdown(describeImport(document, imported.file), imported.node.path?.range);
  const link = pathLinkAt(document, position);
  if (link) return markdown(describeLink(document, link), link.node.range);
  const declaration = declarationAt(document, position);
  const v11Value = declaration ? describeV11Value(document, declaration, position) : undefined;
  if (v11Value) return markdown(v11Value.text, v11Value.range);
  const newStatement = declaration ? describeNewStatement(document, declaration, position) : undefined;
  if (newStatement) return markdown(newStatement.text, newStatement.range);
  const value = declaration ? describeValue(document, declaration, position) : undefined;
  if (value) return markdown(value.text, value.range);
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
    const day = dayOfDate(token.text) ?? dayOfMonthDay(token.text, yearOf(document.now(), undefined));
    if (day) return markdown(`**${token.text}** is ${day}.`, token.range);
  }
  if (token && (token.type === 'keyword' || token.type === 'unit' || token.type === 'name')) {
    const doc = keywordDoc(token.text, keywordContext(document, declaration, position), wordAfter(document, token.range.end), wordBefore(document, token.range.start));
    if (doc) return markdown(`**${token.text}**: ${doc}`, token.range);
  }
  return null;
}

/** A block nested in a declaration (a calendar's `holidays { }`), else the declaration's kind: where a keyword is read. */
function keywordContext(document: ServiceDocument, declaration: Declaration | undefined, position: Position): string | undefined {
  const block = document.parse.document ? blockContextAt(document.parse.document, position) : undefined;
  return block === 'holidays' ? block : declaration?.kind.toLowerCase();
}

/** The word that follows `end` on its line (`estimate` after `first`). */
function wordAfter(document: ServiceDocument, end: Position): string | undefined {
  return /^\s+([A-Za-z_]\w*)/.exec(lineOf(document.text, end.line).slice(end.character))?.[1];
}

/** The word that precedes `start` on its line (`business` before `days`). */
function wordBefore(document: ServiceDocument, start: Position): string | undefined {
  return /([A-Za-z_]\w*)\s+$/.exec(lineOf(document.text, start.line).slice(0, start.character))?.[1];
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function metricStatementAt(metric: MetricDeclaration, position: Position): ObjectiveStatement | TargetStatement | undefined {
  for (const statement of metric.statements ?? []) {
    if (!statement?.range || !rangeContains(statement.range, position)) continue;
    if (statement.kind === 'Objective' || statement.kind === 'Target') return statement;
  }
  return undefined;
}

/** A calendar's hover names its holidays this year and next. */
function withHolidays(document: ServiceDocument, text: string, declaration: { kind: string; name: string }): string {
  if (declaration.kind !== 'calendar') return text;
  const model = document.analysis.model as AgreementModel | undefined;
  const calendar = model?.calendars?.find((c) => c.name === declaration.name);
  const section = calendar ? calendarHolidaysSection(document, calendar) : '';
  return section ? `${text}\n\n${section}` : text;
}

/** `12-24` -> `24 December, every year: a Thursday in 2026, a Friday in 2027` (`02-29`: in leap years). */
function dayOfMonthDay(text: string, year: number): string | undefined {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [month, day] = [Number(match[1]), Number(match[2])];
  const years = [year, year + 1, year + 2, year + 3].filter((y) => isRealDay(y, month, day)).slice(0, 2);
  if (years.length === 0) return undefined;
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(Date.UTC(years[0]!, month - 1, day));
  const weekdays = years.map((y) => `a ${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }).format(Date.UTC(y, month - 1, day))} in ${y}`);
  return `${name}, ${month === 2 && day === 29 ? 'in leap years' : 'every year'}: ${weekdays.join(', ')}`;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
