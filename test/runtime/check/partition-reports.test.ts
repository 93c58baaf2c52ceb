import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementModel } from '../../../language/model/model.js';
import { loadAgreementModel } from '../../../language/workspace/index.js';
import { checkLogFiles } from '../../../runtime/check.js';
import { checkLogFilesInParallel } from '../../../runtime/check/parallel/index.js';
import { workerPorts } from '../../../runtime/check/parallel/coordinator.js';
import { mergeNeverDue, type PlacedNeverDue } from '../../../runtime/check/parallel/never-due-parts.js';
import { PartitionCheck } from '../../../runtime/check/parallel/partition-check.js';
import { transferablesOf, type PartitionReport, type RenderedBatch } from '../../../runtime/check/parallel/protocol.js';
import { CheckSession } from '../../../runtime/check/session.js';
import { ReportBuilder } from '../../../runtime/evaluate/index.js';
import { logError } from '../../../runtime/log/log-error.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

/** The partitions of a log, each read (on this thread, through message ports, as workers read) and prepared. */
async function readPartitions(model: AgreementModel, path: string, count: number): Promise<{ checks: PartitionCheck[]; latest: number }> {
  const ports = workerPorts(count);
  const progress = new SharedArrayBuffer(4 * count);
  const size = statSync(path).size;
  const checks = ports.map(() => new PartitionCheck(model, { skipInvalid: false }, path));
  // Small blocks: every partition scans many, and lines cross block edges.
  const readable = await Promise.all(checks.map((check, index) => check.read({ index, count, path, size, blockBytes: 997, progress, ...ports[index]! })));
  // A reader lets go of its ports' listeners: one left on them kept its scanner's blocks of shared memory alive to the end.
  for (const { inboxes } of ports) for (const port of inboxes) expect(port?.listenerCount('message') ?? 0).toBe(0);
  for (const { inboxes, outboxes } of ports) for (const port of [...inboxes, ...outboxes]) port?.close();
  const found = checks.map((check, index) => check.prepare(readable[index]!));
  for (const partition of found) expect(partition.fatal).toBe(false);
  return { checks, latest: Math.max(...found.map((partition) => partition.latest)) };
}

/** Every partition's tickets evaluated at `asOf` (rendered as JSON too), and their reports. */
function evaluate(checks: readonly PartitionCheck[], asOf: number): { reports: PartitionReport[]; batches: RenderedBatch[] } {
  const batches: RenderedBatch[] = [];
  const reports = checks.map((check) => {
    check.startEvaluation(asOf, 'json');
    // Uneven steps: a report must not depend on how its tickets were batched.
    for (let step = 1; !check.done; step += 2) {
      check.evaluateSome(step);
      batches.push(check.takeRendered());
    }
    return check.report();
  });
  return { reports, batches };
}

describe('the reports of partitions, merged', () => {
  it.each([
    ['hosting.sla', 'hosting.tickets.ndjson'],
    ['multilevel/finance.sla', 'finance.tickets.ndjson'],
  ])('are the one-thread report of %s (%s), however many partitions', async (sla, log) => {
    const model = loadAgreementModel(join(examples, sla)).model!;
    const path = join(examples, 'logs', log);
    for (const count of [1, 2, 3, 5]) {
      const { latest } = await readPartitions(model, path, count);
      // At the latest event, and earlier: then some tickets and events are left out, and counted.
      for (const asOf of [latest, latest - 20 * 86_400_000]) {
        const { checks } = await readPartitions(model, path, count);
        const oneThread = await checkLogFiles(model, { log: path, asOf });
        expect(oneThread.ok).toBe(true);
        if (!oneThread.ok) return;
        const { reports, batches } = evaluate(checks, asOf);
        const merged = ReportBuilder.ofParts(new CheckSession(model, { asOf }, path).context, asOf);
        // Sent as a worker sends it: cloned, its escalation rows and ids handed over (left empty here).
        for (const report of reports) {
          const received = structuredClone(report, { transfer: transferablesOf(report) });
          const { tickets, codes, due, escalatedAt, lateMinutes, ids } = report.report.escalations;
          const arrays = [...tickets, ...codes, ...due, ...escalatedAt.rows, ...escalatedAt.values, ...lateMinutes.rows, ...lateMinutes.values, ids.arena, ...ids.starts];
          for (const array of arrays) expect(array.byteLength).toBe(0);
          merged.merge(received.report);
        }
        const summary = merged.finish({ invalidRows: 0, skipped: [] });
        const { ignoredAfterAsOf, warnings, ...oneThreadSummary } = oneThread.summary;
        expect(summary).toEqual(oneThreadSummary);
        expect(merged.breaches()).toEqual(oneThread.breaches);
        expect(merged.escalations.toRows()).toEqual(oneThread.escalations.toRows());
        expect(summary.escalations.length).toBeGreaterThan(0);
        expect(reports.reduce((sum, report) => sum + report.ignored, 0)).toBe(ignoredAfterAsOf);
        if (asOf !== latest) expect(ignoredAfterAsOf).toBeGreaterThan(0);
        // Every ticket evaluated is rendered once.
        expect(batches.reduce((sum, batch) => sum + batch.count, 0)).toBe(summary.totals.tickets);
      }
    }
  });
});

/** A never-due warning of metric `metric` at the ticket placed (created, firstLine), the `rank`-th of its ticket. */
function placed(metric: string, created: number, firstLine: number, rank = 0): PlacedNeverDue {
  return { created, firstLine, rank, metric, warning: logError('SLA4041', 'log.ndjson', firstLine + 1, undefined, { ticket: `T${firstLine}`, metric, target: '3 business days' }) };
}

/** A warning's metric, as its message names it. */
function metricOf(message: string): string {
  return /Resolution|Response/.exec(message)![0];
}

describe('mergeNeverDue', () => {
  it.each<[string, PlacedNeverDue[][], [string, number][]]>([
    ['one partition: as given', [[placed('Resolution', 5, 10), placed('Response', 7, 2)]], [['Resolution', 11], ['Response', 3]]],
    ['each metric at its earliest ticket, whichever partition had it', [[placed('Resolution', 9, 4)], [placed('Resolution', 5, 10)]], [['Resolution', 11]]],
    ['ties in created: the ticket seen first in the log', [[placed('Resolution', 5, 10)], [placed('Resolution', 5, 3)]], [['Resolution', 4]]],
    ['listed in the order their tickets were evaluated', [[placed('Response', 8, 1)], [placed('Resolution', 2, 30)]], [['Resolution', 31], ['Response', 2]]],
    ['two metrics of one ticket: in the order that ticket gave them', [[placed('Response', 4, 6, 1), placed('Resolution', 4, 6, 0)], []], [['Resolution', 7], ['Response', 7]]],
    ['none', [[], []], []],
  ])('%s', (_, parts, expected) => {
    expect(mergeNeverDue(parts).map((warning) => [metricOf(warning.message), warning.line])).toEqual(expected);
  });
});

describe('checkLogFilesInParallel', () => {
  it('gives a caller that takes verdicts every verdict (from one thread: workers hand on rendered text only)', async () => {
    const model = loadAgreementModel(join(examples, 'hosting.sla')).model!;
    const verdicts: string[] = [];
    process.env.SLAC_CHECK_PARALLEL_MIN_BYTES = '0';
    try {
      const outcome = await checkLogFilesInParallel(model, { log: join(examples, 'logs', 'hosting.tickets.ndjson'), output: { verdict: (verdict) => verdicts.push(verdict.id) } }, 2);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(verdicts).toHaveLength(outcome.summary.totals.tickets);
      expect(verdicts.length).toBeGreaterThan(10);
    } finally {
      delete process.env.SLAC_CHECK_PARALLEL_MIN_BYTES;
    }
  });
});
