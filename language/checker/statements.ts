import type { Declaration, NamedDeclaration } from '../syntax/ast.js';
import type { Range } from '../syntax/range.js';
import type { CheckContext } from './context.js';

/** How the author writes each statement, for messages. */
const statementKeywords: Record<string, string> = {
  Title: 'title', Version: 'version', Effective: 'effective', Provider: 'provider', Client: 'client',
  Contact: 'contact', Purpose: 'purpose', Timezone: 'timezone', ChannelHours: 'hours',
  Description: 'description', Default: 'default', Measures: 'measures', Clock: 'clock',
  Objective: 'objective', ExcludingMaintenance: 'excluding maintenance', Cap: 'cap', Every: 'every',
  AlsoOnRequest: 'also on request', AlsoAfterMajorIncident: 'also after major incident',
  Participants: 'participants', Agenda: 'agenda', Report: 'report', NotifyChanges: 'notify changes',
  Amendments: 'amendments', MetricPause: 'pause', Window: 'window', Notice: 'notice', AtMost: 'at most',
  PortfolioOthers: 'others', AssignedBy: 'assigned by', Records: 'records', Fee: 'fee', Claim: 'claim',
  SoleRemedy: 'sole remedy',
};

/** Per block: statements that may appear once, and those that must appear. */
const rules: Partial<Record<Declaration['kind'], { single: string[]; required: string[] }>> = {
  Agreement: { single: ['Title', 'Version', 'Effective', 'Provider', 'Client', 'Contact', 'Purpose'], required: [] },
  Calendar: { single: ['Timezone'], required: ['Timezone'] },
  Channel: { single: ['Contact', 'ChannelHours'], required: [] },
  Severity: { single: ['Description', 'Default'], required: [] },
  Metric: { single: ['Title', 'Measures', 'Clock', 'Objective', 'ExcludingMaintenance', 'MetricPause'], required: ['Measures', 'Clock'] },
  Maintenance: { single: ['Window', 'Notice', 'AtMost'], required: [] },
  Escalation: { single: ['Clock'], required: [] },
  Credits: { single: ['Cap', 'Fee', 'Claim', 'SoleRemedy'], required: [] },
  Severities: { single: ['AssignedBy'], required: ['AssignedBy'] },
  Measurement: { single: ['Records'], required: ['Records'] },
  Portfolio: { single: ['PortfolioOthers'], required: [] },
  Review: {
    single: ['Every', 'AlsoOnRequest', 'AlsoAfterMajorIncident', 'Participants', 'Agenda', 'Report', 'NotifyChanges', 'Amendments'],
    required: [],
  },
};

/** `metric Fix`, `the escalation block`: how messages name a declaration. */
export function describeDeclaration(declaration: Declaration): string {
  const keyword = declaration.kind.toLowerCase();
  const name = (declaration as NamedDeclaration).name?.text;
  return name ? `${keyword} ${name}` : `the ${keyword} block`;
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Where to point at a whole declaration: its name, else its keyword. */
export function declarationAnchor(declaration: Declaration): Range {
  return (declaration as NamedDeclaration).name?.range ?? declaration.keywordRange ?? declaration.range;
}

/** A block's statements (a portfolio's lines), or undefined when it has none to count. */
function statementsOf(declaration: Declaration): { kind: string; range: Range }[] | undefined {
  const statements =
    declaration.kind === 'Portfolio' ? declaration.entries : (declaration as { statements?: { kind: string; range: Range }[] }).statements;
  return Array.isArray(statements) ? statements : undefined;
}

/**
 * The statements a block may have once (SLA3015 for a second), as the
 * author writes them (`title`, `excluding maintenance`), and those of them
 * it has, leaving out the statements `ignored` picks: for completion, which
 * must not offer a second one (the statement being typed is not "had").
 */
export function onceOnlyStatements(
  declaration: Declaration,
  ignored: (statement: { kind: string; range: Range }) => boolean = () => false,
): { once: string[]; given: Set<string> } {
  const single = rules[declaration.kind]?.single ?? [];
  const given = (statementsOf(declaration) ?? []).filter((statement) => statement && single.includes(statement.kind) && !ignored(statement));
  const written = (kind: string) => statementKeywords[kind] ?? kind;
  return { once: single.map(written), given: new Set(given.map((statement) => written(statement.kind))) };
}

/** Statements given twice where once is allowed (SLA3015) and missing required ones (SLA3014). */
export function checkStatementCounts(context: CheckContext, declaration: Declaration): void {
  const rule = rules[declaration.kind];
  const statements = statementsOf(declaration);
  if (!rule || !statements) return;
  const seen = new Set<string>();
  for (const statement of statements) {
    if (!statement || !rule.single.includes(statement.kind)) continue;
    if (seen.has(statement.kind)) {
      context.report('SLA3015', statement.range, {
        statement: statementKeywords[statement.kind] ?? statement.kind,
        context: describeDeclaration(declaration),
      });
    }
    seen.add(statement.kind);
  }
  for (const required of rule.required) {
    if (seen.has(required)) continue;
    context.report('SLA3014', declarationAnchor(declaration), {
      context: capitalise(describeDeclaration(declaration)),
      statement: statementKeywords[required] ?? required,
    });
  }
}
