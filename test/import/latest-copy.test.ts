import { describe, expect, it } from 'vitest';
import { accounts, exportFolderIn, expectEveryRecordAccounted, ndjsonRows, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * A ticket given twice by two exports of different days (Monday's pages and
 * Tuesday's, or pages fetched while an agent worked the ticket), through the
 * built CLI. The first copy in file order was kept, so a ticket resolved on
 * Tuesday stayed open in the log when Monday's file came first, and an issue
 * moved to another project kept its old key and lost what happened after the
 * move. The copy its helpdesk updated last is kept now, whichever file comes
 * first; copies updated at the same time keep the first (the cases of
 * jira-moved-between-pages.test.ts and adversarial-inputs.test.ts).
 */

const out = outputFolder('latest-copy');

const open = '{"id":"1","name":"Open","statusCategory":{"key":"new"}}';
const done = '{"id":"5","name":"Done","statusCategory":{"key":"done"}}';
const toDone = '{"id":"9","created":"2026-03-04T10:00:00.000+0000","items":[{"field":"status","from":"1","fromString":"Open","to":"5","toString":"Done"}]}';
const jiraIssue = (key: string, updated: string, status: string, histories: string): string =>
  `{"id":"10003","key":"${key}","fields":{"created":"2026-03-03T09:00:00.000+0000","updated":"${updated}","priority":{"name":"Low"},"status":${status}},"changelog":{"histories":[${histories}]}}`;
const jiraPage = (issue: string): string => `{"startAt":0,"maxResults":50,"total":1,"issues":[${issue}]}`;
const monday = jiraPage(jiraIssue('SUP-3', '2026-03-03T09:00:00.000+0000', open, ''));
const tuesday = jiraPage(jiraIssue('SUP-3', '2026-03-04T10:00:00.000+0000', done, toDone));
const moveToOps = '{"id":"8","created":"2026-03-03T17:30:00.000+0000","items":[{"field":"Key","fromString":"SUP-3","toString":"OPS-7"}]}';
const movedTuesday = jiraPage(jiraIssue('OPS-7', '2026-03-04T10:00:00.000+0000', done, `${moveToOps},${toDone}`));

/** The log's rows as "ticket time event status". */
function rowsOf(stdout: string): string[] {
  return ndjsonRows(stdout).map((row) => `${row.ticket} ${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}`);
}

describe('slac import jira: an issue in two exports keeps the copy updated last', () => {
  const resolved = ['SUP-3 2026-03-03T09:00:00Z created', 'SUP-3 2026-03-03T09:00:00Z status Open', 'SUP-3 2026-03-04T10:00:00Z status Done'];
  it.each([
    ['older first', { 'search-1-mon.json': monday, 'search-2-tue.json': tuesday }, 'search-1-mon.json'],
    ['newer first', { 'search-1-tue.json': tuesday, 'search-2-mon.json': monday }, 'search-2-mon.json'],
  ])('%s: the resolution is in the log, and the older copy is listed as given again', (name, files, older) => {
    const folder = exportFolderIn(out, `jira-${name.replace(/ /g, '-')}`, files);
    const run = slac('import', 'jira', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout).filter((row) => row.includes('created') || row.includes('status'))).toEqual(resolved);
    const newer = Object.keys(files).find((file) => file !== older)!;
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/${older} at issues[0]: issue SUP-3 (id 10003) is given again, updated later, at ${folder}/${newer} at issues[0] (updated 2026-03-04T10:00:00Z; 2026-03-03T09:00:00Z here): the latest copy is kept\n`);
  });

  it('a copy with a readable update time is kept over one without, even when that one comes first', () => {
    const undated = jiraPage(jiraIssue('SUP-3', 'not a time', open, ''));
    const folder = exportFolderIn(out, 'jira-undated-first', { 'search-1-undated.json': undated, 'search-2-tue.json': tuesday });
    const run = slac('import', 'jira', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout).filter((row) => row.includes('created') || row.includes('status'))).toEqual(resolved);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/search-1-undated.json at issues[0]: issue SUP-3 (id 10003) is given again, updated later, at ${folder}/search-2-tue.json at issues[0] (updated 2026-03-04T10:00:00Z; no readable update time here): the latest copy is kept\n`);
  });

  it('an issue moved to another project after the first export: the new key and what followed the move', () => {
    const folder = exportFolderIn(out, 'jira-moved', { 'search-sup.json': monday, 'search-tue-ops.json': movedTuesday });
    const run = slac('import', 'jira', folder);
    expect(run.code, run.stderr).toBe(0);
    const rows = rowsOf(run.stdout);
    expect(rows.filter((row) => row.includes('created'))).toEqual(['OPS-7 2026-03-03T09:00:00Z created']);
    expect(rows).toContain('OPS-7 2026-03-04T10:00:00Z status Done');
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/search-sup.json at issues[0]: issue SUP-3 (id 10003) is given again as OPS-7, updated later, at ${folder}/search-tue-ops.json at issues[0] (updated 2026-03-04T10:00:00Z; 2026-03-03T09:00:00Z here): the latest copy is kept\n`);
  });
});

describe('slac import freshdesk: a ticket in two exports keeps the copy updated last', () => {
  const ticket = (updated: string, status: number, stats: string): string =>
    `{"id":1,"requester_id":5,"created_at":"2026-03-03T09:00:00Z","updated_at":"${updated}","status":${status},"priority":1,"source":1,"spam":false,"stats":{${stats}}}`;
  const monday = `[${ticket('2026-03-03T09:00:00Z', 2, '"status_updated_at":"2026-03-03T09:00:00Z"')}]`;
  const tuesday = `[${ticket('2026-03-04T10:00:00Z', 4, '"resolved_at":"2026-03-04T10:00:00Z","status_updated_at":"2026-03-04T10:00:00Z"')}]`;
  it.each([
    ['older first', { 'tickets-1-mon.json': monday, 'tickets-2-tue.json': tuesday }, 'tickets-1-mon.json'],
    ['newer first', { 'tickets-1-tue.json': tuesday, 'tickets-2-mon.json': monday }, 'tickets-2-mon.json'],
  ])('%s: the resolution is in the log, and the older copy is listed as given again', (name, files, older) => {
    const folder = exportFolderIn(out, `freshdesk-${name.replace(/ /g, '-')}`, files);
    const run = slac('import', 'freshdesk', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout).filter((row) => row.includes('status'))).toContain('1 2026-03-04T10:00:00Z status Resolved');
    const newer = Object.keys(files).find((file) => file !== older)!;
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/${older} at [0]: ticket 1 is given again, updated later, at ${folder}/${newer} at [0] (updated 2026-03-04T10:00:00Z; 2026-03-03T09:00:00Z here): the latest copy is kept\n`);
  });
});

describe('slac import freshdesk: an id beyond 2^53 is no copy of another ticket', () => {
  it('keeps the ticket whose id is the rounded reading of another\'s, that other being skipped for its id', () => {
    // 9007199254740993 reads as 9007199254740992: taken for a later copy of ticket "9007199254740992", it made that ticket
    // skip as given again, and was then skipped itself for its id, so neither was written.
    const ticket = (id: string, updated: string): string => `{"id":${id},"requester_id":5,"created_at":"2026-03-03T09:00:00Z","updated_at":"${updated}","status":2,"priority":1,"source":1,"spam":false}`;
    const folder = exportFolderIn(out, 'freshdesk-inexact', { 'tickets.json': `[${ticket('"9007199254740992"', '2026-03-03T09:00:00Z')},${ticket('9007199254740993', '2026-03-04T10:00:00Z')}]` });
    const run = slac('import', 'freshdesk', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(ndjsonRows(run.stdout).filter((row) => row.event === 'created').map((row) => row.ticket)).toEqual(['9007199254740992']);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/tickets.json at [1]: ticket: the id 9007199254740992`);
    expect(run.stderr).not.toContain('given again');
  });
});

/**
 * The copy updated last could not be written (its created time is not a
 * time, or its client field cannot be read): the older copy, which could,
 * was skipped for it all the same, as "given again ...: the latest copy is
 * kept", and the ticket was in the log no more. The latest copy that can be
 * written is kept now; the one that cannot is listed with its own reason.
 */
describe('slac import jira|freshdesk: a latest copy that cannot be written does not drop the older one', () => {
  const openSince = 'SUP-3 2026-03-03T09:00:00Z status Open';
  const badTuesday = jiraPage(jiraIssue('SUP-3', '2026-03-04T10:00:00.000+0000', done, toDone).replace('"created":"2026-03-03T09:00:00.000+0000"', '"created":"yesterday"'));
  const unnamedClient = jiraPage(jiraIssue('SUP-3', '2026-03-04T10:00:00.000+0000', done, toDone).replace('"fields":{', '"fields":{"customfield_1":{"id":7},'));
  const namedMonday = jiraPage(jiraIssue('SUP-3', '2026-03-03T09:00:00.000+0000', open, '').replace('"fields":{', '"fields":{"customfield_1":"Acme",'));
  it.each([
    ['created not a time, older first', { 'search-1-mon.json': monday, 'search-2-tue.json': badTuesday }, [], 'search-2-tue.json at issues[0]: issue SUP-3: created "yesterday" is not a time'],
    ['created not a time, newer first', { 'search-1-tue.json': badTuesday, 'search-2-mon.json': monday }, [], 'search-1-tue.json at issues[0]: issue SUP-3: created "yesterday" is not a time'],
    ['client field with no name', { 'search-1-mon.json': namedMonday, 'search-2-tue.json': unnamedClient }, ['--client-field', 'customfield_1'], 'search-2-tue.json at issues[0]: issue SUP-3: the customfield_1 {"id":7} that --client-field names has no text'],
  ])('jira, %s: the older copy is written, the newer listed with its reason', (name, files, options, reason) => {
    const folder = exportFolderIn(out, `jira-unwritable-${name.replace(/[ ,]+/g, '-')}`, files);
    const run = slac('import', 'jira', folder, ...options);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain(openSince);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/${reason}`);
    expect(skippedSection(run.stderr)).not.toContain('given again');
  });

  const deskTicket = (updated: string, created: string, status: number): string =>
    `{"id":1,"requester_id":5,"created_at":"${created}","updated_at":"${updated}","status":${status},"priority":1,"source":1,"spam":false,"stats":{"status_updated_at":"${updated}"}}`;
  const deskMonday = `[${deskTicket('2026-03-03T09:00:00Z', '2026-03-03T09:00:00Z', 2)}]`;
  const deskBadTuesday = `[${deskTicket('2026-03-04T10:00:00Z', 'yesterday', 4)}]`;
  it.each([
    ['older first', { 'tickets-1-mon.json': deskMonday, 'tickets-2-tue.json': deskBadTuesday }, 'tickets-2-tue.json'],
    ['newer first', { 'tickets-1-tue.json': deskBadTuesday, 'tickets-2-mon.json': deskMonday }, 'tickets-1-tue.json'],
  ])('freshdesk, created_at not a time, %s: the older copy is written, the newer listed with its reason', (name, files, newer) => {
    const folder = exportFolderIn(out, `freshdesk-unwritable-${name.replace(/ /g, '-')}`, files);
    const run = slac('import', 'freshdesk', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain('1 2026-03-03T09:00:00Z status Open');
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/${newer} at [0]: ticket 1: created_at "yesterday" is not a time`);
    expect(skippedSection(run.stderr)).not.toContain('given again');
  });
});

/**
 * The older copy of an issue carries comments inline (`fields=*all`), the
 * newer does not (a search for a few fields): the older copy was skipped
 * whole, its comments with it, and the agent's reply was not in the log (a
 * first response breached by a day). A copy left out for another still
 * gives its inline comments to the issue written, each read once by its id.
 */
describe('slac import jira: the inline comments of a copy left out for a later one', () => {
  const reply = '{"id":"500","created":"2026-03-03T11:00:00.000+0000","author":{"accountId":"a1","accountType":"atlassian"},"body":"on it"}';
  const withComment = (issue: string): string => issue.replace('"fields":{', `"fields":{"comment":{"total":1,"comments":[${reply}]},`);
  const mondayWithReply = jiraPage(withComment(jiraIssue('SUP-3', '2026-03-03T12:00:00.000+0000', open, '')));
  const tuesdayWithReply = jiraPage(withComment(jiraIssue('SUP-3', '2026-03-04T10:00:00.000+0000', done, toDone)));
  it.each([
    ['older first, newer without comments', { 'search-1-mon.json': mondayWithReply, 'search-2-tue.json': tuesday }, 'search-1-mon.json', 'replies (agent): 1'],
    ['newer first, newer without comments', { 'search-1-tue.json': tuesday, 'search-2-mon.json': mondayWithReply }, 'search-2-mon.json', 'replies (agent): 1'],
    ['older first, both with the comment', { 'search-1-mon.json': mondayWithReply, 'search-2-tue.json': tuesdayWithReply }, 'search-1-mon.json', 'comments read before (with their issue or in another file): 1'],
    ['newer first, both with the comment', { 'search-1-tue.json': tuesdayWithReply, 'search-2-mon.json': mondayWithReply }, 'search-2-mon.json', 'comments read before (with their issue or in another file): 1'],
  ])('%s: the reply is in the log once, and counted in the older copy\'s file', (name, files, older, counted) => {
    const folder = exportFolderIn(out, `jira-stale-comments-${name.replace(/[ ,]+/g, '-')}`, files);
    const run = slac('import', 'jira', folder);
    expect(run.code, run.stderr).toBe(0);
    const rows = rowsOf(run.stdout);
    expect(rows.filter((row) => row.includes('reply'))).toEqual(['SUP-3 2026-03-03T11:00:00Z reply']);
    expect(rows).toContain('SUP-3 2026-03-04T10:00:00Z status Done');
    const accounted = accounts(run.stderr);
    expectEveryRecordAccounted(accounted);
    expect(accounted.get(older)!.lines).toContain(counted);
  });
});

/**
 * The older copy of a Freshdesk ticket carries its conversations inline (an
 * NDJSON export with them), the newer does not (a page of the tickets
 * list): the older copy was skipped whole, its conversations with it, and
 * the replies were dated by the newer copy's stats, under a note that the
 * export held no conversations. A copy left out for another still gives its
 * inline conversations to the ticket written, each read once by its id.
 */
describe('slac import freshdesk: the inline conversations of a copy left out for a later one', () => {
  const conversation = (id: number, time: string, incoming: boolean): string =>
    `{"id":${id},"ticket_id":1,"user_id":${incoming ? 5 : 7},"incoming":${incoming},"private":false,"source":0,"created_at":"${time}"}`;
  const mondayLine = `{"id":1,"requester_id":5,"created_at":"2026-03-03T09:00:00Z","updated_at":"2026-03-03T12:00:00Z","status":2,"priority":1,"source":1,"spam":false,"stats":{"status_updated_at":"2026-03-03T09:00:00Z","first_responded_at":"2026-03-03T11:00:00Z"},"conversations":[${conversation(900, '2026-03-03T11:00:00Z', false)},${conversation(901, '2026-03-03T11:30:00Z', true)}]}\n`;
  const tuesdayPage = '[{"id":1,"requester_id":5,"created_at":"2026-03-03T09:00:00Z","updated_at":"2026-03-04T10:00:00Z","status":4,"priority":1,"source":1,"spam":false,"stats":{"resolved_at":"2026-03-04T10:00:00Z","status_updated_at":"2026-03-04T10:00:00Z","first_responded_at":"2026-03-03T11:00:00Z","agent_responded_at":"2026-03-03T15:00:00Z"}}]';
  it.each([
    ['older first', { 'tickets-1-mon.ndjson': mondayLine, 'tickets-2-tue.json': tuesdayPage }, 'tickets-1-mon.ndjson'],
    ['newer first', { 'tickets-1-tue.json': tuesdayPage, 'tickets-2-mon.ndjson': mondayLine }, 'tickets-2-mon.ndjson'],
  ])('%s: the conversations are the replies, not the stats', (name, files, older) => {
    const folder = exportFolderIn(out, `freshdesk-stale-conversations-${name.replace(/ /g, '-')}`, files);
    const run = slac('import', 'freshdesk', folder);
    expect(run.code, run.stderr).toBe(0);
    const replies = ndjsonRows(run.stdout).filter((row) => row.event === 'reply').map((row) => `${row.time} ${row.author}`);
    expect(replies.sort()).toEqual(['2026-03-03T11:00:00Z agent', '2026-03-03T11:30:00Z customer']);
    expect(rowsOf(run.stdout)).toContain('1 2026-03-04T10:00:00Z status Resolved');
    expect(run.stderr).not.toContain('tickets without conversations in the export');
    const accounted = accounts(run.stderr);
    expectEveryRecordAccounted(accounted);
    expect(accounted.get(older)!.lines).toEqual(['skipped, tickets given twice (in two pages or files): 1', 'replies (agent): 1', 'replies (customer): 1']);
  });
});

/**
 * A comment file named after the key of a copy left out (`OPS-7.comments.json`,
 * comments without a `self` link) while the issue was written under its other
 * key (SUP-3, the first of copies no update time tells apart): its comments
 * were skipped as "the issue is in none of the files", which it is. The key of
 * a copy left out names the issue written, as a former key does.
 */
describe('slac import jira: comments named after the key of a copy left out', () => {
  const status = '{"id":"1","name":"Open","statusCategory":{"key":"new"}}';
  const copy = (key: string, histories: string): string =>
    jiraPage(`{"id":"10003","key":"${key}","fields":{"created":"2026-03-03T09:00:00.000+0000","priority":{"name":"Low"},"status":${status}},"changelog":{"histories":[${histories}]}}`);
  const comments = '{"startAt":0,"total":1,"comments":[{"id":"77","created":"2026-03-03T10:00:00.000+0000","author":{"accountId":"a1","accountType":"atlassian"}}]}';
  it.each([
    ['the moved copy left out', { 'search-1.json': copy('SUP-3', ''), 'search-2.json': copy('OPS-7', moveToOps), 'OPS-7.comments.json': comments }, 'SUP-3'],
    ['a copy whose changelog lacks the move, left out', { 'search-1.json': copy('OPS-7', ''), 'search-2.json': copy('SUP-3', ''), 'SUP-3.comments.json': comments }, 'OPS-7'],
  ])('%s: the comment is a reply of the issue written', (name, files, written) => {
    const folder = exportFolderIn(out, `jira-left-out-key-${name.replace(/[ ,]+/g, '-')}`, files);
    const run = slac('import', 'jira', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout).filter((row) => row.includes('reply'))).toEqual([`${written} 2026-03-03T10:00:00Z reply`]);
    expect(run.stderr).not.toContain('in none of the files');
  });
});

describe('slac import zammad: a ticket in two exports keeps the record updated last', () => {
  const record = (updated: string, state: string, closed: string): string =>
    `[{"id":1,"number":"31001","created_at":"2024-03-04T09:00:00.000Z","updated_at":"${updated}",${closed}"state":"${state}","priority":"2 normal","organization":"Acme"}]`;
  const monday = record('2024-03-04T09:30:00.000Z', 'open', '');
  const tuesday = record('2024-03-05T10:00:00.000Z', 'closed', '"close_at":"2024-03-05T10:00:00.000Z",');
  it.each([
    ['older first', { 'tickets-1-mon.json': monday, 'tickets-2-tue.json': tuesday }, 'tickets-1-mon.json', 'is listed again, updated later (2024-03-05T10:00:00Z), at FOLDER/tickets-2-tue.json at [0]: the latest record is kept'],
    ['newer first', { 'tickets-1-tue.json': tuesday, 'tickets-2-mon.json': monday }, 'tickets-2-mon.json', 'is listed earlier'],
  ])('%s: closed in the log, the older record listed, every file\'s rows accounted for', (name, files, older, reason) => {
    // Without a history file, the first record was kept whichever it was: Tuesday's closing was lost when Monday's file came first.
    const folder = exportFolderIn(out, `zammad-${name.replace(/ /g, '-')}`, files);
    const run = slac('import', 'zammad', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain('31001 2024-03-05T10:00:00Z resolved');
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/${older} at [0]: ticket 1 ${reason.replace('FOLDER', folder)}\n`);
    const accounted = accounts(run.stderr);
    expectEveryRecordAccounted(accounted);
    expect(accounted.get(older)!.lines).toEqual(['skipped, second records of a ticket: 1']);
  });
});

/**
 * The copy of a Freshdesk ticket updated last is spam or deleted: nothing is
 * written for the ticket (Freshdesk's latest word), yet the older copy was
 * listed as "...: the latest copy is kept", which sent a user looking for a
 * ticket the log does not hold. The older copy now says what happened.
 */
describe('slac import freshdesk: a latest copy marked spam or deleted', () => {
  const ticket = (updated: string, flags: string): string =>
    `{"id":1,"requester_id":5,"created_at":"2026-03-03T09:00:00Z","updated_at":"${updated}","status":2,"priority":1,"source":1,${flags}}`;
  const monday = `[${ticket('2026-03-03T09:00:00Z', '"spam":false')}]`;
  it.each([
    ['spam, older first', '"spam":true', 'is marked as spam', { 'tickets-1-mon.json': monday }, 'tickets-2-tue.json'],
    ['spam, newer first', '"spam":true', 'is marked as spam', { 'tickets-2-mon.json': monday }, 'tickets-1-tue.json'],
    ['deleted, older first', '"spam":false,"deleted":true', 'was deleted in Freshdesk', { 'tickets-1-mon.json': monday }, 'tickets-2-tue.json'],
  ])('%s: nothing is written, and the older copy says the latest is not', (name, flags, why, olderFile, newer) => {
    const files = { ...olderFile, [newer]: `[${ticket('2026-03-04T10:00:00Z', flags)}]` };
    const folder = exportFolderIn(out, `freshdesk-withheld-${name.replace(/[ ,]+/g, '-')}`, files);
    const run = slac('import', 'freshdesk', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const older = Object.keys(olderFile)[0]!;
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/${older} at [0]: ticket 1 is given again, updated later, at ${folder}/${newer} at [0] (updated 2026-03-04T10:00:00Z; 2026-03-03T09:00:00Z here): the latest copy ${why}, so the ticket is not written\n`);
    expect(skipped).not.toContain('the latest copy is kept');
  });
});

/**
 * A Zammad ticket given twice whose client field (`--client-field`) lists
 * several values: the note on such tickets counted the older record,
 * replaced by the newer, as well ("note (2)" for one ticket written), so
 * the summary's counts did not add up to what was written.
 */
describe('slac import zammad: the client notes of a record replaced by a later one', () => {
  const record = (updated: string, accounts: string): string =>
    `[{"id":1,"number":"31001","created_at":"2024-03-04T09:00:00.000Z","updated_at":"${updated}","state":"open","priority":"2 normal","x_accounts":${accounts}}]`;
  const note = 'tickets whose x_accounts, which --client-field names, lists several values: the first is the client';
  it.each([
    ['both list several', '["Acme","Globex"]', '["Acme","Globex"]', `note (1): ${note}\n`],
    ['only the older lists several', '["Acme","Globex"]', '"Acme"', undefined],
  ])('%s: the note counts the ticket written only', (name, older, newer, expected) => {
    const files = { 'tickets-1-mon.json': record('2024-03-04T09:30:00.000Z', older), 'tickets-2-tue.json': record('2024-03-05T10:00:00.000Z', newer) };
    const folder = exportFolderIn(out, `zammad-client-notes-${name.replace(/ /g, '-')}`, files);
    const run = slac('import', 'zammad', folder, '--client-field', 'x_accounts');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('slac import zammad: 1 ticket,');
    if (expected === undefined) expect(run.stderr).not.toContain(note);
    else expect(run.stderr).toContain(expected);
  });
});

describe('slac import zammad: the notes of a record replaced by a later one', () => {
  it('an organisation or state given as an id is noted for the record written only', () => {
    const record = (updated: string): string =>
      `[{"id":1,"number":"31001","created_at":"2024-03-04T09:00:00.000Z","updated_at":"${updated}","state_id":2,"priority":"2 normal","organization_id":9}]`;
    const files = { 'tickets-1-mon.json': record('2024-03-04T09:30:00.000Z'), 'tickets-2-tue.json': record('2024-03-05T10:00:00.000Z') };
    const folder = exportFolderIn(out, 'zammad-id-notes', files);
    const run = slac('import', 'zammad', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('note (1): tickets with an organisation id but no name (fetched without expand=true): the client is the organisation id\n');
    expect(run.stderr).toContain("note (1): states given only as ids (fetched without expand=true): read as Zammad's built-in names\n");
  });
});

/**
 * Update times without an offset, read in --assume-timezone: the log dated
 * the resolution 09:00Z (10:00 in Berlin), but the older copy's line said
 * the later copy was "updated 2026-03-04T10:00:00Z", the wall time read as
 * UTC. The times the line quotes are read in the zone, as the log's are.
 */
describe('slac import freshdesk|jira: the update times of a copy given twice, in --assume-timezone', () => {
  it('freshdesk', () => {
    const ticket = (updated: string, status: number): string => `{"id":1,"requester_id":5,"created_at":"2026-03-03T09:00:00","updated_at":"${updated}","status":${status},"priority":1,"source":1,"spam":false}`;
    const folder = exportFolderIn(out, 'freshdesk-zone', { 'tickets-1.json': `[${ticket('2026-03-03T09:00:00', 2)}]`, 'tickets-2.json': `[${ticket('2026-03-04T10:00:00', 4)}]` });
    const run = slac('import', 'freshdesk', folder, '--assume-timezone', 'Europe/Berlin');
    expect(run.code, run.stderr).toBe(0);
    expect(skippedSection(run.stderr)).toContain(`(updated 2026-03-04T09:00:00Z; 2026-03-03T08:00:00Z here): the latest copy is kept\n`);
  });

  it('jira', () => {
    const zoned = (issue: string): string => issue.replace(/\.000\+0000/g, '');
    const folder = exportFolderIn(out, 'jira-zone', { 'search-1-mon.json': zoned(monday), 'search-2-tue.json': zoned(tuesday) });
    const run = slac('import', 'jira', folder, '--assume-timezone', 'Europe/Berlin');
    expect(run.code, run.stderr).toBe(0);
    expect(rowsOf(run.stdout)).toContain('SUP-3 2026-03-04T09:00:00Z status Done');
    expect(skippedSection(run.stderr)).toContain(`(updated 2026-03-04T09:00:00Z; 2026-03-03T08:00:00Z here): the latest copy is kept\n`);
  });
});
