/**
 * Black-box helpers for the spec audit: write a small agreement and log to a
 * temp folder, run the CLI in-process, and parse the JSON report.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `slac ...args` with `cwd` as working folder, capturing both streams. */
export async function slac(cwd: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTTY: false,
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh temp folder holding the given files. */
export function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'slac-spec-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

export const HEADER = 'ticket,time,event,severity,channel,status,author,level';

/** One CSV row from named cells (unnamed cells empty). */
export function row(ticket: string, time: string, event: string, cells: Partial<Record<'severity' | 'channel' | 'status' | 'author' | 'level', string>> = {}): string {
  return [ticket, time, event, cells.severity ?? '', cells.channel ?? '', cells.status ?? '', cells.author ?? '', cells.level ?? ''].join(',');
}

export function csv(rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Report = any;

export interface CheckOutcome extends CliResult {
  report: Report;
  /** The one line naming the agreement's warnings (SLA4060), or '': it is not in `stderr`. */
  agreementWarnings: string;
}

/**
 * The line check gives first when the agreement has warnings (SLA4060;
 * test/cli/agreement-warnings.test.ts tests it). The spec tests' agreements
 * carry warnings of their own (the shared calendars a test does not use,
 * SLA3052; Thanksgiving's dated holiday, SLA3041), so the line is kept apart
 * and `stderr` holds what the check said of the log, as before the line.
 */
const AGREEMENT_WARNINGS = /^agreement\.sla: warning: the agreement has \d+ warnings? \(SLA\d{4}(, SLA\d{4})*\), not listed here: `slac validate agreement\.sla` lists (it|them) \[SLA4060\]\n/;

/** `slac check agreement.sla log.csv --format json ...extra` on the given texts. */
export async function check(sla: string, log: string, extra: string[] = [], more: Record<string, string> = {}): Promise<CheckOutcome> {
  const folder = folderWith({ 'agreement.sla': sla, 'log.csv': log, ...more });
  const result = await slac(folder, 'check', 'agreement.sla', 'log.csv', '--format', 'json', ...extra);
  let report: Report = null;
  if (result.stdout.trim() !== '') report = JSON.parse(result.stdout);
  const agreementWarnings = AGREEMENT_WARNINGS.exec(result.stderr)?.[0] ?? '';
  return { ...result, stderr: result.stderr.slice(agreementWarnings.length), report, agreementWarnings };
}

/** The metric entry of a ticket in a report (undefined if absent). */
export function metricOf(report: Report, ticket: string, metric: string): Report {
  const entry = report.tickets.find((t: { id: string }) => t.id === ticket);
  return entry?.metrics?.[metric];
}

/** Calendars of the SEMANTICS worked examples, plus two severities and a pause status. */
export const CALENDARS = `
calendar BusinessHours {
  timezone "America/New_York"
  hours Mon-Fri 08:00-18:00
  holidays { 2026-11-26 "Thanksgiving Day" }
}
calendar OnCall {
  timezone "Europe/Berlin"
  hours Mon-Sun 00:00-24:00
}
calendar NightDesk {
  timezone "Europe/Berlin"
  hours Sun-Thu 22:00-06:00
}
calendar Utc {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}
severity High { description "Blocked." }
severity Low { description "Anything else." default }
pause when status "Waiting on customer"
`;

/** An agreement made of the shared calendars and the given metric text. */
export function agreement(body: string, head = 'agreement Audit { effective 2026-01-01 }'): string {
  return `${head}\n${CALENDARS}\n${body}\n`;
}
