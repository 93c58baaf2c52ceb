import type { MetricDeclaration } from '../../language/syntax/ast.js';
import type { DeclarationSymbol } from './language.js';

// Which metrics a place takes, as the checker judges them: completion offers
// no metric that `slac validate` would then reject there.

function statementsOf(symbol: DeclarationSymbol): MetricDeclaration['statements'] {
  return (symbol.declaration as MetricDeclaration).statements ?? [];
}

/** `at 50% of Metric` in an escalation: a ticket metric (an uptime metric there is SLA3024). */
export function isTicketMetric(symbol: DeclarationSymbol): boolean {
  return !statementsOf(symbol).some((statement) => statement?.kind === 'Measures' && statement.measure === 'uptime');
}

/** `when Metric below` in credits: a metric with an objective, whose period the credit counts in (else SLA3023). */
export function hasObjective(symbol: DeclarationSymbol): boolean {
  return statementsOf(symbol).some((statement) => statement?.kind === 'Objective');
}
