import { describe, expect, test } from 'vitest';
import type { AgreementModel } from '../../language/model/model.js';
import type { BreachedTicket } from '../../review/data/site-data.js';
import { recurringIssues } from '../../review/pack/incidents.js';

const model = {
  severities: [{ name: 'Urgent' }, { name: 'Normal' }],
  metrics: [{ name: 'Response', title: 'Response time' }],
} as unknown as AgreementModel;

/** A ticket of severity `severity` now whose Response missed the target of `targetSeverity` (its severity then). */
function breached(id: string, severity: string, targetSeverity: string): BreachedTicket {
  const breach = { metric: 'Response', elapsedMinutes: 90, targetMinutes: 60, due: '2026-03-02T10:00:00+00:00' };
  return { id, severity, channel: 'Email', created: '2026-03-02T09:00:00+00:00', breaches: [targetSeverity === severity ? breach : { ...breach, targetSeverity }] };
}

describe('recurring issues', () => {
  test('group breaches by the severity whose target was missed, not the severity a ticket was changed to later', () => {
    const tickets = [breached('A', 'Urgent', 'Urgent'), breached('B', 'Normal', 'Urgent'), breached('C', 'Normal', 'Urgent'), breached('D', 'Normal', 'Normal')];
    expect(recurringIssues(model, tickets).map((issue) => [issue.metric, issue.severity, issue.channel, issue.tickets])).toEqual([['Response', 'Urgent', 'Email', 3]]);
  });
});
