import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApiTime } from '../../import/api-time.js';
import { ImportSummary } from '../../import/import-summary.js';
import { isInternalComment, writeComment } from '../../import/jira/comments.js';
import { jiraDocumentOf } from '../../import/jira/documents.js';
import { writeIssue, type IssueEntry } from '../../import/jira/issue.js';
import { StatusCategories } from '../../import/jira/status-categories.js';
import type { ImportedRow } from '../../import/ticket-log-writer.js';
import type { Skipped } from '../../import/skipped-tickets.js';
import { formatLogTime } from '../../import/warehouse-time.js';
import { accounts, checkJson, clientsOf, expectedLog, expectEveryRecordAccounted, exportFolderIn, fixtures, ndjsonRows, outputFolder, skippedLines, slac, verdicts } from './helpers.js';

/**
 * `slac import jira` through the built executable (run `node scripts/build.mjs`
 * first): the log checked by hand, the summary that accounts for every
 * record, and the verdicts `slac check` gives on it; then the mapping as
 * tables.
 */

const out = outputFolder('jira');

describe('slac import jira: the awkward cases (test/import/fixtures/jira)', () => {
  const log = join(out, 'jira.ndjson');
  const result = slac('import', 'jira', `${fixtures}/jira`, '-o', log);

  it('writes the log checked by hand: internal and restricted comments left out, app comments as system, reopen after Done', () => {
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(expectedLog('jira'));
  });

  it('accounts for every record of every file, and lists the skipped ones with file, line or JSON path, and reason', () => {
    const files = accounts(result.stderr);
    expect([...files.keys()].sort()).toEqual(['OPS-7.comments.json', 'SUP-2.comments.json', 'export-meta.json', 'more-issues.ndjson', 'request-10003-comments.json', 'search-page-1.json', 'statuses.json']);
    expectEveryRecordAccounted(files);
    expect(files.get('search-page-1.json')!.lines).toEqual([
      'status changes: 8',
      'changes of other fields (not part of the ticket log): 3',
      'issues: 3',
      'replies (system): 1',
      'internal comments (not replies): 1',
      'replies (agent): 1',
      'priority changes: 1',
      'skipped, changelog items without a field: 1',
      'key changes (moved issues): 1',
    ]);
    expect(files.get('SUP-2.comments.json')!.lines).toEqual([
      'replies (customer): 1',
      'replies (agent): 2',
      "skipped, comments whose author's account type is unknown: 1",
      'skipped, comments of issues not in the export: 1',
    ]);
    expect(result.stderr.split('\n')[0]).toBe('slac import jira: 4 tickets, 32 events written; 6 records skipped');
    expect(result.stderr).toContain('export-meta.json: 0 rows, not a Jira search page, issue, comment page or status list: not read\n');
    expect(result.stderr).toContain('note (1): statuses whose category no statuses file nor issue gave (taken as not Done): Canceled\n');
    expect(result.stderr).toContain('note (1): times without an offset: read as UTC (--assume-timezone ZONE reads them in another zone)\n');
    const skipped = skippedLines(result.stderr, 6);
    expect(skipped).toEqual([
      // In file order (the files as the summary lists them, a folder's in name order), not in the order read.
      `  ${fixtures}/jira/SUP-2.comments.json at comments[3]: comment on SUP-2: the author's accountType is 'unknown'; slac knows customer, atlassian, app`,
      `  ${fixtures}/jira/SUP-2.comments.json at comments[4]: comment on 99999: the issue is in none of the files`,
      `  ${fixtures}/jira/more-issues.ndjson:2: not JSON (Expected ',' or '}' after property value)`,
      `  ${fixtures}/jira/more-issues.ndjson:3: issue SUP-5: the issue has no created time`,
      `  ${fixtures}/jira/search-page-1.json at issues[1].changelog.histories[3].items[1]: issue SUP-2: the changelog item names no field`,
      `  ${fixtures}/jira/statuses.json at [5]: the status has no name or statusCategory.key`,
    ]);
  });

  it('gives the verdicts computed by hand when checked against an agreement that maps Jira names', () => {
    const check = checkJson(`${fixtures}/jira/agreement.sla`, log, '--as-of', '2026-03-03T17:00:00Z');
    expect(check.code).toBe(0);
    expect(verdicts(check.stdout)).toEqual({
      // Created 09:15+01:00 (08:15Z); the automation's 08:20 comment is system, the 08:30 one internal: the agent's 08:50.
      // Resolved (Done category) at 10:15Z, two hours in; Closed later changes nothing. Medium is Standard: 8 hours.
      'SUP-1': { FirstResponse: 'met 35/60', Resolution: 'met 120/480' },
      // Low, then High at 11:00 (Critical: 4 hours). 10:00-11:00 running, 11:00-13:00 waiting for customer,
      // resolved 13:00, reopened 15:00 and running to 17:00: 60 + 120 minutes.
      'SUP-2': { FirstResponse: 'met 40/60', Resolution: 'pending 180/240' },
      // Created 12:00 without an offset (UTC). The customer's 12:10 comment (filed under the old key OPS-7) is not a
      // response; the agent's 12:20 servicedesk comment is. Highest, open from 12:00 to 17:00.
      'SUP-3': { FirstResponse: 'met 20/60', Resolution: 'breached 300/240' },
      // Created 08:00-05:00 (13:00Z); the 13:10 comment is restricted to a role; Canceled (no category) then Done at 14:00.
      'SUP-4': { FirstResponse: 'met 20/60', Resolution: 'met 60/480' },
    });
  });

  it('gives the same verdicts when slac check reads the export itself (--log-format jira)', () => {
    const direct = checkJson(`${fixtures}/jira/agreement.sla`, `${fixtures}/jira`, '--log-format', 'jira', '--as-of', '2026-03-03T17:00:00Z');
    const viaLog = checkJson(`${fixtures}/jira/agreement.sla`, log, '--as-of', '2026-03-03T17:00:00Z');
    expect(direct.code).toBe(0);
    expect(verdicts(direct.stdout)).toEqual(verdicts(viaLog.stdout));
  });

  it('takes the client from the field --client-field names (a text field or a select option)', () => {
    const run = slac('import', 'jira', `${fixtures}/jira`, '--client-field', 'customfield_10050');
    expect(run.code).toBe(0);
    expect(clientsOf(run.stdout)).toEqual({ 'SUP-1': 'ACME-1', 'SUP-2': 'GLOBEX-7', 'SUP-3': undefined, 'SUP-4': 'ACME-1' });
  });

  it('reads times without an offset in the zone --assume-timezone names', () => {
    const run = slac('import', 'jira', `${fixtures}/jira`, '--assume-timezone', 'Europe/Paris');
    expect(run.code).toBe(0);
    // SUP-3 was created at 12:00 without an offset: 12:00 in Paris (UTC+1 in March) is 11:00Z.
    expect(run.stdout).toContain('{"ticket":"SUP-3","time":"2026-03-03T11:00:00Z","event":"created","severity":"Highest","client":"Initech"}\n');
    expect(run.stderr).toContain('note (1): times without an offset: read in Europe/Paris\n');
  });

  const clientFields: { field: string; note: boolean }[] = [
    { field: 'customfield_10050', note: false }, // SUP-3 has no value, the others have it
    { field: 'customfield_99999', note: true }, // a field id no issue has
  ];
  it.each(clientFields)('--client-field $field: a summary note when no issue has the field (note: $note)', ({ field, note }) => {
    const run = slac('import', 'jira', `${fixtures}/jira`, '--client-field', field);
    expect(run.code).toBe(0);
    const line = `note (4): issues without the field '${field}' that --client-field names: no issue has it, so none has a client; give the id of a key of an issue's fields (such as customfield_10050)\n`;
    if (note) expect(run.stderr).toContain(line);
    else expect(run.stderr).not.toContain('that --client-field names');
  });

  // Saved as Jira names it, or renamed to .json; quoted as some spreadsheets write it again.
  const csvExports: { name: string; text: string }[] = [
    { name: 'Jira.csv', text: 'Summary,Issue key,Issue id,Issue Type,Status,Created\nPrinter down,SUP-1,10001,Service request,Open,01/Mar/26 9:00 AM\n' },
    { name: 'export.json', text: '\uFEFF"Summary","Issue key","Issue id"\r\n"Printer down","SUP-1","10001"\r\n' },
  ];
  it.each(csvExports)("refuses Jira's own CSV export ($name) with one line saying what it is and which export to give", ({ name, text }) => {
    const folder = join(out, 'csv-export');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, name);
    writeFileSync(file, text);
    const run = slac('import', 'jira', file);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `slac: ${file}:1: a Jira CSV export (its header names 'Issue key'), which slac does not read: it holds no changelog, so no status can be dated; save the REST API's search pages with expand=changelog as JSON instead (docs/import/jira.md, How to export).\n`,
    );
  });

  it('names the file, line and column of a file that is not JSON', () => {
    const run = slac('import', 'jira', `${fixtures}/jira/agreement.sla`);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^slac: test\/import\/fixtures\/jira\/agreement\.sla:1:1: not JSON \(.*\)\.\n$/);
  });
});

describe('slac import jira: a search page saved without expand=changelog', () => {
  // Each issue's current status was dated at its creation: the Done issue resolved at once, without a word.
  it('writes a To Do status at creation with a note, and any other status not at all with a warning naming file, issue and status', () => {
    const issue = (key: string, name: string, category: string) => ({ id: key.slice(3), key, fields: { created: '2026-03-02T10:00:00.000+0000', status: { name, id: category, statusCategory: { key: category } } } });
    const folder = exportFolderIn(out, 'no-changelog', { 'search-0.json': JSON.stringify({ startAt: 0, issues: [issue('SD-1', 'Done', 'done'), issue('SD-2', 'Open', 'new')] }) });
    const run = slac('import', 'jira', folder);
    expect(run.code).toBe(0);
    expect(ndjsonRows(run.stdout).map((r) => `${r.ticket} ${r.time} ${r.event} ${r.status ?? ''}`.trim())).toEqual(['SD-1 2026-03-02T10:00:00Z created', 'SD-2 2026-03-02T10:00:00Z created', 'SD-2 2026-03-02T10:00:00Z status Open']);
    expect(run.stderr).toContain('note (1): issues without a changelog whose status is of the To Do category: that status dated at creation (export with expand=changelog to date their changes)\n');
    expect(run.stderr).toContain('note (1): issues without a changelog whose status is not of the To Do category: written without a status (export with expand=changelog)\n');
    expect(run.stderr).toContain(
      `warnings:\n  ${folder}/search-0.json at issues[0]: issue SD-1: it has no changelog (a search without expand=changelog), so when it entered its status 'Done' cannot be told; the issue is written without a status; export the issues with expand=changelog\n`,
    );
  });
});

/** Runs the issue mapping on one issue and returns the rows and the summary. */
function mapIssue(issue: Record<string, unknown>, categories = new StatusCategories()): { rows: string[]; summary: ImportSummary; entry: IssueEntry | Skipped } {
  const rows: ImportedRow[] = [];
  const summary = new ImportSummary();
  const entry = writeIssue(issue, { file: 'page.json', path: 'issues[0]' }, { files: [], sink: { write: (row) => rows.push(row) }, summary }, categories);
  return { rows: rows.map((row) => `${formatLogTime(row.time)} ${row.event} ${row.status ?? row.severity ?? row.author ?? ''}`.trim()), summary, entry };
}

const status = (name: string, id: string, key: string) => ({ name, id, statusCategory: { key } });
const change = (created: string, field: string, fromString: string, toString: string, from?: string, to?: string) => ({ created, items: [{ field, fromString, toString, from, to }] });

describe('Jira issues as log rows', () => {
  const categories = new StatusCategories();
  for (const s of [status('Open', '1', 'new'), status('Resolved', '5', 'done'), status('Closed', '6', 'done'), status('Waiting', '7', 'indeterminate')]) categories.learn(s);

  const cases: [string, Record<string, unknown>, string[]][] = [
    [
      // Changed: its status Waiting was dated at creation; nothing tells when the issue entered it (see the table below).
      'no changelog: the current priority at creation, a status not To Do left out',
      { key: 'A-1', fields: { created: '2026-03-02T10:00:00.000+0200', status: status('Waiting', '7', 'indeterminate'), priority: { name: 'High' } } },
      ['2026-03-02T08:00:00Z created High'],
    ],
    [
      'the first change tells the status and priority at creation; Done to Done is no new resolution; leaving Done reopens',
      {
        key: 'A-2',
        fields: { created: '2026-03-02T10:00:00.000+0000', status: status('Open', '1', 'new'), priority: { name: 'Low' } },
        changelog: { histories: [change('2026-03-02T14:00:00.000+0000', 'status', 'Closed', 'Open', '6', '1'), change('2026-03-02T12:00:00.000+0000', 'status', 'Resolved', 'Closed', '5', '6'), change('2026-03-02T11:00:00.000+0000', 'status', 'Open', 'Resolved', '1', '5'), change('2026-03-02T10:30:00.000+0000', 'priority', 'Medium', 'Low')] },
      },
      ['2026-03-02T10:00:00Z created Medium', '2026-03-02T10:00:00Z status Open', '2026-03-02T10:30:00Z severity Low', '2026-03-02T11:00:00Z status Resolved', '2026-03-02T11:00:00Z resolved', '2026-03-02T12:00:00Z status Closed', '2026-03-02T14:00:00Z reopened', '2026-03-02T14:00:00Z status Open'],
    ],
    [
      'a status renamed since keeps its category by id; a change before creation moves to it',
      {
        key: 'A-3',
        fields: { created: '2026-03-02T10:00:00.000+0000', status: status('Closed', '6', 'done') },
        changelog: { histories: [change('2026-03-02T09:59:00.000+0000', 'status', 'Open', 'Fertig', '1', '5')] },
      },
      ['2026-03-02T10:00:00Z created', '2026-03-02T10:00:00Z status Open', '2026-03-02T10:00:00Z status Fertig', '2026-03-02T10:00:00Z resolved'],
    ],
  ];
  it.each(cases)('%s', (_, issue, rows) => expect(mapIssue(issue, categories).rows).toEqual(rows));

  // Dated at creation, the current status resolved at once an issue whose only status change has no readable time.
  it('an issue whose every status change has no readable time: written without a status, warned of', () => {
    const { rows, summary } = mapIssue(
      {
        key: 'A-4',
        fields: { created: '2026-03-02T10:00:00.000+0000', status: status('Closed', '6', 'done') },
        changelog: { histories: [change('garbage', 'status', 'Open', 'Closed', '1', '6')] },
      },
      categories,
    );
    expect(rows).toEqual(['2026-03-02T10:00:00Z created']);
    expect(summary.skipped).toEqual([{ file: 'page.json', line: 'issues[0].changelog.histories[0].items[0]', reason: 'issue A-4: the status change cannot be placed in time: created "garbage" is not a time' }]);
    expect(summary.warnings).toEqual([
      {
        file: 'page.json',
        line: 'issues[0]',
        reason: "issue A-4: its status at creation cannot be told: its status change cannot be placed in time, and its status 'Closed' is the one after it; the issue is written without a status",
      },
    ]);
  });

  // Without a changelog (a search run without expand=changelog), the current status was dated at creation: every Done issue resolved at once.
  const noChangelogNote = 'issues without a changelog whose status is of the To Do category: that status dated at creation (export with expand=changelog to date their changes)';
  const noChangelogWarning = (name: string): string =>
    `issue A-5: it has no changelog (a search without expand=changelog), so when it entered its status '${name}' cannot be told; the issue is written without a status; export the issues with expand=changelog`;
  const withoutChangelog: [string, Record<string, unknown>, string[], string | undefined, string | undefined][] = [
    ['Done category: no status, warned of', { status: status('Closed', '6', 'done') }, [], noChangelogWarning('Closed'), undefined],
    ['In Progress category: no status, warned of', { status: status('Waiting', '7', 'indeterminate') }, [], noChangelogWarning('Waiting'), undefined],
    ['a status of no known category: no status, warned of', { status: { name: 'Triage', id: '99' } }, [], noChangelogWarning('Triage'), undefined],
    ['To Do category: dated at creation, noted', { status: status('Open', '1', 'new') }, ['2026-03-02T10:00:00Z status Open'], undefined, noChangelogNote],
    ['a changelog without histories is no changelog', { status: status('Closed', '6', 'done'), changelog: {} }, [], noChangelogWarning('Closed'), undefined],
    ['a changelog with no histories: the status never changed, dated at creation', { status: status('Closed', '6', 'done'), changelog: { histories: [] } }, ['2026-03-02T10:00:00Z status Closed', '2026-03-02T10:00:00Z resolved'], undefined, undefined],
  ];
  it.each(withoutChangelog)('an issue without a changelog, %s', (_, given, rows, warning, note) => {
    const { changelog, ...fields } = given;
    const issue = { key: 'A-5', fields: { created: '2026-03-02T10:00:00.000+0000', ...fields }, ...(changelog === undefined ? {} : { changelog }) };
    const mapped = mapIssue(issue, categories);
    expect(mapped.rows).toEqual(['2026-03-02T10:00:00Z created', ...rows]);
    expect(mapped.summary.warnings).toEqual(warning === undefined ? [] : [{ file: 'page.json', line: 'issues[0]', reason: warning }]);
    expect([...mapped.summary.notes.keys()]).toEqual([...(warning === undefined ? [] : ['issues without a changelog whose status is not of the To Do category: written without a status (export with expand=changelog)']), ...(note === undefined ? [] : [note])]);
  });

  // The first status change without fromString (and without a from id naming a known status) left the issue with no status at creation, and nothing said why.
  const noFromNote = 'issues whose first status change has no fromString: the status at creation named by its from id (a status of the statuses file or of an issue)';
  const noFromWarning = (why: string): string =>
    `issue A-6: its status at creation cannot be told: its first status change (to 'Closed', at 2026-03-02T11:00:00Z) has no fromString ${why}; the issue is written without a status until that change`;
  const withoutFromString: [string, Record<string, unknown>, string[], string | undefined, string | undefined][] = [
    ['no from id: no status until the change, warned of', { field: 'status', toString: 'Closed', to: '6' }, [], noFromWarning('nor from id'), undefined],
    ["a from id no status has: no status until the change, warned of", { field: 'status', from: '99', toString: 'Closed', to: '6' }, [], noFromWarning("and its from id '99' is the id of no status of the statuses file or of any issue"), undefined],
    ['a from id of a known status: that status at creation, noted', { field: 'status', from: '1', toString: 'Closed', to: '6' }, ['2026-03-02T10:00:00Z status Open'], undefined, noFromNote],
    ['an empty fromString is none', { field: 'status', fromString: '', toString: 'Closed', to: '6' }, [], noFromWarning('nor from id'), undefined],
  ];
  it.each(withoutFromString)('the first status change without fromString, %s', (_, item, rows, warning, note) => {
    const issue = { key: 'A-6', fields: { created: '2026-03-02T10:00:00.000+0000', status: status('Closed', '6', 'done') }, changelog: { histories: [{ created: '2026-03-02T11:00:00.000+0000', items: [item] }] } };
    const mapped = mapIssue(issue, categories);
    expect(mapped.rows).toEqual(['2026-03-02T10:00:00Z created', ...rows, '2026-03-02T11:00:00Z status Closed', '2026-03-02T11:00:00Z resolved']);
    expect(mapped.summary.warnings).toEqual(warning === undefined ? [] : [{ file: 'page.json', line: 'issues[0]', reason: warning }]);
    expect(mapped.summary.notes.has(noFromNote)).toBe(note !== undefined);
  });

  it('skips an issue without a created time, naming it', () => {
    const { rows, summary } = mapIssue({ key: 'A-9', fields: { created: 'soon' } });
    expect(rows).toEqual([]);
    expect(summary.skipped).toEqual([{ file: 'page.json', line: 'issues[0]', reason: 'issue A-9: created "soon" is not a time' }]);
  });
});

describe('Jira comments', () => {
  const internal: [string, Record<string, unknown>, boolean][] = [
    ['jsdPublic true', { jsdPublic: true }, false],
    ['no flag at all (Jira Software)', {}, false],
    ['jsdPublic false', { jsdPublic: false }, true],
    ['servicedeskapi public false', { public: false }, true],
    ['visibility restricted to a role', { visibility: { type: 'role', value: 'Developers' } }, true],
    ['the sd.public.comment property', { properties: [{ key: 'sd.public.comment', value: { internal: true } }] }, true],
  ];
  it.each(internal)('%s: internal is %s', (_, comment, expected) => expect(isInternalComment(comment)).toBe(expected));

  const authors: [string, Record<string, unknown>, string][] = [
    ['customer', { accountId: 'c', accountType: 'customer' }, 'customer'],
    ['atlassian', { accountId: 'a', accountType: 'atlassian' }, 'agent'],
    ['app', { accountId: 'b', accountType: 'app' }, 'system'],
    ['no accountType: the type the issue gave the account', { accountId: 'known-agent' }, 'agent'],
  ];
  it.each(authors)('an author of type %s writes a reply by %s', (_, author, expected) => {
    const rows: ImportedRow[] = [];
    const entry: IssueEntry = { ticket: 'A-1', created: 0, client: undefined, hasClientField: false, accountTypes: new Map([['known-agent', 'atlassian']]), comments: new Set(), formerKeys: [] };
    writeComment({ author, created: '2026-03-02T10:00:00.000+0000' }, 'c.json', 'comments[0]', entry, { files: [], sink: { write: (row) => rows.push(row) }, summary: new ImportSummary() });
    expect(rows.map((row) => row.author)).toEqual([expected]);
  });

  it('reads a comment given twice (inline and in a comment file) once', () => {
    const rows: ImportedRow[] = [];
    const summary = new ImportSummary();
    const entry: IssueEntry = { ticket: 'A-1', created: 0, client: 'Acme', hasClientField: false, accountTypes: new Map(), comments: new Set(), formerKeys: [] };
    const job = { files: [], sink: { write: (row: ImportedRow) => rows.push(row) }, summary };
    const comment = { id: '7', author: { accountType: 'atlassian' }, created: '2026-03-02T10:00:00.000+0000' };
    writeComment(comment, 'page.json', 'x', entry, job);
    writeComment(comment, 'c.json', 'comments[0]', entry, job);
    expect(rows).toHaveLength(1);
    expect(summary.count('c.json', 'comments read before (with their issue or in another file)')).toBe(1);
  });
});

describe('Jira documents and times', () => {
  const kinds: [string, unknown, string | undefined][] = [
    ['a search page', { startAt: 0, issues: [] }, 'issues'],
    ['one issue', { key: 'A-1', fields: {} }, 'issue'],
    ['a platform comment page', { comments: [] }, 'comments'],
    ['a servicedeskapi comment page', { size: 1, values: [{ id: '1', body: 'x', public: true }] }, 'comments'],
    ['a changelog page is not a comment page', { values: [{ id: '1', items: [] }] }, undefined],
    ['the status list', [{ name: 'Open', statusCategory: { key: 'new' } }], 'statuses'],
    ['anything else', { hello: 1 }, undefined],
  ];
  it.each(kinds)('%s', (_, value, kind) => expect(jiraDocumentOf(value)?.kind).toBe(kind));

  const times: [string, string | undefined, boolean | undefined][] = [
    ['2026-03-02T09:15:00.000+0100', '2026-03-02T08:15:00Z', true],
    ['2026-03-02T09:15:00.000-05:30', '2026-03-02T14:45:00Z', true],
    ['2026-03-02T09:15:00Z', '2026-03-02T09:15:00Z', true],
    ['2026-03-02T09:15:00.000', '2026-03-02T09:15:00Z', false],
    ['2 March 2026', undefined, undefined],
  ];
  it('reads a time without an offset in a zone, and refuses a wall time the clocks skip there', () => {
    expect(formatLogTime(parseApiTime('2026-07-01T12:00:00.000', 'Europe/Paris')!.time)).toBe('2026-07-01T10:00:00Z');
    expect(parseApiTime('2026-03-29T02:30:00', 'Europe/Paris')).toBeUndefined();
    expect(formatLogTime(parseApiTime('2026-07-01T12:00:00.000+0000', 'Europe/Paris')!.time)).toBe('2026-07-01T12:00:00Z');
  });

  it.each(times)('%s is %s', (text, iso, hadOffset) => {
    const parsed = parseApiTime(text);
    expect(parsed === undefined ? undefined : formatLogTime(parsed.time)).toBe(iso);
    expect(parsed?.hadOffset).toBe(hadOffset);
  });
});
