import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgreementModel } from '../../../language/workspace/index.js';
import { checkLogFiles } from '../../../runtime/check.js';
import { PartitionCheck } from '../../../runtime/check/parallel/partition-check.js';
import type { EvaluatedTicket } from '../../../runtime/check/parallel/protocol.js';
import { decodeVerdicts, encodeVerdicts } from '../../../runtime/check/parallel/verdict-batch.js';
import type { TicketVerdict } from '../../../runtime/evaluate/index.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

/** Every verdict the one-thread check makes for an example log (metrics met, breached and pending; escalations of every status). */
async function verdictsOf(sla: string, log: string): Promise<TicketVerdict[]> {
  const model = loadAgreementModel(join(examples, sla)).model!;
  const verdicts: TicketVerdict[] = [];
  const outcome = await checkLogFiles(model, { log: join(examples, 'logs', log), output: { verdict: (verdict) => verdicts.push(verdict) } });
  expect(outcome.ok).toBe(true);
  return verdicts;
}

describe('encodeVerdicts and decodeVerdicts', () => {
  it.each([
    ['hosting.sla', 'hosting.tickets.ndjson'],
    ['multilevel/finance.sla', 'finance.tickets.ndjson'],
    ['poologics.sla', 'poologics.tickets.csv'],
    ['letsflo.sla', 'letsflo.tickets.csv'],
  ])('give back the verdicts of %s, keys in the same order', async (sla, log) => {
    const verdicts = await verdictsOf(sla, log);
    expect(verdicts.length).toBeGreaterThan(100);
    const tickets: EvaluatedTicket[] = verdicts.map((verdict, index) => ({ created: verdict.created, firstLine: index * 3 + 1, createdLine: index * 3 + 2, verdict }));
    const texts = Buffer.from(verdicts.map((verdict) => `${verdict.id}→`).join(''), 'utf8');
    const ends = new Uint32Array(verdicts.length);
    let end = 0;
    verdicts.forEach((verdict, index) => (ends[index] = end += Buffer.byteLength(`${verdict.id}→`)));
    const decoded = decodeVerdicts(encodeVerdicts(tickets, { bytes: texts, ends }));
    expect(decoded.map(({ text, ...ticket }) => ticket)).toEqual(tickets);
    // The metrics in the same order: the report and the warnings walk them in it.
    decoded.forEach((ticket, index) => expect(Object.keys(ticket.verdict.metrics)).toEqual(Object.keys(verdicts[index]!.metrics)));
    expect(decoded.map((ticket) => Buffer.from(ticket.text!).toString('utf8'))).toEqual(verdicts.map((verdict) => `${verdict.id}→`));
    // Absent optional keys stay absent (not present as undefined).
    const keySets = (list: TicketVerdict[]): string[] =>
      list.flatMap((verdict) => [verdict, ...Object.values(verdict.metrics), ...verdict.escalations].map((part) => Object.keys(part).sort().join()));
    expect(keySets(decoded.map((ticket) => ticket.verdict))).toEqual(keySets(verdicts));
  });

  it('keep what an edge verdict holds: no channel, a null due, an infinite target, no metrics', () => {
    const verdict: TicketVerdict = { id: 'é"\n', severity: 'P1', created: 5, metrics: { a: { status: 'pending', elapsedMinutes: 1.5, targetMinutes: Infinity, due: null }, b: { status: 'breached', elapsedMinutes: 0, targetMinutes: -0, due: 7, stoppedAt: 9 } }, escalations: [{ ticket: 'é"\n', level: 2, who: 'x', due: 3, status: 'late', escalatedAt: 4, lateMinutes: 1 }] };
    const empty: TicketVerdict = { id: '', severity: '', channel: '', created: -1, metrics: {}, escalations: [] };
    const tickets = [verdict, empty].map((one) => ({ created: one.created, firstLine: 1, createdLine: 1, verdict: one }));
    const decoded = decodeVerdicts(encodeVerdicts(tickets));
    expect(decoded).toEqual(tickets);
    expect(Object.is(decoded[0]!.verdict.metrics.b!.targetMinutes, -0)).toBe(true);
    expect(decoded[0]!.text).toBeUndefined();
  });
});

/** A partition check of a whole log (one partition, read in small blocks), read and prepared; and its latest event. */
async function readPartition(sla: string, log: string): Promise<{ check: PartitionCheck; latest: number }> {
  const model = loadAgreementModel(join(examples, sla)).model!;
  const path = join(examples, 'logs', log);
  const check = new PartitionCheck(model, { skipInvalid: false }, path);
  const setup = { index: 0, count: 1, path, size: statSync(path).size, blockBytes: 4096, progress: new SharedArrayBuffer(4), inboxes: [null], outboxes: [null] };
  const found = check.prepare(await check.read(setup));
  expect(found.fatal).toBe(false);
  return { check, latest: found.latest };
}

describe('PartitionCheck', () => {
  it.each([
    ['hosting.sla', 'hosting.tickets.ndjson', 'json'],
    ['multilevel/finance.sla', 'finance.tickets.ndjson', 'csv'],
  ] as const)('evaluates %s (%s) for the main thread as it encodes it for a worker, with %s text', async (sla, log, render) => {
    const forWorker = await readPartition(sla, log);
    const forMain = await readPartition(sla, log);
    // An as-of instant before the last events: some tickets and events are left out, and counted.
    for (const asOf of [forWorker.latest, forWorker.latest - 20 * 86_400_000]) {
      const sent: EvaluatedTicket[] = [];
      while (!forWorker.check.done) sent.push(...decodeVerdicts(forWorker.check.evaluateBatch(asOf, render)));
      const kept: EvaluatedTicket[] = [];
      while (!forMain.check.done) kept.push(...forMain.check.evaluateOnThisThread(asOf, render));
      expect(kept.length).toBeGreaterThan(10);
      const textOf = (ticket: EvaluatedTicket): string => Buffer.from(ticket.text!).toString('utf8');
      expect(kept.map(textOf)).toEqual(sent.map(textOf));
      expect(kept.map(({ text, ...ticket }) => ticket)).toEqual(sent.map(({ text, ...ticket }) => ticket));
      expect(forMain.check.ignoredAfterAsOf).toBe(forWorker.check.ignoredAfterAsOf);
      if (asOf !== forWorker.latest) expect(forMain.check.ignoredAfterAsOf).toBeGreaterThan(0);
      Object.assign(forWorker, await readPartition(sla, log));
      Object.assign(forMain, await readPartition(sla, log));
    }
  });
});
