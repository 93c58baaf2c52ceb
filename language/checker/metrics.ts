import type { MetricDeclaration, TargetStatement } from '../syntax/ast.js';
import { slotOfTarget } from '../syntax/target-slots.js';
import { resolveCalendar, type CheckContext } from './context.js';
import { checkDuration } from './durations.js';
import { checkPauseStatusesNotEmpty } from './parties.js';
import { checkPercent } from './percent.js';

/** The statements whose place depends on what a metric measures. */
export type MeasureBoundStatement = 'Target' | 'ExcludingMaintenance' | 'MetricPause';

/**
 * Whether a metric that measures `measure` takes a statement of this kind:
 * targets and pauses are for the clocks that run on tickets, `excluding
 * maintenance` for uptime (SLA3009, SLA3098, SLA3020). Anything goes while
 * the metric says nothing of what it measures. Completion asks the same, so
 * that it offers nothing this check would then reject.
 */
export function measureTakes(measure: string | undefined, statement: MeasureBoundStatement): boolean {
  if (measure === undefined) return true;
  return (measure === 'uptime') === (statement === 'ExcludingMaintenance');
}

/** What a metric measures against what it states: targets (per severity and channel), objective, maintenance. */
export function checkMetric(context: CheckContext, metric: MetricDeclaration): void {
  const statements = (metric.statements ?? []).filter((s) => s !== undefined);
  const measure = statements.find((s) => s.kind === 'Measures')?.measure;
  const clock = statements.find((s) => s.kind === 'Clock')?.calendar;
  const calendar = resolveCalendar(context, clock);
  const targets = statements.filter((s): s is TargetStatement => s.kind === 'Target');
  const name = metric.name?.text ?? '?';
  const anchor = metric.name?.range ?? metric.keywordRange;
  const isUptime = measure === 'uptime';

  const filled = new Set<string>();
  for (const target of targets) {
    if (!measureTakes(measure, 'Target')) context.report('SLA3009', target.range);
    checkDuration(context, target.duration, { kind: 'target', calendar });
    // Channel targets are their own slots: they never clash with `target 4 hours` or `target P1 ...`.
    const slot = slotOfTarget(target);
    if (slot === undefined) continue;
    const twice = filled.has(slot);
    filled.add(slot);
    if (!twice) continue;
    const severity = target.severity?.text;
    if (target.via) context.report('SLA3046', target.range, { what: severity ? `${severity} via ${target.channel!.text}` : `every severity via ${target.channel!.text}` });
    else if (severity === undefined) context.report('SLA3015', target.range, { statement: 'target', context: `metric ${name}` });
    else context.report('SLA3025', target.severity!.range, { name: severity });
  }
  for (const statement of statements) {
    if (statement.kind === 'Objective') checkPercent(context, statement.percent);
    if (statement.kind === 'MetricPause') {
      checkPauseStatusesNotEmpty(context, statement.statuses ?? []);
      if (!measureTakes(measure, 'MetricPause')) context.report('SLA3098', statement.range, { name });
    }
    if (statement.kind === 'ExcludingMaintenance' && !measureTakes(measure, 'ExcludingMaintenance')) context.report('SLA3020', statement.range);
  }
  const hasObjective = statements.some((s) => s.kind === 'Objective');
  if (isUptime && !hasObjective) context.report('SLA3019', anchor, { name });
  if (measure !== undefined && !isUptime && targets.length === 0) context.report('SLA3018', anchor, { name });
}
