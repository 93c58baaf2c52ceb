import type { Position } from '../../language/syntax/range.js';
import type { MetricStatement } from '../../language/syntax/ast.js';
import { declarationAt, type ServiceDocument } from './document.js';
import { measureTakes, type MeasureBoundStatement } from './language.js';

/*
 * What a metric block may take given what it measures, as the checker
 * judges it (`measureTakes`): completion offers no `target` or `pause` in
 * an uptime metric (SLA3009, SLA3098), no `excluding` in a ticket metric
 * (SLA3020), and after `measures` no measure that a statement already in
 * the block would then contradict. A statement on the cursor's line does
 * not count: the author may be retyping it.
 */

const STATEMENT_OF_KEYWORD: Readonly<Record<string, MeasureBoundStatement>> = {
  target: 'Target',
  pause: 'MetricPause',
  excluding: 'ExcludingMaintenance',
};

/** The statement keywords of the metric at the cursor that its measure takes. */
export function keywordsTheMeasureTakes(document: ServiceDocument, position: Position, keywords: readonly string[]): readonly string[] {
  const statements = metricStatementsAround(document, position);
  if (statements === undefined) return keywords;
  const measure = statements.find((statement) => statement.kind === 'Measures')?.measure;
  return keywords.filter((keyword) => {
    const statement = STATEMENT_OF_KEYWORD[keyword];
    return statement === undefined || measureTakes(measure, statement);
  });
}

/**
 * The measures (`first response`, `uptime`...) that every target, pause and
 * `excluding` already in the metric allows; all of them when none would
 * (the block contradicts itself whatever it measures, and the author must
 * choose).
 */
export function measuresTheMetricTakes(document: ServiceDocument, position: Position, measures: readonly string[]): readonly string[] {
  const written = new Set<MeasureBoundStatement>();
  for (const statement of metricStatementsAround(document, position) ?? []) {
    if (statement.kind === 'Target' || statement.kind === 'MetricPause' || statement.kind === 'ExcludingMaintenance') written.add(statement.kind);
  }
  const taken = measures.filter((measure) => [...written].every((statement) => measureTakes(measure, statement)));
  return taken.length > 0 ? taken : measures;
}

/** The statements of the metric the cursor is in, but for those starting on the cursor's line; undefined outside a metric. */
export function metricStatementsAround(document: ServiceDocument, position: Position): MetricStatement[] | undefined {
  const declaration = declarationAt(document, position);
  if (declaration?.kind !== 'Metric') return undefined;
  return (declaration.statements ?? []).filter((statement) => statement !== undefined && statement.range.start.line !== position.line);
}
