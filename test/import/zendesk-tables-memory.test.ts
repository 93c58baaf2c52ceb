import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportSummary } from '../../import/import-summary.js';
import { importZendeskTables } from '../../import/zendesk-tables/import.js';
import { TicketStore } from '../../import/zendesk-tables/ticket-store.js';

/**
 * What the zendesk-tables import holds per ticket until the tickets' own rows
 * are written (ticket-store.ts): measured in bytes held, never in wall time.
 * A provider's export has a million tickets and more.
 */

/** Heap and array buffers in use after a full collection. */
function held(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const time = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);

/** An export of `count` tickets of three statuses each (new, open, solved), as Fivetran's tables, without comments. */
function writeExport(folder: string, count: number): void {
  const start = Date.UTC(2024, 0, 1) / 1000;
  const tickets = ['id,created_at,status,updated_at,priority,via_channel,requester_id,organization_id,description'];
  const history = ['ticket_id,field_name,updated,value'];
  for (let ticket = 1; ticket <= count; ticket++) {
    const created = start + ticket * 300;
    tickets.push(`${ticket},${time(created)},solved,${time(created + 86400)},normal,web,${410000000000 + (ticket % 5000)},${360000000000 + (ticket % 200)},Description of ticket ${ticket}`);
    history.push(`${ticket},status,${time(created)},new`, `${ticket},status,${time(created + 600)},open`, `${ticket},status,${time(created + 86400)},solved`);
  }
  const organizations = ['id,name', ...Array.from({ length: 200 }, (_, at) => `${360000000000 + at},Organisation number ${at}`)];
  writeFileSync(join(folder, 'ticket.csv'), `${tickets.join('\n')}\n`);
  writeFileSync(join(folder, 'ticket_field_history.csv'), `${history.join('\n')}\n`);
  writeFileSync(join(folder, 'organization.csv'), `${organizations.join('\n')}\n`);
  writeFileSync(join(folder, 'user.csv'), 'id,role\n400000000001,agent\n');
}

describe('zendesk-tables import: memory per ticket', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slac-zendesk-tables-memory-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('100,000 tickets with three status changes each hold at most 400 bytes a ticket once every table is read', async () => {
    const count = 100_000;
    writeExport(folder, count);
    const files = ['organization.csv', 'user.csv', 'ticket.csv', 'ticket_field_history.csv'].map((name) => ({ path: join(folder, name), shown: name }));
    const before = held();
    // Measured at the first ticket's `created` row: every table is read, no ticket written yet.
    let atFirstTicket: number | undefined;
    let rows = 0;
    const sink = {
      write(row: { event: string }) {
        rows++;
        if (atFirstTicket === undefined && row.event === 'created') atFirstTicket = held();
      },
    };
    const written = await importZendeskTables({ files, sink, summary: new ImportSummary() });
    expect(written).toBe(count);
    // Per ticket: created, its three statuses, and the event of solved.
    expect(rows).toBe(count * 5);
    const perTicket = (atFirstTicket! - before) / count;
    // Each ticket an object with its changes as objects, and strings cut from the file's chunks: about 1,100 bytes.
    expect(perTicket).toBeLessThanOrEqual(400);
  }, 60_000);
});

describe('TicketStore', () => {
  it('a million tickets of three changes each take at most 160 bytes a ticket in typed arrays', () => {
    const count = 1_000_000;
    const store = new TicketStore('ticket.csv', 'ticket_field_history.csv');
    for (let ticket = 0; ticket < count; ticket++) {
      const created = 1_700_000_000_000 + ticket * 1000;
      const number = store.addTicket(String(100_000 + ticket), { created, updated: created + 5000, updatedText: '', status: 'solved', priority: 'normal', channel: 'web', requester: String(410000000000 + (ticket % 50_000)), client: `Org ${ticket % 200}`, line: ticket + 2 });
      store.addChange(number, { time: created, field: 'status', value: 'new', line: 3 * ticket + 2 });
      store.addChange(number, { time: created + 600, field: 'status', value: 'open', line: 3 * ticket + 3 });
      store.addChange(number, { time: created + 5000, field: 'status', value: 'solved', line: 3 * ticket + 4 });
    }
    expect(store.byteLength / count).toBeLessThanOrEqual(160);
    expect(store.stateAt(count - 1).changes.map((change) => change.value)).toEqual(['new', 'open', 'solved']);
  });

  it('gives back each ticket as read: ids of every shape, left-out tickets, changes in the order read', () => {
    const store = new TicketStore('ticket.csv', 'history.csv');
    const row = { created: 10, updated: undefined, updatedText: 'soon', status: 'open', priority: '', channel: 'web', requester: '11', client: undefined, line: 2 };
    const ids = ['7', '007', 'c-12', '12345678901234567', '0', '999999999999999'];
    for (const id of ids) store.addTicket(id, row);
    store.addLeftOut('8', 'deleted');
    store.addLeftOut('9', { unreadableAt: 'ticket.csv:9' });
    store.addChange(1, { time: 30, field: 'priority', value: 'high', line: 5 });
    store.addChange(1, { time: 20, field: 'status', value: 'open', line: 4 });
    expect(Array.from({ length: store.size }, (_, at) => store.idAt(at))).toEqual([...ids, '8', '9']);
    expect(ids.map((id) => store.find(id))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(store.find('07')).toBe(-1);
    expect([store.leftOutAt(0), store.leftOutAt(6), store.leftOutAt(7)]).toEqual([undefined, 'deleted', { unreadableAt: 'ticket.csv:9' }]);
    expect(store.stateAt(1)).toEqual({
      created: 10,
      updated: undefined,
      updatedText: 'soon',
      status: 'open',
      priority: '',
      channel: 'web',
      requester: '11',
      client: undefined,
      changes: [
        { time: 30, field: 'priority', value: 'high', line: 5, file: 'history.csv' },
        { time: 20, field: 'status', value: 'open', line: 4, file: 'history.csv' },
      ],
      source: { file: 'ticket.csv', line: 2 },
    });
    expect(store.stateAt(0).changes).toEqual([]);
  });
});
