import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogFiles } from '../../../runtime/check.js';
import { supportModel } from '../check/fixture-model.js';

/**
 * A ticket id is trimmed of every blank `String.trim` takes off, not only
 * of ASCII ones: `\u00a0T1` and `\u00a0T1 ` were two tickets (the first kept
 * its no-break space, the second lost both blanks), and `slac explain`,
 * which trims its argument, could not find the first.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-unicode-blank-ids-'));

async function ticketIds(name: string, text: string): Promise<string[]> {
  const file = join(folder, name);
  writeFileSync(file, text);
  const ids: string[] = [];
  const outcome = await checkLogFiles(supportModel, { log: file, displayName: () => name, output: { ticket: (ticket) => ids.push(ticket.id) } });
  expect(outcome.ok ? [] : outcome.errors.map((error) => error.message)).toEqual([]);
  return ids;
}

const BLANKS = [['no-break space', '\u00a0'], ['line separator', '\u2028'], ['byte order mark', '\ufeff'], ['ideographic space', '\u3000']];

describe('ticket ids with Unicode blanks around them', () => {
  it.each(BLANKS)('NDJSON: %s before the id and a space after are one ticket, T1', async (_name, blank) => {
    const id = JSON.stringify(`${blank}T1`);
    const padded = JSON.stringify(`${blank}T1 `);
    const text = [
      `{"ticket":${id},"time":"2026-03-02T09:00:00Z","event":"created"}`,
      `{ "ticket" : ${padded}, "time": "2026-03-02T10:00:00Z", "event": "resolved" }`,
      `{"ticket":${JSON.stringify(`T1${blank}`)},"time":"2026-03-02T11:00:00Z","event":"closed"}`,
    ].join('\n');
    expect(await ticketIds('log.ndjson', `${text}\n`)).toEqual(['T1']);
  });

  it.each(BLANKS)('CSV: %s around the id is one ticket, T1', async (_name, blank) => {
    const text = `ticket,time,event\n${blank}T1,2026-03-02T09:00:00Z,created\n${blank}T1 ,2026-03-02T10:00:00Z,resolved\nT1${blank},2026-03-02T11:00:00Z,closed\n`;
    expect(await ticketIds('log.csv', text)).toEqual(['T1']);
  });
});
