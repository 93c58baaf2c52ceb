import type { Declaration, DurationLiteral, PercentLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/**
 * A zero that leaves its line doing nothing (SLA3096): an objective of 0%,
 * which every period meets; a credit tier below 0%, which never applies,
 * or of 0%, which credits nothing; a claim within 0 days, which no claim
 * can keep. Not warned: a target of zero (SLA3026, which says worse), an
 * escalation `after 0 minutes` or `at 0%` (at once), a notice of 0 days
 * (none asked for) and maintenance of at most 0 hours (every maintenance
 * row is then downtime, which means something).
 */
export function checkZeroAmounts(context: CheckContext, declaration: Declaration): void {
  const zero = (literal: PercentLiteral | DurationLiteral | undefined, why: string) => {
    const amount = literal?.kind === 'Percent' ? literal.value : literal?.amount;
    if (literal && amount === 0) context.report('SLA3096', literal.range, { text: literal.text, why });
  };
  if (declaration.kind === 'Metric') {
    for (const statement of declaration.statements ?? []) {
      if (statement?.kind === 'Objective') zero(statement.percent, 'every period meets an objective of 0%');
    }
  }
  if (declaration.kind === 'Credits') {
    for (const statement of declaration.statements ?? []) {
      if (statement?.kind === 'Tier') {
        zero(statement.below, 'attainment and uptime are never below 0%, so this tier never applies');
        zero(statement.credit, 'this tier credits nothing');
      }
      if (statement?.kind === 'Claim') zero(statement.within, 'a claim would be due the moment its period ends, so no credit could be claimed in time');
    }
  }
}
