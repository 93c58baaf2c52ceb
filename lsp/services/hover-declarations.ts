import type {
  CalendarDeclaration,
  ChannelDeclaration,
  Declaration,
  MetricDeclaration,
  ParamDeclaration,
  SeverityDeclaration,
} from '../../language/syntax/ast.js';
import type { AgreementModel } from '../../language/model/model.js';
import { describeCalendar } from './clock-facts.js';
import type { ServiceDocument } from './document.js';
import type { DeclarationSymbol } from './language.js';

const measureWords: Record<string, string> = {
  'first response': 'time to the first response',
  resolution: 'time to resolution',
  'first estimate': 'time to the first estimate',
  'update interval': 'the longest gap between updates',
  'next reply': 'the time to each reply to a customer message',
  uptime: 'the share of open time the service is up',
};

/**
 * A declared name in a sentence or two: `**calendar BusinessHours**:
 * Mon-Fri 08:00-18:00 America/New_York, 6 holidays, 50 open hours a week`.
 */
export function describeDeclaration(document: ServiceDocument, symbol: DeclarationSymbol): string {
  const node = symbol.declaration as Declaration;
  const kind = String(symbol.kind).toLowerCase();
  const heading = `**${kind} ${symbol.name}**`;
  const where = symbol.file === document.file ? '' : `\n\nDeclared in \`${baseName(symbol.file)}\`.`;
  return `${heading}: ${detailOf(document, node, symbol.name) ?? kind}${where}`;
}

function detailOf(document: ServiceDocument, node: Declaration, name: string): string | undefined {
  const model = document.analysis.model as AgreementModel | undefined;
  switch (node?.kind) {
    case 'Calendar':
      return calendarDetail(model, node, name);
    case 'Severity':
      return severityDetail(node);
    case 'Metric':
      return metricDetail(node);
    case 'Param':
      return paramDetail(node);
    case 'Channel':
      return channelDetail(node);
    case 'Agreement': {
      const title = node.statements?.find((s) => s?.kind === 'Title')?.value;
      return title ? `the agreement "${title.value}".` : 'the agreement.';
    }
    default:
      return undefined;
  }
}

function calendarDetail(model: AgreementModel | undefined, node: CalendarDeclaration, name: string): string {
  const calendar = model?.calendars?.find((c) => c.name === name);
  if (calendar) return describeCalendar(calendar);
  const zone = node.statements?.find((s) => s?.kind === 'Timezone');
  const zoneText = zone && 'zone' in zone ? zone.zone?.value : undefined;
  return `a calendar${zoneText ? ` in ${zoneText}` : ''} (fix its errors to see its open hours).`;
}

function severityDetail(node: SeverityDeclaration): string {
  const description = node.statements?.find((s) => s?.kind === 'Description');
  const text = description && 'value' in description ? description.value?.value : undefined;
  const isDefault = node.statements?.some((s) => s?.kind === 'Default');
  return `${text ?? 'a severity.'}${isDefault ? ' The default severity: a ticket logged without one gets it.' : ''}${matchesText(node.statements)}`;
}

function metricDetail(node: MetricDeclaration): string {
  const statements = node.statements ?? [];
  const title = statements.find((s) => s?.kind === 'Title');
  const measures = statements.find((s) => s?.kind === 'Measures');
  const clock = statements.find((s) => s?.kind === 'Clock');
  const titleText = title && 'value' in title ? title.value?.value : undefined;
  const measure = measures && 'measure' in measures && measures.measure ? measureWords[measures.measure] : undefined;
  const clockName = clock && 'calendar' in clock ? clock.calendar?.text : undefined;
  const parts = [titleText ? `"${titleText}"` : 'a metric'];
  if (measure) parts.push(`measures ${measure}`);
  if (clockName) parts.push(`on the ${clockName} clock`);
  return `${parts.join(', ')}.`;
}

function paramDetail(node: ParamDeclaration): string {
  const placeholder = node.placeholder?.value;
  return `a value given when compiling (\`--param ${node.name?.text ?? 'Name'}=...\`)${placeholder ? `; until then the agreement shows "${placeholder}"` : ''}.`;
}

function channelDetail(node: ChannelDeclaration): string {
  const contact = node.statements?.find((s) => s?.kind === 'Contact');
  const hours = node.statements?.find((s) => s?.kind === 'ChannelHours');
  const contactText = contact && 'value' in contact ? contact.value?.value : undefined;
  const calendar = hours && 'calendar' in hours ? hours.calendar?.text : undefined;
  const parts = [contactText ? `reach the provider at ${contactText}` : 'a way to reach the provider'];
  if (calendar) parts.push(`staffed during ${calendar}`);
  return `${parts.join(', ')}.${matchesText(node.statements)}`;
}

/** ` Recorded in the helpdesk as "urgent" or "Highest".` from `matches`, or nothing. */
function matchesText(statements: readonly ({ kind: string } | undefined)[] | undefined): string {
  const values = (statements ?? []).flatMap((s) => (s?.kind === 'Matches' ? ((s as { values?: { value: string }[] }).values ?? []) : []));
  if (values.length === 0) return '';
  const quoted = values.map((v) => `"${v.value}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0];
  return ` Recorded in the helpdesk as ${list}.`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
