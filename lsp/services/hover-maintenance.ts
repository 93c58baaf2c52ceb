import type { AgreementModel } from '../../language/model/model.js';
import type { MaintenanceDeclaration, MaintenanceStatement } from '../../language/syntax/ast.js';
import { describeCalendar } from './clock-facts.js';
import type { ServiceDocument } from './document.js';

type Statement = MaintenanceStatement;

const periodWords: Record<string, string> = { weekly: 'ISO week', monthly: 'calendar month', quarterly: 'calendar quarter', yearly: 'calendar year' };

/**
 * One `maintenance` statement in plain English, with what happens to
 * maintenance that does not keep to it (SEMANTICS.md 1.1, Maintenance).
 */
export function describeMaintenanceStatement(document: ServiceDocument, statement: Statement): string | undefined {
  const sentence = statementSentence(document, statement);
  return sentence ? `**${headingOf(statement)}**: ${sentence}` : undefined;
}

/** The whole `maintenance` declaration: every term, and which metrics it applies to. */
export function describeMaintenance(document: ServiceDocument, declaration: MaintenanceDeclaration): string {
  const terms = (declaration.statements ?? []).map((s) => (s ? statementSentence(document, s) : undefined)).filter((s): s is string => !!s);
  const lines = ['**maintenance**: planned maintenance that keeps to these terms is Scheduled Maintenance and does not count as downtime:'];
  for (const term of terms) lines.push(`- ${term}`);
  if (terms.length === 0) lines.push('- (no terms yet: write at least one of `window`, `notice`, `at most`)');
  const model = document.analysis.model as AgreementModel | undefined;
  const uptime = (model?.metrics ?? []).filter((m) => m.excludingMaintenance).map((m) => m.name);
  lines.push('');
  lines.push(
    uptime.length > 0
      ? `It applies to ${uptime.map((n) => `\`${n}\``).join(', ')} (\`excluding maintenance\`). Every other part of a maintenance row in the outage log counts as downtime.`
      : 'It applies to uptime metrics marked `excluding maintenance`. Every other part of a maintenance row in the outage log counts as downtime.',
  );
  return lines.join('\n');
}

function headingOf(statement: Statement): string {
  switch (statement.kind) {
    case 'Window':
      return `window ${statement.calendar?.text ?? ''}`.trim();
    case 'Notice':
      return `notice ${statement.duration?.text ?? ''}`.trim();
    case 'AtMost':
      return `at most ${statement.duration?.text ?? ''} ${statement.period ?? ''}`.trim();
  }
}

function statementSentence(document: ServiceDocument, statement: Statement): string | undefined {
  switch (statement.kind) {
    case 'Window': {
      const name = statement.calendar?.text;
      if (!name) return undefined;
      const model = document.analysis.model as AgreementModel | undefined;
      const calendar = model?.calendars?.find((c) => c.name === name);
      const hours = calendar ? ` (${describeCalendar(calendar)})` : '';
      return `maintenance may take place only during the open hours of ${name}${hours}; any part outside them counts as downtime.`;
    }
    case 'Notice': {
      const duration = statement.duration?.text;
      if (!duration) return undefined;
      return `maintenance must be announced at least ${duration} (real elapsed time, not open time) before it starts; maintenance announced later, or never, counts as downtime.`;
    }
    case 'AtMost': {
      const duration = statement.duration?.text;
      if (!duration) return undefined;
      const period = statement.period ? periodWords[statement.period] ?? statement.period : 'period';
      return `at most ${duration} of maintenance (real elapsed time) each ${period} is excluded, counted in time order; anything beyond it counts as downtime.`;
    }
  }
}
