import type { AgreementModel } from '../../language/model/model.js';
import type {
  Declaration,
  MaintenanceDeclaration,
  MetricDeclaration,
  MetricPauseStatement,
  StringLiteral,
  TargetStatement,
} from '../../language/syntax/ast.js';
import type { Position, Range } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { resolveImport } from '../../language/workspace/paths.js';
import type { ServiceDocument } from './document.js';
import { describeMaintenance } from './hover-maintenance.js';
import { exceptMoreSpecific } from './hover-metrics.js';
import { keywordDoc } from './keyword-docs.js';
import { measureOf, measureTakes } from './language.js';

/** A hover's text and the range it is about. */
export interface V11Hover {
  text: string;
  range: Range;
}

/**
 * Hovers on the values of language 1.1 that say more in context than their
 * keyword does: a `matches` value (the severity or channel a log value
 * means), a pause status (which clocks it stops), `pause never`, `excluding
 * maintenance` (the maintenance terms in words) and a portfolio's `with
 * Param` (the param and the value this client gives it). Undefined
 * elsewhere.
 */
export function describeV11Value(document: ServiceDocument, declaration: Declaration, position: Position): V11Hover | undefined {
  switch (declaration.kind) {
    case 'Severity':
    case 'Channel':
      return matchesValue(declaration.kind, declaration.name?.text ?? '', declaration.statements, position);
    case 'Pause':
      return statusAt(declaration.statuses, position, (status) => agreementWidePause(document, status));
    case 'Metric':
      return metricValue(document, declaration, position);
    case 'Portfolio':
      for (const entry of declaration.entries ?? []) {
        for (const given of entry?.params ?? []) {
          if (!given?.param || !rangeContains(given.param.range, position)) continue;
          return { text: describeGivenParam(document, entry.path?.value, given.param.text, given.value?.value), range: given.param.range };
        }
      }
      return undefined;
    default:
      return undefined;
  }
}

function matchesValue(
  kind: 'Severity' | 'Channel',
  name: string,
  statements: readonly ({ kind: string } | undefined)[] | undefined,
  position: Position,
): V11Hover | undefined {
  for (const statement of statements ?? []) {
    if (statement?.kind !== 'Matches') continue;
    const value = ((statement as { values?: StringLiteral[] }).values ?? []).find((v) => v?.range && rangeContains(v.range, position));
    if (!value) continue;
    const meaning =
      kind === 'Severity'
        ? `a ticket whose severity the helpdesk records as "${value.value}" is a **${name}** ticket, and gets ${name}'s targets`
        : `a ticket whose channel the helpdesk records as "${value.value}" came in via **${name}**, and gets the \`via ${name}\` targets`;
    return { text: `**"${value.value}"**: ${meaning} (compared ignoring case and surrounding spaces).`, range: value.range };
  }
  return undefined;
}

function statusAt(statuses: readonly StringLiteral[] | undefined, position: Position, describe: (status: string) => string): V11Hover | undefined {
  const status = (statuses ?? []).find((s) => s?.range && rangeContains(s.range, position));
  return status ? { text: describe(status.value), range: status.range } : undefined;
}

/** The ticket metrics with their own `pause` line, which the agreement-wide pause does not reach (an uptime metric's stops nothing: SLA3098). */
function ownPauseMetrics(document: ServiceDocument): string[] {
  const model = document.analysis.model as AgreementModel | undefined;
  return (model?.metrics ?? []).filter((m) => m.pause && measureTakes(m.measures, 'MetricPause')).map((m) => `\`${m.name}\``);
}

function agreementWidePause(document: ServiceDocument, status: string): string {
  const own = ownPauseMetrics(document);
  const except = own.length > 0 ? `, except the metrics with their own \`pause\` line (${own.join(', ')})` : '';
  return `**"${status}"**: every ticket clock stops while a ticket's status is "${status}" (compared ignoring case and surrounding spaces)${except}.`;
}

function agreementWideStatuses(document: ServiceDocument): string {
  const model = document.analysis.model as AgreementModel | undefined;
  const statuses = model?.pause.statuses ?? [];
  return statuses.length > 0 ? statuses.map((s) => `"${s}"`).join(', ') : 'none are declared';
}

function metricValue(document: ServiceDocument, metric: MetricDeclaration, position: Position): V11Hover | undefined {
  const name = metric.name?.text ?? 'this metric';
  for (const statement of metric.statements ?? []) {
    if (!statement?.range || !rangeContains(statement.range, position)) continue;
    if (statement.kind === 'MetricPause') return metricPause(document, metric, name, statement, position);
    if (statement.kind === 'ExcludingMaintenance') return { text: excludingMaintenance(document), range: statement.range };
    if (statement.kind === 'Target' && statement.via && rangeContains(statement.via, position)) return { text: viaTarget(metric, statement), range: statement.via };
  }
  return undefined;
}

function metricPause(document: ServiceDocument, metric: MetricDeclaration, name: string, statement: MetricPauseStatement, position: Position): V11Hover {
  if (!measureTakes(measureOf(metric), 'MetricPause')) {
    const keyword = statement.never && rangeContains(statement.never, position) ? 'never' : 'pause';
    const nothing = `this pause stops nothing: ${name} measures uptime, which is counted from the outage log, not from tickets' statuses (SLA3098).`;
    return { text: `**${keyword}**: ${keywordDoc(keyword, 'metric')}\n\nHere: ${nothing}`, range: statement.range };
  }
  const status = statusAt(statement.statuses, position, (value) =>
    `**"${value}"**: ${name}'s clock stops while a ticket's status is "${value}" (compared ignoring case and surrounding spaces). ` +
    `This metric's pauses replace the agreement-wide ones (${agreementWideStatuses(document)}).`,
  );
  if (status) return status;
  const keyword = statement.never && rangeContains(statement.never, position) ? 'never' : 'pause';
  const own = statement.never
    ? `${name}'s clock never stops, not even for the agreement-wide pause statuses (${agreementWideStatuses(document)}).`
    : `${name}'s clock stops only for ${(statement.statuses ?? []).map((s) => `"${s.value}"`).join(', ')}, instead of the agreement-wide pause statuses (${agreementWideStatuses(document)}).`;
  return { text: `**${keyword}**: ${keywordDoc(keyword, 'metric')}\n\nHere: ${own}`, range: statement.never && keyword === 'never' ? statement.never : statement.range };
}

function viaTarget(metric: MetricDeclaration, statement: TargetStatement): string {
  const channel = statement.channel?.text ?? 'the channel';
  // Not "of every severity" when a severity's own target via the channel takes its tickets.
  const except = exceptMoreSpecific(metric, statement);
  const who = statement.severity ? `${statement.severity.text} tickets` : except ? 'tickets' : 'tickets of every severity';
  const target = statement.duration?.text ? `: ${statement.duration.text}` : '';
  return `**via**: ${keywordDoc('via')}\n\nHere: ${who} that came in via **${channel}**${except}${target}.`;
}

function excludingMaintenance(document: ServiceDocument): string {
  const head = `**excluding maintenance**: ${keywordDoc('excluding')}`;
  const maintenance = [...document.analysis.files.values()]
    .flatMap((parse) => parse.document?.declarations ?? [])
    .find((d): d is MaintenanceDeclaration => d?.kind === 'Maintenance');
  if (!maintenance) return `${head}\n\nThere is no \`maintenance\` declaration yet: declare one (\`window\`, \`notice\`, \`at most\`) to say what scheduled maintenance is.`;
  return `${head}\n\n${describeMaintenance(document, maintenance)}`;
}

function describeGivenParam(document: ServiceDocument, path: string | undefined, name: string, value: string | undefined): string {
  const given = value === undefined ? '' : ` For this client it is "${value}".`;
  if (!path) return `**${name}**: a param of the agreement this client uses.${given}`;
  const file = resolveImport(document.file, path);
  const param = document.analysisOf(file).symbols.visibleDeclarations(file, 'param').find((p) => p.name === name);
  if (!param) return `**${name}**: \`${path}\` declares no param ${name}.`;
  const placeholder = (param.declaration as { placeholder?: StringLiteral }).placeholder?.value;
  const shown = placeholder === undefined ? '' : ` (the document shows "${placeholder}" until it is filled)`;
  return `**${name}**: a param of \`${path}\`${shown}.${given}`;
}
