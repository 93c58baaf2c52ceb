import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgreementModel } from '../../../language/workspace/index.js';
import { createEvaluationContext, type MetricVerdict, type TicketVerdict } from '../../../runtime/evaluate/index.js';
import { renderCsv, toTicketJson } from '../../../runtime/report/index.js';
import { ticketItemText } from '../../../runtime/report/json-text.js';
import { numberString, ticketCsvRows, ticketJsonText } from '../../../runtime/report/verdict-text.js';

/**
 * The report text made straight from a verdict (what `slac check` writes
 * for every ticket of a large log) against the reference: the verdict made
 * into its JSON object, then written by `ticketItemText` or `renderCsv`.
 */

const context = createEvaluationContext(loadAgreementModel(join(__dirname, '..', '..', '..', 'examples', 'poologics.sla')).model!);
const metricNames = context.model.metrics.map((metric) => metric.name);

/** Minutes as the evaluator makes them (ten-thousandths), and any other number. */
const minutes = fc.oneof(
  fc.integer({ min: 0, max: 10 ** 12 }).map((tenThousandths) => Math.round((tenThousandths / 10_000) * 10_000) / 10_000),
  fc.integer({ min: 0, max: 10 ** 9 }).map((millis) => Math.round((millis / 60_000) * 10_000) / 10_000),
  fc.double(),
  fc.constantFrom(0, -0, 0.5, 1e-7, 1e21, 99999999999.9999, 1e11, Infinity, NaN),
);
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('T-1', '=SUM(A1)', 'a,b', 'say "hi"', '\ud800', 'Critical'));
/** Replaced by the ticket's severity (see `withTargetSeverities`). */
const SAME_SEVERITY = '(the ticket severity)';
const metricArb: fc.Arbitrary<MetricVerdict> = fc.record(
  { status: fc.constantFrom('met', 'breached', 'pending' as const), elapsedMinutes: minutes, targetMinutes: minutes, targetSeverity: fc.oneof(fc.constant(SAME_SEVERITY), text), due: fc.option(instant, { nil: null }), stoppedAt: instant },
  { requiredKeys: ['status', 'elapsedMinutes', 'targetMinutes', 'targetSeverity', 'due'] },
);
const verdictArb: fc.Arbitrary<TicketVerdict> = fc
  .record(
    {
      id: text,
      severity: text,
      channel: text,
      created: instant,
      // The agreement's metrics in its order, and a name it does not declare.
      metrics: fc.array(fc.tuple(fc.constantFrom(...metricNames, 'Unknown'), metricArb), { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
    },
    { requiredKeys: ['id', 'severity', 'created', 'metrics'] },
  )
  .map((verdict) => ({ ...verdict, metrics: withTargetSeverities(verdict.metrics, verdict.severity), escalations: [] }) as TicketVerdict);

/** Nearly every metric's target is the ticket's severity's: `SAME_SEVERITY` stands for it, so that both cases come up. */
function withTargetSeverities(metrics: Record<string, MetricVerdict>, severity: string): Record<string, MetricVerdict> {
  return Object.fromEntries(Object.entries(metrics).map(([name, metric]) => [name, metric.targetSeverity === SAME_SEVERITY ? { ...metric, targetSeverity: severity } : metric]));
}

describe('ticket text straight from the verdict', () => {
  it('writes the JSON item that ticketItemText writes for toTicketJson, at any nesting (property)', () => {
    fc.assert(
      fc.property(verdictArb, fc.constantFrom('\n', '\n    '), (verdict, newline) => {
        expect(ticketJsonText(verdict, context, newline)).toBe(ticketItemText(toTicketJson(verdict, context), newline));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the CSV rows that renderCsv writes for toTicketJson (property)', () => {
    fc.assert(
      fc.property(verdictArb, (verdict) => {
        const reference = renderCsv([toTicketJson(verdict, context)]);
        expect(ticketCsvRows(verdict, context)).toBe(reference.slice(reference.indexOf('\n') + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes numbers as String does', () => {
    for (const value of [0, -0, 0.5, 12.1667, 35.9167, 1440, 0.0001, 0.001, 1e-7, 99999999999.9999, 1e11, 1e15, 1e21, -1.5, 0.1 + 0.2, Infinity, -Infinity, NaN]) {
      expect(numberString(value)).toBe(String(value));
    }
    fc.assert(fc.property(minutes, (value) => numberString(value) === String(value)), { numRuns: 20_000 });
  });
});
