import type { AgreementModel, EscalationLevelModel } from '../../language/model/model.js';
import { spellAfterTime } from '../../compiler/document/commitments.js';
import { formatInstant } from '../../runtime/clock/index.js';
import type { EscalationVerdict } from '../../runtime/evaluate/index.js';
import { metricTitles, titleOf } from '../../runtime/report/metric-titles.js';
import { formatWallTime } from './clock-breakdown.js';
import type { DraftEntry } from './event-entries.js';

/**
 * One entry per escalation level the ticket owes, at the instant it fell
 * (or will fall) due, saying whether an `escalated` row met it.
 */
export function escalationEntries(model: AgreementModel, escalations: readonly EscalationVerdict[], zone: string): DraftEntry[] {
  return escalations.map((escalation) => {
    const level = model.escalation?.levels.find((candidate) => candidate.level === escalation.level);
    const why = level ? owedWhen(model, level) : '';
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

/** When a level is owed; an `after` level in the document's words (`2 business hours after the Ticket is opened (Office Hours)`). */
function owedWhen(model: AgreementModel, level: EscalationLevelModel): string {
  const trigger = level.trigger;
  if (trigger.kind === 'at') return `at ${trigger.percent}% of ${titleOf(metricTitles(model), trigger.metric)}`;
  return spellAfterTime(model, trigger.duration);
}
