import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgreementModel } from '../../../language/workspace/index.js';
import { formatInstant } from '../../../runtime/clock/index.js';
import { createEvaluationContext, EscalationList, type EscalationVerdict, type MetricVerdict, type TicketVerdict } from '../../../runtime/evaluate/index.js';
import { escalationItemText } from '../../../runtime/report/json-text.js';
import { writeEscalationJson } from '../../../runtime/report/escalation-bytes.js';
import { ReportBytes, writeMinutes, writeQuotedInstant } from '../../../runtime/report/report-bytes.js';
import { writeTicketJson } from '../../../runtime/report/verdict-bytes.js';
import { numberString, ticketJsonText } from '../../../runtime/report/verdict-text.js';

/**
 * The JSON report written as bytes (what `slac check --format json` writes
 * for every ticket) against the text it stands for: `ticketJsonText`,
 * `formatInstant` and `numberString`, in buffers small enough that every
 * write meets a flush.
 */

const context = createEvaluationContext(loadAgreementModel(join(__dirname, '..', '..', '..', 'examples', 'poologics.sla')).model!);
const metricNames = context.model.metrics.map((metric) => metric.name);

/** Everything written through `write`, as text, with a buffer of `size` bytes. */
function bytesOf(write: (out: ReportBytes) => void, size: number): string {
  const pieces: Buffer[] = [];
  const out = new ReportBytes((bytes) => pieces.push(Buffer.from(bytes)), size);
  write(out);
  out.flush();
  return Buffer.concat(pieces).toString('utf8');
}

const minutes = fc.oneof(
  fc.integer({ min: 0, max: 10 ** 12 }).map((tenThousandths) => Math.round((tenThousandths / 10_000) * 10_000) / 10_000),
  fc.integer({ min: 0, max: 10 ** 9 }).map((millis) => Math.round((millis / 60_000) * 10_000) / 10_000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, 0.005, 0.0001, 1e-7, 1e21, 99999999999.9999, 1e11, 1e15),
);
/** From 1800 (offsets in seconds: local mean time) to 2399, and the report's usual years. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2399, 11, 31) }),
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
);
const zone = fc.constantFrom('America/New_York', 'UTC', 'Asia/Kolkata', 'Africa/Monrovia', 'Pacific/Chatham', 'Europe/London');
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('T-1', 'say "hi"', 'back\\slash', '\u007f', 'é', '\ud800', 'Critical'));
/** Replaced by the ticket's severity (see `withTargetSeverities`). */
const SAME_SEVERITY = '(the ticket severity)';
const metricArb: fc.Arbitrary<MetricVerdict> = fc.record(
  {
    status: fc.constantFrom('met', 'breached', 'pending' as const),
    elapsedMinutes: fc.oneof(minutes, fc.constantFrom(Infinity, NaN)),
    targetMinutes: fc.oneof(minutes, fc.constantFrom(Infinity)),
    targetSeverity: fc.oneof(fc.constant(SAME_SEVERITY), text),
    due: fc.option(instant, { nil: null }),
    stoppedAt: instant,
  },
  { requiredKeys: ['status', 'elapsedMinutes', 'targetMinutes', 'targetSeverity', 'due'] },
);
const verdictArb: fc.Arbitrary<TicketVerdict> = fc
  .record(
    {
      id: text,
      severity: text,
      channel: text,
      created: instant,
      metrics: fc.array(fc.tuple(fc.constantFrom(...metricNames, 'Unknown', 'Désolé'), metricArb), { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
    },
    { requiredKeys: ['id', 'severity', 'created', 'metrics'] },
  )
  .map((verdict) => ({ ...verdict, metrics: withTargetSeverities(verdict.metrics, verdict.severity), escalations: [] }) as TicketVerdict);

/** Nearly every metric's target is the ticket's severity's: `SAME_SEVERITY` stands for it, so that both cases come up. */
function withTargetSeverities(metrics: Record<string, MetricVerdict>, severity: string): Record<string, MetricVerdict> {
  return Object.fromEntries(Object.entries(metrics).map(([name, metric]) => [name, metric.targetSeverity === SAME_SEVERITY ? { ...metric, targetSeverity: severity } : metric]));
}

describe('the JSON report as bytes', () => {
  it('writes each ticket as ticketJsonText does, at any nesting and buffer size (property)', () => {
    fc.assert(
      fc.property(fc.array(verdictArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\n    '), fc.constantFrom(16, 256, 1 << 20), (verdicts, newline, size) => {
        const expected = verdicts.map((verdict) => ticketJsonText(verdict, context, newline)).join(',');
        const written = bytesOf((out) => {
          verdicts.forEach((verdict, index) => {
            if (index > 0) out.text(',');
            writeTicketJson(out, verdict, context, newline);
          });
        }, size);
        expect(written).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes instants as formatInstant does, in quotes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, zone), { minLength: 1, maxLength: 20 }), (instants) => {
        const expected = instants.map(([at, where]) => `"${formatInstant(at, where)}"`).join('');
        expect(bytesOf((out) => instants.forEach(([at, where]) => writeQuotedInstant(out, at, where)), 64)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // Daylight saving in New York, around each change and at its edges; the same day twice from the cache.
    for (const at of [Date.UTC(2026, 2, 8, 6, 59, 59, 999), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 5, 59, 59), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 10, 1, 6)]) {
      expect(bytesOf((out) => writeQuotedInstant(out, at, 'America/New_York'), 64)).toBe(`"${formatInstant(at, 'America/New_York')}"`);
    }
  });

  it('refuses an instant that is not finite, as formatInstant does', () => {
    expect(() => bytesOf((out) => writeQuotedInstant(out, Infinity, 'UTC'), 64)).toThrow(RangeError);
  });

  it('writes minutes as numberString (and so String) does', () => {
    for (const value of [0, -0, 0.5, 12.1667, 35.9167, 1440, 0.0001, 0.001, 0.005, 0.05, 1e-7, 99999999999.9999, 1e11, 1e15, 1e21, -1.5, 0.1 + 0.2, 2 ** 53]) {
      expect(bytesOf((out) => writeMinutes(out, value), 64)).toBe(numberString(value));
    }
    fc.assert(fc.property(minutes, (value) => bytesOf((out) => writeMinutes(out, value), 64) === numberString(value)), { numRuns: 20_000 });
  });

  it('writes every ten-thousandth of the digit tables as numberString does, and the numbers past them (table)', () => {
    // The whole parts below 10,000 and the fractions come from tables: every entry of both, and the first whole numbers past the table.
    const wholes = [0, 1, 9, 10, 99, 100, 999, 1000, 9998, 9999, 10_000, 10_001, 99_999, 214_748, 2 ** 31, 2 ** 32 + 1];
    for (const whole of wholes) {
      const written = bytesOf((out) => {
        for (let fraction = 0; fraction < 10_000; fraction++) {
          writeMinutes(out, (whole * 10_000 + fraction) / 10_000);
          out.text('|');
        }
      }, 4096);
      const expected = Array.from({ length: 10_000 }, (_, fraction) => `${numberString((whole * 10_000 + fraction) / 10_000)}|`).join('');
      expect(written).toBe(expected);
    }
  });

  it('writes every second of a day as formatInstant does, across a change of offset (table)', () => {
    // New York's two changes of 2026, Chatham's (+13:45 to +12:45) and a plain day in Kolkata: every second, through the cached dates and offsets.
    const days: [string, number][] = [
      ['America/New_York', Date.UTC(2026, 2, 8)],
      ['America/New_York', Date.UTC(2026, 10, 1)],
      ['Pacific/Chatham', Date.UTC(2026, 3, 4, 12)],
      ['Asia/Kolkata', Date.UTC(2026, 5, 1)],
    ];
    for (const [where, start] of days) {
      const instants = Array.from({ length: 86_400 }, (_, second) => start + second * 1000 + (second % 7) * 111);
      const written = bytesOf((out) => instants.forEach((at) => writeQuotedInstant(out, at, where)), 1 << 16);
      expect(written).toBe(instants.map((at) => `"${formatInstant(at, where)}"`).join(''));
    }
  });

  it('writes the tickets of two agreements and two nestings interleaved as ticketJsonText does (property)', () => {
    // The writer keeps the last agreement's pieces and the metrics' last order at hand: switching between them must not mix them up.
    const other = createEvaluationContext(loadAgreementModel(join(__dirname, '..', '..', '..', 'examples', 'hosting.sla')).model!);
    const otherNames = other.model.metrics.map((metric) => metric.name);
    const otherVerdict = verdictArb.chain((verdict) =>
      fc.shuffledSubarray(otherNames).chain((names) => fc.array(metricArb, { minLength: names.length, maxLength: names.length }).map((metrics) => ({ ...verdict, metrics: Object.fromEntries(names.map((name, index) => [name, metrics[index]!])) }))),
    );
    const item = fc.oneof(
      fc.tuple(verdictArb, fc.constant(context), fc.constantFrom('\n', '\n    ')),
      fc.tuple(otherVerdict, fc.constant(other), fc.constantFrom('\n', '\n    ')),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 2, maxLength: 8 }), (items) => {
        const expected = items.map(([verdict, where, newline]) => ticketJsonText(verdict, where, newline)).join(',');
        const written = bytesOf((out) => {
          items.forEach(([verdict, where, newline], index) => {
            if (index > 0) out.text(',');
            writeTicketJson(out, verdict, where, newline);
          });
        }, 256);
        expect(written).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('hands on a text longer than the buffer whole, after what came before', () => {
    const long = 'é'.repeat(100);
    expect(bytesOf((out) => {
      out.text('a');
      out.text(long);
      out.text('b');
    }, 32)).toBe(`a${long}b`);
  });

  it('writes escalation rows as escalationItemText writes rows() (property)', () => {
    const escalation: fc.Arbitrary<EscalationVerdict> = fc.record(
      {
        ticket: text,
        level: fc.constantFrom(1, 2, 3),
        who: fc.constantFrom('Support "lead"', 'Désiré', 'Ops'),
        metric: fc.constantFrom('Resolution', 'Fix'),
        due: instant,
        status: fc.constantFrom('met', 'late', 'missed', 'pending' as const),
        escalatedAt: instant,
        lateMinutes: minutes,
      },
      { requiredKeys: ['ticket', 'level', 'who', 'due', 'status'] },
    );
    fc.assert(
      fc.property(fc.array(escalation, { maxLength: 6 }), zone, fc.constantFrom('\n', '\n    '), (verdicts, where, newline) => {
        const list = new EscalationList(() => where);
        for (const verdict of verdicts) list.add(verdict);
        const expected = [...list.rows()].map((row) => escalationItemText(row, newline)).join('|');
        const written = bytesOf((out) => {
          let first = true;
          list.forEachRowFields((row) => {
            if (!first) out.text('|');
            first = false;
            writeEscalationJson(out, row, newline);
          });
        }, 64);
        expect(written).toBe(expected);
        // Each row keeps its own verdict's escalated-at instant and late minutes (kept only for the rows that have them).
        const key = (parts: unknown[]): string => JSON.stringify(parts);
        const kept = [...list.rows()].map((row) => key([row.ticket, row.level, row.status, row.escalatedAt, row.lateMinutes])).sort();
        const given = verdicts.map((verdict) => key([verdict.ticket, verdict.level, verdict.status, verdict.escalatedAt === undefined ? undefined : formatInstant(verdict.escalatedAt, where), verdict.lateMinutes])).sort();
        expect(kept).toEqual(given);
      }),
      { numRuns: 1000 },
    );
  });
});
