import type { CalendarDeclaration, EscalationLevel } from '../syntax/ast.js';
import { fixedMinutes } from '../syntax/fixed-minutes.js';
import { resolveCalendar, resolveMetric, type CheckContext } from './context.js';

/** Open minutes at which a level falls due, per severity (`*`: a target for every severity). */
type DueMinutes = Map<string, number>;

/**
 * When an `at P% of Metric` level falls due, per severity, in open minutes of
 * the escalation clock; undefined when that cannot be compared with an
 * `after` level (another calendar, or targets in business days).
 */
function atDueMinutes(context: CheckContext, level: EscalationLevel, clock: CalendarDeclaration): DueMinutes | undefined {
  if (level.trigger?.kind !== 'At' || !level.trigger.percent) return undefined;
  const percent = level.trigger.percent.value;
  const metric = resolveMetric(context, level.trigger.metric);
  const clockStatement = metric?.statements.find((statement) => statement?.kind === 'Clock');
  if (clockStatement?.kind !== 'Clock' || resolveCalendar(context, clockStatement.calendar) !== clock) return undefined;
  const due: DueMinutes = new Map();
  for (const statement of metric!.statements) {
    if (statement?.kind !== 'Target') continue;
    const minutes = fixedMinutes(statement.duration);
    if (minutes !== undefined) due.set(statement.severity?.text ?? '*', (minutes * percent) / 100);
  }
  return due.size > 0 ? due : undefined;
}

function afterDueMinutes(level: EscalationLevel): number | undefined {
  return level.trigger?.kind === 'After' ? fixedMinutes(level.trigger.duration) : undefined;
}

/**
 * Levels of the two kinds must also escalate in order: `level 1 after 2
 * hours` then `level 2 at 100% of Ack` with a 1-hour target falls due
 * backwards. They are comparable only when the metric runs on the
 * escalation clock; a level is reported when, for some severity, it falls
 * due before an earlier level of the other kind (once: a level already
 * reported against one of its own kind is skipped).
 */
export function checkMixedEscalationOrder(
  context: CheckContext,
  levels: readonly EscalationLevel[],
  clock: CalendarDeclaration | undefined,
  alreadyReported: ReadonlySet<EscalationLevel>,
): void {
  if (!clock) return;
  const earlier: { level: EscalationLevel; at?: DueMinutes; after?: number }[] = [];
  for (const level of levels) {
    const at = atDueMinutes(context, level, clock);
    const after = afterDueMinutes(level);
    const backwards = earlier.find((previous) =>
      after !== undefined && previous.at !== undefined
        ? [...previous.at.values()].some((minutes) => minutes > after)
        : at !== undefined && previous.after !== undefined && [...at.values()].some((minutes) => minutes < previous.after!),
    );
    if (backwards && level.trigger && !alreadyReported.has(level)) {
      context.report('SLA3010', level.trigger.range, { level: level.level?.text ?? '?', previous: backwards.level.level?.text ?? '?', order: 'falls due before' });
    }
    earlier.push({ level, ...(at && { at }), ...(after !== undefined && { after }) });
  }
}
