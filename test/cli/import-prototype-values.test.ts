import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Helpdesk values that a plain JavaScript object already has as keys:
 * `__proto__`, `constructor`, `toString`. The importers looked statuses,
 * roles, senders, channels and changelog fields up in object literals, so
 * a status `__proto__` became the event "[object Object]", a role
 * `constructor` the author "function Object() { [native code] }", and
 * `slac check --log-format freshdesk` exited 70 on a status `constructor`.
 * Each is an ordinary name: kept as the status or channel it is, or
 * reported as the unknown role, sender or account type it is. Through the
 * built CLI, on the fixtures of each source with those values put in.
 */

const FIXTURES = join(repoRoot, 'test', 'import', 'fixtures');

/** Replaces `from` by `to` in a file (every occurrence, or the first); fails when `from` is not there, so a changed fixture cannot void the case. */
function edit(file: string, from: string, to: string, all = true): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  writeFileSync(file, all ? text.split(from).join(to) : text.replace(from, to));
}

interface Case {
  source: string;
  /** Puts the values into a copy of the source's fixtures. */
  prepare(dir: string): void;
  /** Lines the written log holds. */
  rows: string[];
  /** Text the summary on stderr holds. */
  reported: string[];
}

const CASES: Case[] = [
  {
    source: 'zendesk',
    prepare(dir) {
      edit(join(dir, 'ticket_events.jsonl'), '"status": "open"', '"status": "__proto__"');
      edit(join(dir, 'ticket_events.jsonl'), '"via": "Chat"', '"via": "__proto__"');
      edit(join(dir, 'users.json'), '"role": "agent"', '"role": "constructor"', false);
    },
    rows: ['"event":"status","status":"__proto__"', '"channel":"__proto__"'],
    reported: ["user 101 has the role 'constructor'; the roles are end-user, agent, admin"],
  },
  {
    source: 'zammad',
    prepare(dir) {
      rmSync(join(dir, 'agreement.sla'));
      edit(join(dir, 'history-1.json'), '"value_to": "open"', '"value_to": "__proto__"');
      edit(join(dir, 'articles-1.json'), '"sender": "Customer" }', '"sender": "constructor" }');
    },
    rows: ['"event":"status","status":"__proto__"'],
    reported: ["the sender 'constructor' is not Agent, Customer or System"],
  },
  {
    source: 'jira',
    prepare(dir) {
      rmSync(join(dir, 'agreement.sla'));
      edit(join(dir, 'search-page-1.json'), '{ "field": "resolution"', '{ "field": "__proto__"', false);
      edit(join(dir, 'search-page-1.json'), '{ "field": "assignee"', '{ "field": "constructor"', false);
      edit(join(dir, 'SUP-2.comments.json'), '"accountType": "customer"', '"accountType": "toString"', false);
    },
    rows: [],
    reported: ['changes of other fields (not part of the ticket log): 3', "the author's accountType is 'toString'; slac knows customer, atlassian, app"],
  },
  {
    source: 'zendesk-tables',
    prepare(dir) {
      rmSync(join(dir, 'README.md'));
      edit(join(dir, 'ticket_field_history.csv'), '10,open\n', '10,__proto__\n');
      edit(join(dir, 'ticket_field_history.csv'), '11,open\n', '11,constructor\n');
      edit(join(dir, 'user.csv'), ',agent,', ',toString,', false);
    },
    rows: ['"event":"status","status":"__proto__"', '"event":"status","status":"constructor"'],
    reported: ["user 10 has the role 'toString'; the roles are end-user, agent, admin"],
  },
  {
    source: 'glpi',
    prepare(dir) {
      rmSync(join(dir, 'api'), { recursive: true });
      rmSync(join(dir, 'agreement.sla'));
      edit(join(dir, 'glpi_profiles.csv'), ',helpdesk,', ',constructor,', false);
      edit(join(dir, 'glpi_logs.csv'), '2024-03-04 10:15:00,12,1,2\n', '2024-03-04 10:15:00,12,1,__proto__\n');
    },
    rows: [],
    reported: ["the status change '1' to '__proto__': '__proto__' is neither one of GLPI's status values 1-6 nor one of their English names (New, Processing (assigned), Processing (planned), Pending, Solved, Closed)"],
  },
  {
    source: 'freshdesk',
    prepare(dir) {
      rmSync(join(dir, 'agreement.sla'));
      const file = join(dir, 'tickets-page-1.json');
      const tickets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
      Object.assign(tickets[0]!, { status: 'constructor' });
      Object.assign(tickets[1]!, { source: '__proto__', priority: 'toString' });
      writeFileSync(file, JSON.stringify(tickets));
    },
    rows: ['"event":"status","status":"constructor"', '"severity":"toString"'],
    reported: ['custom statuses (not 2-5)', 'tickets from sources Freshdesk does not document'],
  },
];

/** What an object's prototype turned into when written as text. */
const PROTOTYPE_LEAKS = ['[object Object]', '[native code]'];

describe('helpdesk values named like object prototype keys', () => {
  const root = mkdtempSync(join(tmpdir(), 'slac-import-proto-'));

  it.each(CASES)('$source keeps them as names', ({ source, prepare, rows, reported }) => {
    const dir = join(root, source);
    cpSync(join(FIXTURES, source), dir, { recursive: true });
    prepare(dir);
    const out = join(root, `${source}.ndjson`);
    const run = runBuiltCli(['import', source, dir, '-o', out], root);
    const log = readFileSync(out, 'utf8');
    for (const leak of PROTOTYPE_LEAKS) {
      expect(log).not.toContain(leak);
      expect(run.stderr).not.toContain(leak);
    }
    for (const row of rows) expect(log).toContain(row);
    for (const text of reported) expect(run.stderr).toContain(text);
    expect(run.code).toBe(0);
  });

  it.each([
    ['freshdesk', 'tickets-page-1.json', '"status": 5,', '"status": "constructor",'],
    ['glpi', 'glpi_logs.csv', '2024-03-04 10:15:00,12,1,2\n', '2024-03-04 10:15:00,12,1,__proto__\n'],
  ])('slac check --log-format %s reads them', (source, file, from, to) => {
    const dir = join(root, `check-${source}`);
    cpSync(join(FIXTURES, source), dir, { recursive: true });
    rmSync(join(dir, 'agreement.sla'));
    if (source === 'glpi') rmSync(join(dir, 'api'), { recursive: true });
    edit(join(dir, file), from, to, false);
    const run = runBuiltCli(['check', join(FIXTURES, source, 'agreement.sla'), dir, '--log-format', source], root);
    expect(run.stderr).not.toContain('internal error');
    for (const leak of PROTOTYPE_LEAKS) expect(run.stdout + run.stderr).not.toContain(leak);
    expect(run.code).toBe(0);
  });
});
