import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { rememberUpdateId, type TicketUpdateIds } from '../../import/zendesk/update-ids.js';
import { accounts, expectEveryRecordAccounted, exportFolderIn, fixtures, outputFolder, slac } from './helpers.js';

/**
 * Zendesk's time-based incremental exports repeat items at a page boundary
 * (those with the page's last timestamp come again on the next page), and a
 * file of pages may be given twice. A repeated ticket event of an open
 * ticket wrote its replies again, and a whole events file given twice wrote
 * `reopened`, `status` and `resolved` rows going back in time. Each update
 * (ticket event or audit) is read once by its `id` now, the repeat counted
 * in its file as read before.
 */

const out = outputFolder('zendesk-repeated-updates');

const names = ['ticket_events.jsonl', 'audits-ticket-7.json', 'users.json', 'organizations.json'];
const files: Record<string, string> = Object.fromEntries(names.map((name) => [name, readFileSync(join(repoRoot, fixtures, 'zendesk', name), 'utf8')]));

/** The events file with the last `count` ticket events of its first page repeated at the start of its second, as the API repeats them. */
function pageBoundaryRepeat(count: number): string {
  const [first, second] = files['ticket_events.jsonl']!.trim().split('\n').map((line) => JSON.parse(line) as { ticket_events: unknown[] });
  second!.ticket_events.unshift(...first!.ticket_events.slice(-count));
  return `${JSON.stringify(first)}\n${JSON.stringify(second)}\n`;
}

/**
 * Ticket 1 created and answered by agent 101, then `between` tickets
 * created (open, so held), then, when `repeat`, the answer again: further
 * back than the window of recent ids, found by ticket 1's own ids.
 */
function farRepeat(between: number, repeat: boolean): string {
  const at = 1709539200;
  const creation = (id: number, ticket: number, time: number) => ({ id, ticket_id: ticket, timestamp: time, updater_id: 101, via: 'Web form', child_events: [{ status: 'new', event_type: 'Create' }] });
  const answer = { id: 2, ticket_id: 1, timestamp: at + 60, updater_id: 101, via: 'Web form', child_events: [{ type: 'Comment', author_id: 101, public: true, event_type: 'Comment' }] };
  const others = Array.from({ length: between }, (_, index) => creation(10 + index, 10 + index, at + 120));
  const pages = [{ ticket_events: [creation(1, 1, at), answer, ...others] }, { ticket_events: repeat ? [answer] : [] }];
  return pages.map((page) => JSON.stringify(page)).join('\n') + '\n';
}

const EVENTS_READ_BEFORE = 'child events of ticket events read before (in another file or page)';

/** The skipped records of the events file imported once, by outcome. */
const SKIPPED_ONCE = [
  'skipped, updates of tickets not open in the export (created before it started): 1',
  'skipped, deleted tickets: 1',
  'skipped, comments by users not in the users file: 1',
  'skipped, ticket events without a ticket_id: 1',
];

/** `lines`: outcome lines `file` has; `skipped`: all its "skipped, ..." lines. */
const cases: { name: string; files: Record<string, string>; file: string; lines: string[]; skipped: string[] }[] = [
  {
    name: 'the ticket events file given again (a copy named to sort after it)',
    files: { ...files, 'zz-copy.jsonl': files['ticket_events.jsonl']! },
    file: 'zz-copy.jsonl',
    // The event without a ticket_id has no update to be read once: skipped again, as it was.
    lines: [`${EVENTS_READ_BEFORE}: 53`],
    skipped: ['skipped, ticket events without a ticket_id: 1'],
  },
  {
    name: 'a page repeating the last two ticket events of the page before (ticket 6 not open, ticket 1 open)',
    files: { ...files, 'ticket_events.jsonl': pageBoundaryRepeat(2) },
    file: 'ticket_events.jsonl',
    lines: [`${EVENTS_READ_BEFORE}: 3`],
    skipped: SKIPPED_ONCE,
  },
  {
    name: 'the audits of ticket 7 given again',
    files: { ...files, 'audits-ticket-7-again.json': files['audits-ticket-7.json']! },
    // The copy sorts first ('-' before '.'): the repeats are the original's.
    file: 'audits-ticket-7.json',
    lines: ['events of audits read before (in another file or page): 14'],
    skipped: [],
  },
];

describe('slac import zendesk: an update given twice is read once', () => {
  it("an open ticket's update repeated 2,500 updates later", () => {
    const users = { 'users.json': files['users.json']! };
    const single = slac('import', 'zendesk', exportFolderIn(out, 'far-once', { ...users, 'ticket_events.jsonl': farRepeat(2500, false) }));
    const again = slac('import', 'zendesk', exportFolderIn(out, 'far-again', { ...users, 'ticket_events.jsonl': farRepeat(2500, true) }));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(single.stdout);
    expect(again.stdout.match(/"reply"/g)).toHaveLength(1);
    expect(accounts(again.stderr).get('ticket_events.jsonl')!.lines).toContain(`${EVENTS_READ_BEFORE}: 1`);
  });


  const once = slac('import', 'zendesk', exportFolderIn(out, 'once', files));
  it.each(cases)('$name', (test) => {
    const again = slac('import', 'zendesk', exportFolderIn(out, test.name.replace(/\W+/g, '-'), test.files));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(once.stdout);
    const accounted = accounts(again.stderr);
    expectEveryRecordAccounted(accounted);
    const lines = accounted.get(test.file)!.lines;
    for (const line of test.lines) expect(lines).toContain(line);
    expect(lines.filter((line) => line.startsWith('skipped,'))).toEqual(test.skipped);
  });
});

describe('the ids of a held ticket\'s updates', () => {
  it.each([1, 2, 32, 33, 100])('%i updates: each is new once and seen after', (count) => {
    const ticket: { updateIds: TicketUpdateIds } = { updateIds: undefined };
    const ids = Array.from({ length: count }, (_, index) => (index % 2 === 0 ? 9000 + index : `t${index}`));
    expect(ids.map((id) => rememberUpdateId(ticket, id))).toEqual(ids.map(() => false));
    expect(ids.map((id) => rememberUpdateId(ticket, id))).toEqual(ids.map(() => true));
    expect(rememberUpdateId(ticket, 'other')).toBe(false);
  });
});
