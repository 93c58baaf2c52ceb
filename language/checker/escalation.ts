import type { DurationLiteral, EscalationDeclaration, EscalationLevel, NumberLiteral } from '../syntax/ast.js';
import { measureOf, resolveCalendar, resolveMetric, type CheckContext } from './context.js';
import { checkDuration } from './durations.js';
import { checkMixedEscalationOrder } from './escalation-order.js';
import { fixedMinutes } from '../syntax/fixed-minutes.js';

/** A duration comparable with another of a fixed unit; business days compare among themselves. */
function comparable(duration: DurationLiteral | undefined): { scale: string; value: number } | undefined {
  if (!duration?.unit || duration.amount === undefined) return undefined;
  const minutes = fixedMinutes(duration);
  return minutes !== undefined ? { scale: 'minutes', value: minutes } : { scale: duration.unit, value: duration.amount };
}

/**
 * Levels go up in number and never fall due earlier than the level before:
 * `at` percentages of one metric ascend, `after` durations ascend, and the
 * two kinds compare where they share a clock (escalation-order.ts). The
 * block's `clock` is what `after` counts on, so without an `after` level it
 * counts nothing (SLA3099).
 */
export function checkEscalation(context: CheckContext, escalation: EscalationDeclaration): void {
  const statements = (escalation.statements ?? []).filter((s) => s !== undefined);
  const clock = statements.find((s) => s.kind === 'Clock');
  const calendar = clock?.kind === 'Clock' ? resolveCalendar(context, clock.calendar) : undefined;
  const levels = statements.filter((s): s is EscalationLevel => s.kind === 'Level');
  let previousNumber: number | undefined;
  const lastAt = new Map<string, { percent: number; level: string }>();
  let lastAfter: { scale: string; value: number; level: string } | undefined;
  const backwards = new Set<EscalationLevel>();
  for (const level of levels) {
    const number = level.level;
    const label = number?.text ?? '?';
    if (number) previousNumber = checkLevelNumber(context, number, previousNumber);
    const trigger = level.trigger;
    if (trigger?.kind === 'After') {
      if (!clock) context.report('SLA3017', trigger.range);
      checkDuration(context, trigger.duration, { kind: 'after', calendar });
      const value = comparable(trigger.duration);
      if (value && lastAfter && lastAfter.scale === value.scale && value.value < lastAfter.value) {
        context.report('SLA3010', trigger.duration!.range, { level: label, previous: lastAfter.level, order: 'falls due before' });
        backwards.add(level);
      }
      if (value) lastAfter = { ...value, level: label };
    }
    if (trigger?.kind === 'At') {
      const metric = resolveMetric(context, trigger.metric);
      if (metric && measureOf(metric) === 'uptime') {
        context.report('SLA3024', trigger.metric!.range, { metric: trigger.metric!.text });
      }
      const percent = trigger.percent;
      const key = trigger.metric?.text;
      if (!percent || key === undefined) continue;
      if (percent.value < 0) context.report('SLA3005', percent.range, { text: percent.text });
      const previous = lastAt.get(key);
      if (previous && percent.value < previous.percent) {
        context.report('SLA3010', percent.range, { level: label, previous: previous.level, order: 'falls due before' });
        backwards.add(level);
      }
      lastAt.set(key, { percent: percent.value, level: label });
    }
  }
  checkMixedEscalationOrder(context, levels, calendar, backwards);
  if (clock && levels.length > 0 && !levels.some((level) => level.trigger?.kind === 'After')) context.report('SLA3099', clock.range);
}

/** Whole numbers from 1 (SLA3034), each once (SLA3027), ascending (SLA3010). */
function checkLevelNumber(context: CheckContext, number: NumberLiteral, previous: number | undefined): number | undefined {
  if (!Number.isInteger(number.value) || number.value < 1) {
    context.report('SLA3034', number.range, { text: number.text });
    return previous;
  }
  if (previous !== undefined && number.value === previous) context.report('SLA3027', number.range, { level: number.text });
  else if (previous !== undefined && number.value < previous) {
    // The numbers go down: when each falls due is another matter, and may well be in order.
    context.report('SLA3010', number.range, { level: number.text, previous: String(previous), order: 'is written after' });
  }
  return Math.max(number.value, previous ?? number.value);
}
