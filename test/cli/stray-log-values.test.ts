import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';

/**
 * SEMANTICS.md "Ticket log" reads `status` on `status` rows, `author` on
 * `reply`, `level` on `escalated` and `severity` on `created` and
 * `severity`; nothing is dropped silently. A value given on another
 * event's row (a status on a created row: the ticket is NOT paused from
 * creation) was ignored without a word. Now it is ignored with one warning
 * (SLA4054) per key and event in the file, at its first line, counting the
 * rows, alike at --jobs 1 and --jobs 2 (whose partitions each count their
 * own rows), CSV and NDJSON; verdicts are those of the log without them.
 * Empty values (a CSV cell left empty, null, "", blanks) are no values.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-stray-'));
copyFileSync(join(repoRoot, 'examples', 'hosting.sla'), join(folder, 'hosting.sla'));

const COLUMNS = ['ticket', 'time', 'event', 'severity', 'status', 'author', 'level'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;
/** A row, and the keys on it that its event does not read. */
interface LogRow {
  row: Row;
  stray: Column[];
}

/** 24 tickets, so that --jobs 2's partitions each take some of every kind of stray value. */
function ticketRows(): LogRow[] {
  const rows: LogRow[] = [];
  for (let index = 0; index < 24; index++) {
    const ticket = `T-${index}`;
    const at = (minutes: number): string => new Date(Date.UTC(2026, 3, 6, 7, index * 7 + minutes)).toISOString().replace('.000', '');
    const created: LogRow = { row: { ticket, time: at(0), event: 'created', severity: 'P2' }, stray: [] };
    if (index % 2 === 0) created.row.status = 'Awaiting customer';
    // null, "" and blanks are no values: no warning.
    if (index % 2 === 1) created.row.status = index % 3 === 0 ? null : index % 3 === 1 ? '' : '  ';
    if (index % 2 === 0) created.stray.push('status');
    const reply: LogRow = { row: { ticket, time: at(30), event: 'reply', author: 'agent' }, stray: [] };
    if (index % 3 === 0) {
      reply.row.level = 3;
      reply.stray.push('level');
    }
    if (index === 5 || index === 17) {
      reply.row.severity = 'P1';
      reply.stray.push('severity');
    }
    const resolved: LogRow = { row: { ticket, time: at(90), event: 'resolved' }, stray: [] };
    if (index % 4 === 1) {
      resolved.row.author = 'agent';
      resolved.stray.push('author');
    }
    const escalated: LogRow = { row: { ticket, time: at(45), event: 'escalated', level: 1 }, stray: [] };
    rows.push(created, reply, ...(index % 5 === 0 ? [escalated] : []), resolved);
  }
  return rows;
}

/** The rows without their stray values: what the check reads of them. */
function withoutStrays(rows: readonly LogRow[]): LogRow[] {
  return rows.map(({ row, stray }) => ({ row: Object.fromEntries(Object.entries(row).filter(([key]) => !stray.includes(key as Column))), stray: [] }));
}

function ndjsonOf(rows: readonly LogRow[]): string {
  return rows.map(({ row }) => JSON.stringify(row)).join('\n') + '\n';
}

function csvOf(rows: readonly LogRow[]): string {
  const cell = (value: Row[Column]): string => (value === undefined || value === null ? '' : String(value));
  return [COLUMNS.join(','), ...rows.map(({ row }) => COLUMNS.map((column) => cell(row[column])).join(','))].join('\n') + '\n';
}

/** The SLA4054 lines one check prints: per key and event, its first line and its count, in line order (keys of a row in log-key order). */
function expectedWarnings(file: string, rows: readonly LogRow[], firstLine: number): string[] {
  const found = new Map<string, { line: number; key: Column; event: string; rows: number }>();
  const keyOrder: Column[] = ['severity', 'status', 'author', 'level'];
  rows.forEach(({ row, stray }, index) => {
    for (const key of [...stray].sort((a, b) => keyOrder.indexOf(a) - keyOrder.indexOf(b))) {
      const slot = `${key} ${String(row.event)}`;
      const entry = found.get(slot);
      if (entry) entry.rows++;
      else found.set(slot, { line: firstLine + index, key, event: String(row.event), rows: 1 });
    }
  });
  const readOn: Record<string, string> = { severity: "'created' and 'severity'", status: "'status'", author: "'reply'", level: "'escalated'" };
  return [...found.values()].map(
    ({ line, key, event, rows: count }) => `${file}:${line}: warning: key '${key}': not read on a '${event}' row (only on ${readOn[key]}), so its value is ignored in ${count} ${count === 1 ? 'row' : 'rows'}, this the first; `,
  );
}

const strayLines = (run: CliRun): string[] => run.stderr.split('\n').filter((line) => line.includes('[SLA4054]'));

const logs = [
  { format: 'NDJSON', file: 'stray.ndjson', clean: 'clean.ndjson', text: ndjsonOf, firstLine: 1 },
  { format: 'CSV', file: 'stray.csv', clean: 'clean.csv', text: csvOf, firstLine: 2 },
];

describe('a value given on a row whose event does not read it (SLA4054)', () => {
  const rows = ticketRows();
  it.each(logs)('$format: one warning per key and event, the same at --jobs 1 and 2, verdicts unchanged', ({ file, clean, text, firstLine }) => {
    writeFileSync(join(folder, file), text(rows));
    writeFileSync(join(folder, clean), text(withoutStrays(rows)));
    const one = runBuiltCli(['check', 'hosting.sla', file, '--jobs', '1'], folder);
    const two = runBuiltCliOnThreads(['check', 'hosting.sla', file, '--jobs', '2'], folder);
    const expected = expectedWarnings(file, rows, firstLine);
    expect(expected).toHaveLength(4);
    for (const run of [one, two]) {
      const lines = strayLines(run);
      expect(lines).toHaveLength(expected.length);
      lines.forEach((line, index) => expect(line.startsWith(expected[index]!)).toBe(true));
    }
    expect(strayLines(one)[0]).toBe(
      `${file}:${firstLine}: warning: key 'status': not read on a 'created' row (only on 'status'), so its value is ignored in 12 rows, this the first; write a 'status' row at the same time to set the status at creation [SLA4054]`,
    );
    expect(two).toEqual(one);
    expect(one.code).toBe(runBuiltCli(['check', 'hosting.sla', clean], folder).code);

    // Verdicts are those of the log without the stray values; only the warnings differ.
    const report = (log: string, jobs: string, run = runBuiltCli): unknown => {
      const json = JSON.parse(run(['check', 'hosting.sla', log, '--format', 'json', '--jobs', jobs], folder).stdout) as Record<string, unknown>;
      delete json.warnings;
      return json;
    };
    const cleanReport = report(clean, '1');
    expect(report(file, '1')).toEqual(cleanReport);
    expect(report(file, '2', runBuiltCliOnThreads)).toEqual(cleanReport);
  });

  it.each(logs)('$format: a log without them gives no SLA4054', ({ clean, text }) => {
    writeFileSync(join(folder, clean), text(withoutStrays(rows)));
    expect(strayLines(runBuiltCli(['check', 'hosting.sla', clean, '--jobs', '1'], folder))).toEqual([]);
    expect(strayLines(runBuiltCliOnThreads(['check', 'hosting.sla', clean, '--jobs', '2'], folder))).toEqual([]);
  });

  it('the JSON report lists each warning with its first line and key', () => {
    writeFileSync(join(folder, 'stray.ndjson'), ndjsonOf(rows));
    const json = JSON.parse(runBuiltCli(['check', 'hosting.sla', 'stray.ndjson', '--format', 'json'], folder).stdout) as { warnings: { line: number; key: string; code: string }[] };
    expect(json.warnings.filter((warning) => warning.code === 'SLA4054').map((warning) => [warning.line, warning.key])).toEqual([
      [1, 'status'],
      [2, 'level'],
      [7, 'author'],
      [18, 'severity'],
    ]);
  });
});
