import type { AgreementModel } from '../../language/model/model.js';
import { formatInstant } from '../../runtime/clock/index.js';
import type { EscalationVerdict } from '../../runtime/evaluate/index.js';
import { formatWallTime } from './clock-breakdown.js';
import type { DraftEntry } from './event-entries.js';

/**
 * One entry per escalation level the ticket owes, at the instant it fell
 * (or will fall) due, saying whether an `escalated` row met it.
 */
export function escalationEntries(model: AgreementModel, escalations: readonly EscalationVerdict[], zone: string): DraftEntry[] {
  return escalations.map((escalation) => {
    const level = model.escalation?.levels.find((candidate) => candidate.level === escalation.level);
    const trigger = level?.trigger;
    const why = trigger?.kind === 'at' ? `at ${trigger.percent}% of ${titleOf(model, trigger.metric)}` : trigger ? `after ${trigger.duration.text}` : '';
    const owed = `Escalation to level ${escalation.level} (${escalation.who}) owed ${why}`.trimEnd();
    const at = escalation.escalatedAt === undefined ? '' : formatInstant(escalation.escalatedAt, zone);
    const outcome: Record<EscalationVerdict['status'], string> = {
      met: `: met by the escalation at ${at}.`,
      late: `: late, escalated ${formatWallTime((escalation.lateMinutes ?? 0) * 60_000)} after it was due, at ${at}.`,
      missed: ': missed, no escalation to that level followed.',
      pending: ': pending, due after the as-of instant.',
    };
    const entry: DraftEntry = { time: escalation.due, kind: 'escalation', text: owed + outcome[escalation.status] };
    if (escalation.metric !== undefined) entry.metric = escalation.metric;
    return entry;
  });
}

function titleOf(model: AgreementModel, metric: string): string {
  return model.metrics.find((candidate) => candidate.name === metric)?.title ?? metric;
}
