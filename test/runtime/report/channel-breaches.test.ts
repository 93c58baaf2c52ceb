/**
 * The text report names a breached ticket's channel where a channel target
 * may have chosen its target (the metric has `target ... via Channel`), and
 * only there, so 1.0 reports read as before.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../runtime/report/index.js';
import { minutes, metric, type EventRow } from '../evaluate/fixtures.js';
import { summaryOf } from '../evaluate/report-builder-helpers.js';

const channels = [{ name: 'Email', matches: [] }];
const withVia = { ...metric('Ack', 'firstResponse', { target: minutes(30) }), channelTargets: [{ channel: 'Email', duration: minutes(10) }] };
const withoutVia = metric('Fix', 'resolution', { target: minutes(30) });
// Mon 2026-11-16, New York business hours: 20 minutes to the reply, 40 to the resolution.
const rows: EventRow[] = [
  ['T1', '2026-11-16T09:00:00-05:00', 'created', { channel: 'Email', severity: 'Critical' }],
  ['T1', '2026-11-16T09:20:00-05:00', 'reply', { author: 'agent' }],
  ['T1', '2026-11-16T09:40:00-05:00', 'resolved'],
];

describe('breaches in the text report', () => {
  it('shows "Critical via Email" for a metric with channel targets, plain "Critical" otherwise', () => {
    const { summary, builder } = summaryOf({ channels, metrics: [withVia, withoutVia] }, rows, '2026-11-16T10:00:00-05:00');
    const breaches = builder.breaches();
    expect(breaches.rows.map((row) => [row.metric, row.channel, row.targetMinutes])).toEqual([
      ['Ack', 'Email', 10],
      ['Fix', undefined, 30],
    ]);
    const text = renderText(summary, breaches);
    expect(text).toMatch(/T1\s+Critical via Email\s+Ack/);
    expect(text).toMatch(/T1\s+Critical\s+Fix/);
  });

  it("shows the severity whose target was missed, with the ticket's severity now when it changed after the stop", () => {
    const changed: EventRow[] = [...rows, ['T1', '2026-11-16T09:50:00-05:00', 'severity', { severity: 'Standard' }]];
    const { summary, builder } = summaryOf({ channels, metrics: [withVia, withoutVia] }, changed, '2026-11-16T10:00:00-05:00');
    const breaches = builder.breaches();
    expect(breaches.rows.map((row) => [row.metric, row.severity, row.targetSeverity])).toEqual([
      ['Ack', 'Standard', 'Critical'],
      ['Fix', 'Standard', 'Critical'],
    ]);
    const text = renderText(summary, breaches);
    expect(text).toMatch(/T1\s+Critical via Email \(now Standard\)\s+Ack/);
    expect(text).toMatch(/T1\s+Critical \(now Standard\)\s+Fix/);
  });
});
