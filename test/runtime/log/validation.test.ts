import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogFiles, type CheckOutcome } from '../../../runtime/check.js';
import { formatLogError, type LogError } from '../../../runtime/log/log-error.js';
import { supportModel } from '../check/fixture-model.js';

const folder = mkdtempSync(join(tmpdir(), 'slac-validation-'));
const HEADER = 'ticket,time,event,severity,channel,status,author,level';
const CREATED = 'T-1,2026-03-02T09:00:00-05:00,created,Critical,Email,,,';

async function check(name: string, text: string, options: { skipInvalid?: boolean; assumeTimezone?: string } = {}): Promise<CheckOutcome> {
  const file = join(folder, name);
  writeFileSync(file, text);
  return checkLogFiles(supportModel, { log: file, displayName: () => name, ...options });
}

/** [line, key, code] of each error, in order. */
function errorsOf(outcome: CheckOutcome): [number, string | undefined, string][] {
  if (outcome.ok) return [];
  return outcome.errors.map((error) => [error.line, error.key, error.code]);
}

describe('ticket log validation (SEMANTICS.md "Ticket log")', () => {
  const table: [string, string, [number, string | undefined, string][]][] = [
    ['a missing ticket', ',2026-03-02T10:00:00Z,reply,,,,agent,', [[3, 'ticket', 'SLA4001']]],
    ['a missing time', 'T-1,,reply,,,,agent,', [[3, 'time', 'SLA4001']]],
    ['a missing event', 'T-1,2026-03-02T10:00:00Z,,,,,,', [[3, 'event', 'SLA4001']]],
    ['a time without offset', 'T-1,2026-03-02T10:00:00,reply,,,,agent,', [[3, 'time', 'SLA4002']]],
    ['an impossible date', 'T-1,2026-13-01T10:00Z,reply,,,,agent,', [[3, 'time', 'SLA4002']]],
    ['a 30 February', 'T-1,2026-02-30T10:00:00Z,reply,,,,agent,', [[3, 'time', 'SLA4002']]],
    ['an unknown event', 'T-1,2026-03-02T10:00:00Z,commented,,,,,', [[3, 'event', 'SLA4003']]],
    ['an unknown severity on created', 'T-2,2026-03-02T10:00:00Z,created,critical,,,,', [[3, 'severity', 'SLA4004']]],
    ['a severity event without severity', 'T-1,2026-03-02T10:00:00Z,severity,,,,,', [[3, 'severity', 'SLA4001']]],
    ['an unknown channel', 'T-2,2026-03-02T10:00:00Z,created,,Fax,,,', [[3, 'channel', 'SLA4005']]],
    ['a status event without status', 'T-1,2026-03-02T10:00:00Z,status,,,,,', [[3, 'status', 'SLA4001']]],
    ['a reply without author', 'T-1,2026-03-02T10:00:00Z,reply,,,,,', [[3, 'author', 'SLA4001']]],
    ['a reply by a robot', 'T-1,2026-03-02T10:00:00Z,reply,,,,robot,', [[3, 'author', 'SLA4006']]],
    ['an escalation without level', 'T-1,2026-03-02T10:00:00Z,escalated,,,,,', [[3, 'level', 'SLA4001']]],
    ['an escalation to level 0', 'T-1,2026-03-02T10:00:00Z,escalated,,,,,0', [[3, 'level', 'SLA4007']]],
    ['an escalation to level 1.5', 'T-1,2026-03-02T10:00:00Z,escalated,,,,,1.5', [[3, 'level', 'SLA4007']]],
    ['an event before created', 'T-1,2026-03-02T08:00:00-05:00,reply,,,,agent,', [[3, 'time', 'SLA4008']]],
    ['a second created', 'T-1,2026-03-02T10:00:00-05:00,created,,,,,', [[3, 'event', 'SLA4009']]],
    ['a ticket without created', 'T-9,2026-03-02T10:00:00Z,resolved,,,,,', [[3, 'ticket', 'SLA4010']]],
    ['two bad keys in one row', 'T-1,yesterday,reply,,,,bot,', [[3, 'author', 'SLA4006'], [3, 'time', 'SLA4002']]],
  ];
  it.each(table)('reports %s with file, line and key', async (_name, row, expected) => {
    const outcome = await check('tickets.csv', `${HEADER}\n${CREATED}\n${row}\n`);
    expect(errorsOf(outcome)).toEqual(expected);
  });

  it('words the message as file:line: key', async () => {
    const outcome = await check('tickets.csv', `${HEADER}\n${CREATED}\nT-1,2026-13-01T10:00,reply,,,,agent,\n`);
    expect(outcome.ok).toBe(false);
    expect(formatLogError((outcome as { errors: LogError[] }).errors[0]!)).toBe(
      "tickets.csv:3: key 'time': '2026-13-01T10:00' is not an ISO 8601 instant with an offset: there is no month 13 [SLA4002]",
    );
  });

  it('reports an event at the instant of created but earlier in the file', async () => {
    const outcome = await check('tickets.csv', `${HEADER}\nT-1,2026-03-02T09:00:00-05:00,reply,,,,agent,\n${CREATED}\n`);
    expect(errorsOf(outcome)).toEqual([[2, 'time', 'SLA4008']]);
    expect(outcome.ok ? '' : outcome.errors[0]!.message).toMatch(/earlier in the file/);
  });

  it('accepts ticket ids and levels as JSON numbers, and rejects other types', async () => {
    const good = await check('numbers.ndjson', '{"ticket":7,"time":"2026-03-02T10:00:00Z","event":"created"}\n{"ticket":7,"time":"2026-03-02T11:00:00Z","event":"escalated","level":2}\n');
    expect(good.ok).toBe(true);
    const bad = await check('types.ndjson', '{"ticket":"T","time":1772445600000,"event":"created","severity":["Critical"]}\n');
    expect(errorsOf(bad)).toEqual([[1, 'severity', 'SLA4014'], [1, 'time', 'SLA4014']]);
    expect(bad.ok ? [] : bad.errors.map(formatLogError)).toContain(
      "types.ndjson:1: key 'time': 'time' must be a text, not the number 1772445600000 (if it counts milliseconds since 1970, it is 2026-03-02T10:00:00Z: write that, as text) [SLA4014]",
    );
  });

  it('says a number too large to read is one, not null', async () => {
    const outcome = await check('huge.ndjson', '{"ticket":2e400,"time":"2026-03-02T10:00:00Z","event":"created"}\n');
    expect(outcome.ok ? [] : outcome.errors.map(formatLogError)).toEqual(["huge.ndjson:1: key 'ticket': 'ticket' must be a text, not a number too large to read [SLA4014]"]);
  });

  it('reports every error, keeps the first 50 by line, and counts the rest', async () => {
    const bad = Array.from({ length: 120 }, (_, index) => `T-1,2026-03-02T1${index % 10}:00,reply,,,,agent,`);
    const outcome = await check('many.csv', `${HEADER}\n${CREATED}\n${bad.join('\n')}\n`);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errorCount).toBe(120);
    expect(outcome.errors).toHaveLength(50);
    expect(outcome.errors.map((error) => error.line)).toEqual(Array.from({ length: 50 }, (_, index) => index + 3));
  });

  it('reports a missing file as one error', async () => {
    const outcome = await checkLogFiles(supportModel, { log: join(folder, 'nope.csv'), displayName: () => 'nope.csv' });
    expect(errorsOf(outcome)).toEqual([[0, undefined, 'SLA4022']]);
  });

  it('cannot tell the format of a .txt log without --log-format', async () => {
    const outcome = await check('log.txt', `${HEADER}\n${CREATED}\n`);
    expect(errorsOf(outcome)).toEqual([[0, undefined, 'SLA4020']]);
  });

  it('rejects an unknown --assume-timezone and a bad --as-of', async () => {
    const zone = await check('ok.csv', `${HEADER}\n${CREATED}\n`, { assumeTimezone: 'Mars/Olympus' });
    expect(errorsOf(zone)).toEqual([[0, undefined, 'SLA4017']]);
    const file = join(folder, 'ok.csv');
    const asOf = await checkLogFiles(supportModel, { log: file, asOf: '2026-03-31' });
    expect(errorsOf(asOf)).toEqual([[0, undefined, 'SLA4018']]);
  });
});

describe('outage log validation', () => {
  const table: [string, string, [number, string | undefined, string][]][] = [
    ['an end before the start', '2026-03-02T10:00:00Z,2026-03-02T09:00:00Z,outage,', [[2, 'end', 'SLA4016']]],
    ['an unknown kind', '2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,incident,', [[2, 'kind', 'SLA4015']]],
    ['a missing start', ',2026-03-02T11:00:00Z,outage,', [[2, 'start', 'SLA4001']]],
    ['a start without offset', '2026-03-02 10:00,2026-03-02T11:00:00Z,outage,', [[2, 'start', 'SLA4002']]],
  ];
  it.each(table)('reports %s', async (_name, row, expected) => {
    const log = join(folder, 'o-tickets.csv');
    writeFileSync(log, `${HEADER}\n${CREATED}\n`);
    const outages = join(folder, 'outages.csv');
    writeFileSync(outages, `start,end,kind,description\n${row}\n`);
    const outcome = await checkLogFiles(supportModel, { log, outages, displayName: (path) => path.split('/').pop()! });
    expect(errorsOf(outcome)).toEqual(expected);
    expect(outcome.ok ? '' : outcome.errors[0]!.file).toBe('outages.csv');
  });
});
