import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DurationLiteral, MetricDeclaration, SeverityDeclaration, TargetStatement } from '../syntax/ast.js';
import { measureOf } from './context.js';

/** A target as far as it can be compared: minutes of open time, or a count of business days. */
type Comparable = { scale: 'minutes' | 'businessDays'; amount: number };

const minutesPerUnit: Partial<Record<NonNullable<DurationLiteral['unit']>, number>> = {
  minute: 1, hour: 60, day: 24 * 60, week: 7 * 24 * 60,
};

function comparable(duration: DurationLiteral | undefined): Comparable | undefined {
  if (duration?.amount === undefined || !duration.unit) return undefined;
  if (duration.unit === 'business day') return { scale: 'businessDays', amount: duration.amount };
  const perUnit = minutesPerUnit[duration.unit];
  return perUnit === undefined ? undefined : { scale: 'minutes', amount: duration.amount * perUnit };
}

/** Each severity's own target of a metric, else its plain target; channel targets aside. */
function targetsBySeverity(metric: MetricDeclaration, severities: readonly string[]): Map<string, TargetStatement> {
  const targets = (metric.statements ?? []).filter((s): s is TargetStatement => s?.kind === 'Target' && !s.via);
  const plain = targets.find((target) => !target.severity);
  const bySeverity = new Map<string, TargetStatement>();
  for (const severity of severities) {
    const own = targets.find((target) => target.severity?.text === severity) ?? plain;
    if (own) bySeverity.set(severity, own);
  }
  return bySeverity;
}

/**
 * A more severe severity with a looser target than a less severe one
 * (SLA3051), per ticket metric. Targets compare in minutes of open time, or
 * by count when both are business days; business days against hours, and
 * targets per channel, are not compared. Reported once per metric and more
 * severe severity, at the target line that applies to it (once per line:
 * a plain target looser for two severities is one warning).
 */
export function checkSeverityOrder(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const severities = entryScope
    .filter((entry) => entry.declaration.kind === 'Severity')
    .flatMap((entry) => (entry.declaration as SeverityDeclaration).name?.text ?? []);
  for (const entry of entryScope) {
    if (entry.declaration.kind !== 'Metric') continue;
    const metric = entry.declaration as MetricDeclaration;
    if (measureOf(metric) === 'uptime' || !metric.name) continue;
    const targets = targetsBySeverity(metric, severities);
    const reported = new Set<TargetStatement>();
    const tighterAfter = nextTighter(severities.map((severity) => comparable(targets.get(severity)?.duration)));
    for (const [index, severity] of severities.entries()) {
      const target = targets.get(severity);
      const mine = comparable(target?.duration);
      if (!target?.duration || !mine || reported.has(target)) continue;
      const tighterIndex = tighterAfter[index]!;
      if (tighterIndex < 0) continue;
      const tighter = severities[tighterIndex]!;
      reported.add(target);
      diagnostics.push(
        createDiagnostic('SLA3051', entry.file, target.duration.range, {
          name: severity,
          other: tighter,
          metric: metric.name.text,
          target: target.duration.text,
          otherTarget: targets.get(tighter)!.duration!.text,
        }),
      );
    }
  }
}

/**
 * For each severity, the first less severe one whose target of the same
 * scale is tighter, or -1: the nearest smaller element per scale, found with
 * one stack per scale from the end, so thousands of severities take linear
 * time rather than quadratic.
 */
function nextTighter(targets: readonly ({ scale: unknown; amount: number } | undefined)[]): number[] {
  const found = new Array<number>(targets.length).fill(-1);
  const stacks = new Map<unknown, number[]>();
  for (let index = targets.length - 1; index >= 0; index--) {
    const mine = targets[index];
    if (!mine) continue;
    let stack = stacks.get(mine.scale);
    if (!stack) stacks.set(mine.scale, (stack = []));
    while (stack.length > 0 && targets[stack[stack.length - 1]!]!.amount >= mine.amount) stack.pop();
    if (stack.length > 0) found[index] = stack[stack.length - 1]!;
    stack.push(index);
  }
  return found;
}
