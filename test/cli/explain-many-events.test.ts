import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * `slac explain` on a ticket with 130,000 events or more stopped with an
 * internal error (exit 70, "Maximum call stack size exceeded"): the
 * timeline's column width was `Math.max(...entries)`, and V8 passes each
 * spread element as an argument on the stack. Through the built CLI.
 */
const EVENTS = 150_000;

/** Ticket A: created, then `count` status changes a second apart. */
function logOfOneTicket(count: number): string {
  const start = Date.parse('2026-03-02T09:00:00Z');
  const rows = ['{"ticket":"A","time":"2026-03-02T09:00:00Z","event":"created","severity":"High","channel":"Email"}'];
  for (let index = 0; index < count; index++) {
    rows.push(`{"ticket":"A","time":"${new Date(start + (index + 1) * 1000).toISOString()}","event":"status","status":"${index % 2 === 0 ? 'pending' : 'open'}"}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('slac explain on a ticket with many events', () => {
  it(`explains a ticket with ${EVENTS} events, one timeline line each`, () => {
    const folder = freshFolder('explain-many');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.ndjson', logOfOneTicket(EVENTS));
    const run = runBuiltCli(['explain', 'a.sla', 'log.ndjson', 'A'], folder);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('Ticket A (severity High, channel Email)');
    expect(run.stdout.split('\n').filter((line) => / {2}status {2,}/.test(line)).length).toBe(EVENTS);
  }, 60_000);
});
