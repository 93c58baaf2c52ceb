import { describe, expect, it } from 'vitest';
import { ImportSummary } from '../../import/import-summary.js';
import type { ImportedRow } from '../../import/ticket-log-writer.js';
import { isMergeVia, isSystemVia, viaChannel } from '../../import/zendesk/mapping.js';
import { firstKnownKey } from '../../import/zendesk/pages.js';
import { OUTCOME, OutcomeTally } from '../../import/zendesk/outcome-tally.js';
import { idKey, text, ZendeskTickets, type ChildEvent, type UpdatePlace } from '../../import/zendesk/tickets.js';

/** The mapping of `slac import zendesk`, as tables: via objects and names, file kinds, and updates to rows. */

describe('via: channel, system, merge', () => {
  it.each([
    ['the display name of the ticket event export', 'Web form', 'web', false],
    ['mail', 'Mail', 'email', false],
    ['a rule (trigger or automation)', 'Rule', 'rule', true],
    ['an unlisted name, lower-cased', 'Facebook Post', 'facebook_post', false],
    ['a via object', { channel: 'email', source: { rel: null } }, 'email', false],
    ['the API', { channel: 'api', source: { rel: null } }, 'api', true],
    ['a trigger by its source.rel', { channel: 'web', source: { rel: 'trigger' } }, 'web', true],
    ['an automation', { channel: 'rule', source: { rel: 'automation' } }, 'rule', true],
    ['nothing', undefined, undefined, false],
  ])('%s', (_, via, channel, system) => {
    expect(viaChannel(via)).toBe(channel);
    expect(isSystemVia(via)).toBe(system);
  });

  it.each([
    [{ channel: 'merge', source: { rel: 'merge' } }, true],
    [{ channel: 'web', source: { rel: 'merge' } }, true],
    ['Merge', true],
    [{ channel: 'web', source: { rel: null } }, false],
  ])('merge: %j is %s', (via, merge) => expect(isMergeVia(via)).toBe(merge));
});

describe('the kind of a file, from its first known top-level key', () => {
  it.each([
    ['{"ticket_events":[{"users":1}]}', 'ticket_events'],
    ['{"count":2,"end_of_stream":true,"next_page":"a \\" users","ticket_events":[]}', 'ticket_events'],
    ['{\n  "audits": [\n', 'audits'],
    ['{"next_page":null,"users":[]}', 'users'],
    ['{"meta":{"users":[]},"organizations":[]}', 'organizations'],
    ['{"tickets":[]}\n{"users":[]}', undefined],
    ['[{"users":[]}]', undefined],
  ])('%s → %s', (text, kind) => expect(firstKnownKey(text)).toBe(kind));
});

/** Runs updates [ticket, minute, via, children] through the mapping; returns the rows as "minute event value" and the summary. */
function run(updates: [string, number, unknown, ChildEvent[]][], roles: Record<string, string> = { '1': 'agent', '2': 'end-user' }): { rows: string[]; summary: ImportSummary } {
  const written: ImportedRow[] = [];
  const summary = new ImportSummary();
  const job = { files: [], sink: { write: (row: ImportedRow) => written.push(row) }, summary };
  const tickets = new ZendeskTickets(job, { roles: new Map(Object.entries(roles).map(([id, role]) => [idKey(id)!, role])), inactive: new Set(), organizations: new Map() });
  updates.forEach(([ticket, minute, via, children], index) => {
    const place: UpdatePlace = { file: 'f.json', line: undefined, records: 'ticket_events', index, children: 'child_events' };
    tickets.update(ticket, undefined, minute * 60_000, via, undefined, children, place);
  });
  tickets.finish();
  return { rows: written.map((row) => [row.time / 60_000, row.event, row.severity ?? row.status ?? row.author ?? row.channel ?? ''].join(' ').trim()), summary };
}

const create = (status: string, priority?: string): ChildEvent[] => [
  { kind: 'create', field: 'status', value: status },
  ...(priority === undefined ? [] : [{ kind: 'create' as const, field: 'priority', value: priority }]),
  { kind: 'create', field: 'requester_id', value: 2 },
];
const status = (value: string): ChildEvent => ({ kind: 'change', field: 'status', value });
const comment = (author: string, isPublic = true): ChildEvent => ({ kind: 'comment', public: isPublic, author });

describe('updates to rows', () => {
  it.each<[string, [string, number, unknown, ChildEvent[]][], string[]]>([
    ['creation: created with priority and channel, then its status', [['1', 0, 'Mail', create('new', 'High')]], ['0 created high', '0 status new']],
    ['solved is resolved, closed is closed', [['1', 0, 'Web form', create('open')], ['1', 5, 'Web form', [status('solved')]], ['1', 9, 'Rule', [status('closed')]]], ['0 created web', '0 status open', '5 status solved', '5 resolved', '9 status closed', '9 closed']],
    ['solved then open is reopened', [['1', 0, 'Web form', create('open')], ['1', 5, 'Web form', [status('solved')]], ['1', 7, 'Mail', [status('open')]]], ['0 created web', '0 status open', '5 status solved', '5 resolved', '7 reopened', '7 status open']],
    ['pending and hold keep their names', [['1', 0, undefined, create('new')], ['1', 2, undefined, [status('pending')]], ['1', 3, undefined, [status('hold')]]], ['0 created', '0 status new', '2 status pending', '3 status hold']],
    ['a priority change is a severity row; the same priority is none', [['1', 0, undefined, create('new', 'low')], ['1', 4, undefined, [{ kind: 'change', field: 'priority', value: 'urgent' }, { kind: 'change', field: 'priority', value: 'urgent' }]]], ['0 created low', '0 status new', '4 severity urgent']],
    ['the description and private notes are not replies; agents, requesters and rules reply', [['1', 0, undefined, [...create('new'), comment('2')]], ['1', 1, undefined, [comment('1', false)]], ['1', 2, undefined, [comment('1')]], ['1', 3, undefined, [comment('2')]], ['1', 4, { channel: 'rule', source: { rel: 'trigger' } }, [comment('1')]]], ['0 created', '0 status new', '2 reply agent', '3 reply customer', '4 reply system']],
    ['a deleted ticket leaves no row', [['1', 0, undefined, create('new')], ['1', 2, undefined, [comment('1')]], ['1', 3, undefined, [status('deleted')]]], []],
    ['updates of a ticket created before the export are skipped', [['9', 0, undefined, [status('open')]]], []],
    ['a closed ticket is forgotten: later updates are skipped', [['1', 0, undefined, create('new')], ['1', 1, undefined, [status('closed')]], ['1', 2, undefined, [comment('1')]]], ['0 created', '0 status new', '1 status closed', '1 closed']],
  ])('%s', (_, updates, rows) => expect(run(updates).rows).toEqual(rows));

  it('counts every child event once, skipped ones with their JSON path', () => {
    const { summary } = run([['1', 0, undefined, create('new')], ['1', 3, undefined, [comment('7'), status('deleted'), comment('1')]], ['9', 4, undefined, []]]);
    expect(summary.renderAccount()).toBe(
      [
        'f.json: 6 rows',
        '  creations (status): 1',
        '  creations (other fields): 1',
        '  skipped, comments by users not in the users file: 1',
        '  skipped, deleted tickets: 1',
        '  events of deleted tickets (left out): 1',
        '  skipped, updates of tickets not open in the export (created before it started): 1',
        'note (2): rows of tickets deleted in Zendesk: left out of the log',
        'skipped records:',
        '  f.json at ticket_events[1].child_events[0]: comment on ticket 1: user 7 is not in the users file, nor the requester',
        '  f.json at ticket_events[1].child_events[1]: ticket 1 was deleted in Zendesk: its 2 rows are left out',
        '  f.json at ticket_events[2]: ticket 9: no creation of it is open in the export',
        '',
      ].join('\n'),
    );
  });
});

describe('ids as map keys: the same key exactly when the same text', () => {
  it.each<[unknown, number | string | undefined]>([
    [123, 123],
    ['123', 123],
    [0, 0],
    ['0', 0],
    [-1, -1],
    ['-1', -1],
    ['-0', '-0'],
    ['0123', '0123'],
    ['12a', '12a'],
    [1.5, '1.5'],
    ['1.5', '1.5'],
    [2 ** 53, '9007199254740992'],
    ['9007199254740992', '9007199254740992'],
    [true, 'true'],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %j', (id, key) => {
    expect(idKey(id)).toBe(key);
    if (key !== undefined) expect(String(key)).toBe(text(id));
  });
});

describe('the tally of outcomes', () => {
  it('adds up in integers and keeps the order first seen, skipped records among them', () => {
    const summary = new ImportSummary();
    const tally = new OutcomeTally(summary);
    tally.took('a.json', OUTCOME['status changes']);
    tally.took('a.json', OUTCOME['status changes']);
    summary.skip('a.json', 'line 1', 'bad');
    tally.took('a.json', OUTCOME['replies (agent)']);
    tally.took('a.json', OUTCOME['status changes']);
    tally.took('b.json', OUTCOME['replies (agent)']);
    tally.took('a.json', OUTCOME['replies (agent)']);
    tally.settle();
    expect(summary.renderAccount()).toBe(
      ['a.json: 6 rows', '  status changes: 3', '  skipped, bad: 1', '  replies (agent): 2', 'b.json: 1 row', '  replies (agent): 1', 'skipped records:', '  a.json at line 1: bad', ''].join('\n'),
    );
  });
});
