import { createHash } from 'node:crypto';
import type { ScopeEntry } from '../binder/scopes.js';
import type { AgreementDeclaration, CalendarDeclaration, Declaration, Reference, StringLiteral, Text } from '../syntax/ast.js';
import type { LoadedFiles } from '../workspace/load-files.js';
import { pathFromEntry } from '../workspace/paths.js';
import { buildCalendar } from './build-calendar.js';
import { addCreditTerms, buildMeasurement, buildSeverityAssignment, buildTerms } from './build-contract.js';
import { buildCredits, buildEscalation, buildMaintenance, buildMetric, buildReview, pauseStatuses } from './build-metric.js';
import { MODEL_FORMAT, MODEL_VERSION, type AgreementInfo, type AgreementModel, type TextValue } from './model.js';
import { textOf } from './text.js';

/**
 * The checked model of an agreement: the declarations in force for the
 * entry file (imported first, overrides in place of what they replace).
 * Call it only on an analysis without errors; it never reports.
 */
export function buildAgreementModel(loaded: LoadedFiles, entryScope: readonly ScopeEntry[]): AgreementModel {
  const declarations = entryScope.map((entry) => entry.declaration);
  const all = <K extends Declaration['kind']>(kind: K): Extract<Declaration, { kind: K }>[] =>
    declarations.filter((d): d is Extract<Declaration, { kind: K }> => d.kind === kind);
  const severities = all('Severity').map((severity) => {
    const statements = severity.statements ?? [];
    const description = statements.find((s) => s?.kind === 'Description');
    return {
      name: severity.name?.text ?? '',
      ...(description?.kind === 'Description' ? { description: textOf(description.value) } : {}),
      isDefault: statements.some((s) => s?.kind === 'Default'),
      matches: matchesOf(statements),
    };
  });
  const escalation = all('Escalation')[0];
  const credits = all('Credits')[0];
  const review = all('Review')[0];
  const maintenance = all('Maintenance')[0];
  const agreement = all('Agreement')[0];
  const model: AgreementModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    params: all('Param').map((param) => ({ name: param.name?.text ?? '', placeholder: param.placeholder?.value ?? '' })),
    calendars: entryScope
      .filter((entry) => entry.declaration.kind === 'Calendar')
      .map((entry) => buildCalendar(entry.declaration as CalendarDeclaration, (path) => loaded.files.get(entry.file)?.holidayFiles.get(path))),
    channels: all('Channel').map((channel) => {
      const contact = (channel.statements ?? []).find((s) => s?.kind === 'Contact');
      const hours = (channel.statements ?? []).find((s) => s?.kind === 'ChannelHours');
      return {
        name: channel.name?.text ?? '',
        matches: matchesOf(channel.statements ?? []),
        ...(contact?.kind === 'Contact' ? { contact: textOf(contact.value) } : {}),
        ...(hours?.kind === 'ChannelHours' && hours.calendar ? { hours: hours.calendar.text } : {}),
      };
    }),
    severities,
    defaultSeverity: severities.find((s) => s.isDefault)?.name ?? '',
    pause: { statuses: pauseStatuses(all('Pause').flatMap((pause) => pause.statuses ?? [])) },
    metrics: all('Metric').map(buildMetric),
    responsibilities: {
      provider: responsibilitiesOf(all('Responsibilities'), 'Provider'),
      client: responsibilitiesOf(all('Responsibilities'), 'Client'),
    },
    clauses: all('Clause').map((clause) => ({ title: clause.title?.value ?? '', text: textOf(clause.text) })),
    sources: sourcesOf(loaded),
  };
  if (agreement) model.agreement = agreementInfo(agreement);
  if (escalation) model.escalation = buildEscalation(escalation);
  if (credits) model.credits = addCreditTerms(buildCredits(credits), credits);
  if (review) model.review = buildReview(review);
  if (maintenance) model.maintenance = buildMaintenance(maintenance);
  const severityAssignment = all('Severities')[0];
  if (severityAssignment) model.severityAssignment = buildSeverityAssignment(severityAssignment);
  const measurement = all('Measurement')[0];
  if (measurement) model.measurement = buildMeasurement(measurement);
  const terms = all('Term');
  if (terms.length > 0) model.terms = buildTerms(terms);
  return model;
}

/** `matches` values as written, in declaration order. */
function matchesOf(statements: readonly ({ kind: string; values?: StringLiteral[] } | undefined)[]): string[] {
  return statements.flatMap((statement) => (statement?.kind === 'Matches' ? (statement.values ?? []).map((value) => value.value) : []));
}

function responsibilitiesOf(blocks: { party?: { text: string }; items: Text[] }[], party: string): string[] {
  return blocks.filter((block) => block.party?.text === party).flatMap((block) => (block.items ?? []).map(textOf));
}

function textValue(value: Text | Reference | undefined): TextValue {
  if (value && 'expects' in value) return { kind: 'param', param: value.text };
  return { kind: 'text', text: textOf(value) };
}

function agreementInfo(agreement: AgreementDeclaration): AgreementInfo {
  const info: AgreementInfo = { name: agreement.name?.text ?? '' };
  for (const statement of agreement.statements ?? []) {
    if (!statement) continue;
    switch (statement.kind) {
      case 'Title': info.title = textOf(statement.value); break;
      case 'Version': info.version = textOf(statement.value); break;
      case 'Effective': if (statement.date) info.effective = statement.date.text; break;
      case 'Provider': info.provider = textValue(statement.value); break;
      case 'Client': info.client = textValue(statement.value); break;
      case 'Contact': info.contact = textOf(statement.value); break;
      case 'Purpose': info.purpose = textOf(statement.value); break;
    }
  }
  return info;
}

/** Entry file first, then the imported files; each with the SHA-256 of its UTF-8 text. */
function sourcesOf(loaded: LoadedFiles): AgreementModel['sources'] {
  const files = [loaded.entry, ...loaded.order.filter((file) => file !== loaded.entry)];
  return files.flatMap((file) => {
    const source = loaded.files.get(file);
    if (!source) return [];
    const sha256 = createHash('sha256').update(source.text, 'utf8').digest('hex');
    return [{ path: pathFromEntry(loaded.entry, file), sha256 }];
  });
}
