/**
 * LANGUAGE.md 1.1: a metric's own `pause when status` replaces the
 * agreement-wide statuses for that metric; `pause never` turns pausing off.
 * The escalation clock (`after D`) keeps the agreement-wide pauses.
 *
 * ```
 * pause when status "Waiting on customer"
 * metric Fix      { measures resolution clock Utc target 45 minutes }
 * metric OwnPause { measures resolution clock Utc target 45 minutes pause when status "On hold" }
 * metric Both     { measures resolution clock Utc target 45 minutes pause when status "on hold", "Waiting on customer" }
 * metric Never    { measures resolution clock Utc target 45 minutes pause never }
 * escalation { clock Utc level 1 "Duty manager" after 45 minutes }
 * ```
 */
import { describe, expect, it } from 'vitest';
import { checkRows, hhmm, metric, minutes, model, ticketOf, type Row } from './model-check.js';

const target = minutes(45);
const AGREEMENT = model(
  [
    metric('Fix', 'resolution', { target }),
    metric('OwnPause', 'resolution', { target, pause: ['On hold'] }),
    metric('Both', 'resolution', { target, pause: ['on hold', 'Waiting on customer'] }),
    metric('Never', 'resolution', { target, pause: [] }),
  ],
  { escalation: { clock: 'Utc', levels: [{ level: 1, who: 'Duty manager', trigger: { kind: 'after', duration: minutes(45) } }] } },
);

// Created 10:00; "On hold" 10:10-10:30, "Waiting on customer" 10:30-10:50, resolved 11:00.
const ROWS: Row[] = [
  ['T', '10:00', 'created'],
  ['T', '10:10', 'status', { status: 'On hold' }],
  ['T', '10:30', 'status', { status: 'Waiting on customer' }],
  ['T', '10:50', 'status', { status: 'Open' }],
  ['T', '11:00', 'resolved'],
];

describe('per-metric pauses', () => {
  it.each([
    // 60 minutes minus Waiting 10:30-10:50; due: 30 by 10:30, paused to 10:50, 15 more.
    ['no own pause: the agreement-wide statuses', 'Fix', 40, 'met', '11:05'],
    // 60 minus On hold 10:10-10:30 (Waiting does not pause it); due: 10 by 10:10, paused to 10:30, 35 more.
    ['its own statuses replace the agreement-wide ones', 'OwnPause', 40, 'met', '11:05'],
    // 60 minus 10:10-10:50 (statuses compared in any case); due: 10 by 10:10, paused to 10:50, 35 more.
    ['its own list may name several statuses', 'Both', 20, 'met', '11:25'],
    // No pause at all: 60, over 45 at 10:45.
    ['pause never', 'Never', 60, 'breached', '10:45'],
  ])('%s (%s)', (_name, name, elapsed, status, due) => {
    const verdict = ticketOf(checkRows(AGREEMENT, ROWS), 'T').metrics[name];
    expect(verdict).toMatchObject({ status, elapsedMinutes: elapsed, targetMinutes: 45 });
    expect(hhmm(verdict.due)).toBe(due);
  });

  it('the escalation clock keeps the agreement-wide pauses: 45 minutes after created, less 10:30-10:50, is 11:05', () => {
    const rows: Row[] = ROWS.slice(0, 4);
    const report = checkRows(AGREEMENT, rows, '11:10');
    expect(report.escalations.map((row: { due: string; status: string }) => [hhmm(row.due), row.status])).toEqual([['11:05', 'missed']]);
  });

  it('paused at as-of by its own status only: no due for that metric, a due for the others', () => {
    const rows: Row[] = [['T', '10:00', 'created'], ['T', '10:10', 'status', { status: 'On hold' }]];
    const metrics = ticketOf(checkRows(AGREEMENT, rows, '10:20'), 'T').metrics;
    expect(metrics.OwnPause).toMatchObject({ status: 'pending', elapsedMinutes: 10, due: null });
    expect(metrics.Fix).toMatchObject({ status: 'pending', elapsedMinutes: 20 });
    expect(hhmm(metrics.Fix.due)).toBe('10:45');
    expect(hhmm(metrics.Never.due)).toBe('10:45');
  });
});
