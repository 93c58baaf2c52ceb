import type { CreditTier, EscalationDeclaration, EscalationTrigger, MetricDeclaration, NamedDeclaration, TargetStatement } from '../syntax/ast.js';
import { fixedMinutes } from '../syntax/fixed-minutes.js';
import { filledTargetSlots, targetSlot } from '../syntax/target-slots.js';

type AtTrigger = Extract<EscalationTrigger, { kind: 'At' }>;

/** Where a name was written: the statement holding it and the top-level declaration around that. */
export interface ReferencePlace {
  /** The nearest node with a `kind` around the reference: a `Target`, an escalation's `At` trigger, a credit `Tier`... */
  holder: { kind: string } | undefined;
  declaration: { kind: string } | undefined;
}

/** The declaration a name stands for in the file's scope (overrides applied), when there is one of that kind. */
export type DeclarationOf = (name: string, kind: 'metric' | 'calendar') => NamedDeclaration | undefined;

/** Whether a declaration, named in place of an unknown name, leaves the statement sound. */
export type FitsPlace = (candidate: NamedDeclaration) => boolean;

/**
 * What a "did you mean" may suggest at a place. It and its quick fix must not
 * trade one error for another: a severity the metric already targets
 * (SLA3025, SLA3046), a channel that severity already has a target via
 * (SLA3046), an uptime metric in an escalation (SLA3024) or one whose
 * levels would then go backwards (SLA3010), a credited metric without an
 * objective (SLA3023), of another period (SLA3036), with a tier at that
 * threshold (SLA3031) or with tiers that would then not be monotonic (SLA3011). Worked out once per place, then asked per candidate.
 */
export function suggestionFit(place: ReferencePlace, expects: string, declarationOf: DeclarationOf): FitsPlace {
  const { holder, declaration } = place;
  if (holder?.kind === 'Target' && declaration?.kind === 'Metric') {
    const target = holder as TargetStatement;
    const filled = filledTargetSlots((declaration as MetricDeclaration).statements ?? [], (other) => other === target);
    const via = Boolean(target.via);
    return (candidate) => {
      const name = candidate.name?.text ?? '';
      if (expects === 'severity') return !filled.has(targetSlot(name, via, target.channel?.text));
      if (expects === 'channel') return !filled.has(targetSlot(target.severity?.text, true, name));
      return true;
    };
  }
  if (holder?.kind === 'At' && expects === 'metric') {
    const levels = declaration?.kind === 'Escalation' ? ((declaration as EscalationDeclaration).statements ?? []) : [];
    const backwards = metricsOutOfOrder(levels, holder as AtTrigger);
    const keepsAfterOrder = afterOrderFit(levels, holder as AtTrigger, declarationOf);
    return (candidate) => !measuresUptime(candidate) && !backwards.has(candidate.name?.text ?? '') && keepsAfterOrder(candidate);
  }
  if (holder?.kind === 'Tier' && expects === 'metric' && declaration?.kind === 'Credits') {
    const statements: unknown[] = (declaration as { statements?: unknown[] }).statements ?? [];
    const tiers = statements.filter((s): s is CreditTier => (s as CreditTier | undefined)?.kind === 'Tier');
    return creditTierFit(holder as CreditTier, tiers, declarationOf);
  }
  return () => true;
}

/** `at P% of` one metric ascends from level to level: the metrics an earlier level is at with more, or a later one with less. */
function metricsOutOfOrder(levels: EscalationDeclaration['statements'], at: AtTrigger): Set<string> {
  const names = new Set<string>();
  const percent = at.percent?.value;
  if (percent === undefined) return names;
  let before = true;
  for (const level of levels) {
    const trigger = level?.kind === 'Level' ? level.trigger : undefined;
    if (trigger === at) before = false;
    else if (trigger?.kind === 'At' && trigger.metric && trigger.percent) {
      if (before ? trigger.percent.value > percent : trigger.percent.value < percent) names.add(trigger.metric.text);
    }
  }
  return names;
}

/**
 * A credited metric needs an objective of the period the other tiers count
 * in, no other tier at this threshold, and no tier that would then give less
 * below a lower threshold (SLA3011).
 */
function creditTierFit(tier: CreditTier, tiers: CreditTier[], declarationOf: DeclarationOf): FitsPlace {
  const periods = new Set<string>();
  const clashing = new Set<string>();
  const below = tier.below?.value;
  const credit = tier.credit?.value;
  for (const other of tiers) {
    if (other === tier || !other.metric) continue;
    const period = objectivePeriod(declarationOf(other.metric.text, 'metric'));
    if (period !== undefined) periods.add(period);
    if (below === undefined || !other.below) continue;
    const sameThreshold = other.below.value === below;
    const notMonotonic =
      credit !== undefined &&
      other.credit !== undefined &&
      ((other.below.value > below && other.credit.value > credit) || (other.below.value < below && other.credit.value < credit));
    if (sameThreshold || notMonotonic) clashing.add(other.metric.text);
  }
  return (candidate) => {
    const period = objectivePeriod(candidate);
    return period !== undefined && [...periods].every((other) => other === period) && !clashing.has(candidate.name?.text ?? '');
  };
}

function measuresUptime(declaration: NamedDeclaration): boolean {
  return declaration.kind === 'Metric' && (declaration.statements ?? []).some((s) => s?.kind === 'Measures' && s.measure === 'uptime');
}

function objectivePeriod(declaration: NamedDeclaration | undefined): string | undefined {
  if (declaration?.kind !== 'Metric') return undefined;
  const objective = (declaration.statements ?? []).find((s) => s?.kind === 'Objective');
  return objective?.kind === 'Objective' ? objective.period : undefined;
}

/**
 * On the escalation clock, an `at` level falls due at its percentage of each
 * target of the metric (when the metric runs on that clock and the target
 * has a fixed length): not before an earlier `after` level, not after a later
 * one (as checkMixedEscalationOrder compares them).
 */
function afterOrderFit(levels: EscalationDeclaration['statements'], at: AtTrigger, declarationOf: DeclarationOf): FitsPlace {
  const clockStatement = levels.find((s) => s?.kind === 'Clock');
  const clockName = clockStatement?.kind === 'Clock' ? clockStatement.calendar?.text : undefined;
  const clock = clockName === undefined ? undefined : declarationOf(clockName, 'calendar');
  const percent = at.percent?.value;
  if (!clock || percent === undefined) return () => true;
  let latestBefore = -Infinity;
  let earliestAfter = Infinity;
  let before = true;
  for (const level of levels) {
    const trigger = level?.kind === 'Level' ? level.trigger : undefined;
    if (trigger === at) before = false;
    const minutes = trigger?.kind === 'After' ? fixedMinutes(trigger.duration) : undefined;
    if (minutes === undefined) continue;
    if (before) latestBefore = Math.max(latestBefore, minutes);
    else earliestAfter = Math.min(earliestAfter, minutes);
  }
  return (candidate) => {
    if (candidate.kind !== 'Metric') return true;
    const metricClock = candidate.statements.find((s) => s?.kind === 'Clock');
    const calendar = metricClock?.kind === 'Clock' ? metricClock.calendar?.text : undefined;
    if (calendar === undefined || declarationOf(calendar, 'calendar') !== clock) return true;
    return candidate.statements.every((s) => {
      const minutes = s?.kind === 'Target' ? fixedMinutes(s.duration) : undefined;
      if (minutes === undefined) return true;
      const due = (minutes * percent) / 100;
      return due >= latestBefore && due <= earliestAfter;
    });
  };
}
