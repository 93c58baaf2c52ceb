// SLA5005 builds the agreement's document on every edit in the editor, and
// on an agreement of 5,786 lines that took about a second: the worked
// examples compiled every calendar again for each example moment and each
// table (and each calendar's open-time cache started empty each time), and
// each uptime metric's downtime allowances were worked out twice (its
// section, Appendix A). Within one document each calendar is compiled once
// for the evaluation, and each allowance once. Counted, not timed.
import { describe, expect, it, vi } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import { agreement, calendar, duration, metric } from './model-builder.js';

const compiled = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../runtime/clock/index.js', async (importOriginal) => {
  const clock = await importOriginal<typeof import('../../runtime/clock/index.js')>();
  return {
    ...clock,
    compileCalendar: (...args: Parameters<typeof clock.compileCalendar>) => {
      compiled.count++;
      return clock.compileCalendar(...args);
    },
  };
});

describe('one document build', () => {
  it('compiles each calendar once for the worked examples, and works out each uptime allowance once', () => {
    const calendars = Array.from({ length: 5 }, (_, i) => calendar(`Office${i}`, [1, 2, 3, 4, 5], ['09:00-17:00']));
    const replies = calendars.map((c, i) => metric(`Reply${i}`, { clock: c.name, defaultTarget: duration(1, 'hours') }));
    const fixes = calendars.map((c, i) => metric(`Fix${i}`, { clock: c.name, measures: 'resolution', defaultTarget: duration(8, 'hours') }));
    const uptimes = calendars.map((c, i) => metric(`Uptime${i}`, { clock: c.name, measures: 'uptime', objective: { percent: 99.5, period: 'monthly' } }));
    const model = agreement({ calendars, metrics: [...replies, ...fixes, ...uptimes] });
    compiled.count = 0;
    const document = buildAgreementDocument(model);
    expect(document.appendices.length).toBe(1);
    // Once per calendar for the evaluation, once per uptime metric for its allowances.
    expect(compiled.count).toBeLessThanOrEqual(calendars.length + uptimes.length);
  });
});
