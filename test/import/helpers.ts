import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { repoRoot, runBuiltCli, type CliRun } from '../cli/built-cli.js';

/**
 * What the tests of `slac import SOURCE` share: running the built executable
 * (run `node scripts/build.mjs` first), an output folder, reading the import
 * summary and the NDJSON log, and the verdicts of `slac check` on a log.
 */

/** The fixtures of the import tests, relative to the repository root (the folder the CLI runs in). */
export const fixtures = 'test/import/fixtures';

/** Runs the built `slac` with these arguments in the repository root. */
export function slac(...args: string[]): CliRun {
  return runBuiltCli(args, repoRoot);
}

/**
 * A fresh temporary folder for the logs and drafts of one test file, named
 * `slac-import-NAME-…`; it is removed when the file's tests are done.
 */
export function outputFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `slac-import-${name}-`));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes the files of an export (file name → contents) into a new folder `name` of `out`; returns the folder. */
export function exportFolderIn(out: string, name: string, files: Record<string, string>): string {
  const folder = join(out, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

/** The log checked by hand for a source: test/import/fixtures/NAME.expected.ndjson. */
export function expectedLog(name: string): string {
  return readFileSync(join(repoRoot, fixtures, `${name}.expected.ndjson`), 'utf8');
}

/**
 * Runs `slac check AGREEMENT LOG ...options --format json`: `options` are
 * further flags such as `--as-of` or `--log-format`.
 */
export function checkJson(agreement: string, log: string, ...options: string[]): CliRun {
  return slac('check', agreement, log, ...options, '--format', 'json');
}

/** Per ticket and metric, "status elapsed/target" from a JSON report of `slac check`. */
export function verdicts(report: string): Record<string, Record<string, string>> {
  const parsed = JSON.parse(report) as { tickets: { id: string; metrics: Record<string, { status: string; elapsedMinutes: number; targetMinutes: number }> }[] };
  return Object.fromEntries(
    parsed.tickets.map((ticket) => [ticket.id, Object.fromEntries(Object.entries(ticket.metrics).map(([name, m]) => [name, `${m.status} ${m.elapsedMinutes}/${m.targetMinutes}`]))]),
  );
}

/** What the import summary says of one file it read. */
export interface FileAccount {
  /** The records the file holds ("FILE: N rows"). */
  rows: number;
  /** The sum of the counts of its outcome lines; the whole of `rows` when the file line says why it was not read record by record ("N rows, not used: …"). */
  outcomes: number;
  /** Its outcome lines, as "what: count", in the order of the summary. */
  lines: string[];
}

/**
 * Per file name (without its folder) of the import summary on stderr: its
 * record count, the sum of its outcomes, and the outcome lines. The counts
 * are equal when every record of the file is accounted for.
 */
export function accounts(summary: string): Map<string, FileAccount> {
  const files = new Map<string, FileAccount>();
  let current: FileAccount | undefined;
  for (const line of summary.split('\n')) {
    const file = /^(\S+\.(?:csv|json|jsonl|ndjson)): (\d+) rows?(, .*)?$/.exec(line);
    if (file) {
      const rows = Number(file[2]);
      current = { rows, outcomes: file[3] === undefined ? 0 : rows, lines: [] };
      files.set(file[1]!.split('/').pop()!, current);
      continue;
    }
    const outcome = /^ {2}(.*): (\d+)$/.exec(line);
    if (outcome && current) {
      current.outcomes += Number(outcome[2]);
      current.lines.push(`${outcome[1]}: ${outcome[2]}`);
    } else current = undefined;
  }
  return files;
}

/** Expects every file of the summary to account for each of its records: its outcomes add up to its rows. */
export function expectEveryRecordAccounted(files: Map<string, FileAccount>): void {
  for (const [file, counts] of files) expect(counts.outcomes, file).toBe(counts.rows);
}

/** The summary from its "skipped records:" line on; throws when it has none. */
export function skippedSection(summary: string): string {
  // Past 20 records the heading is "skipped records (the first 20 of 31):", or "(20 of 31: the first of each file and reason, ...):".
  const start = summary.search(/skipped records(?: \((?:the first )?\d+ of \d+(?:: [^)]*)?\))?:/);
  if (start < 0) throw new Error(`the summary lists no skipped records:\n${summary}`);
  return summary.slice(start);
}

/** The first `count` lines under "skipped records:" in the summary. */
export function skippedLines(summary: string, count: number): string[] {
  return skippedSection(summary).split('\n').slice(1, 1 + count);
}

/** The rows of an NDJSON log (a line each), parsed. */
export function ndjsonRows(log: string): Record<string, string>[] {
  return log
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string>);
}

/** Per ticket of an NDJSON log, its client (undefined for a row without one; the last row of a ticket wins). */
export function clientsOf(log: string): Record<string, string | undefined> {
  return Object.fromEntries(ndjsonRows(log).map((row) => [row.ticket!, row.client]));
}

/**
 * The import's arguments for `folder` with its ticket table `file` given
 * first (the folder after it, which reads it once): the summary lists its
 * first 20 skipped records in file order, the files in the order given, and
 * in a folder whose ticket table sorts last (zammad's tickets.json,
 * glpi_tickets.csv) other tables' records fill the list before it.
 */
export function ticketFileFirst(folder: string, file: string): string[] {
  return [join(folder, file), folder];
}
