import type { TicketVerdictJson } from './json.js';

/**
 * The CSV report's columns: one row per ticket and metric verdict.
 * `severity` is the ticket's at the as-of instant, `targetSeverity` the one
 * whose target `targetMinutes` is (another when the severity changed after
 * the metric stopped); added last, so that columns read by place keep theirs.
 */
export const CSV_COLUMNS = ['ticket', 'severity', 'channel', 'metric', 'status', 'elapsedMinutes', 'targetMinutes', 'due', 'targetSeverity'] as const;

/** Writes the CSV report (header first, lines ending in \n, RFC 4180 quoting), ticket by ticket. */
export function writeCsvReport(tickets: Iterable<TicketVerdictJson>, write: (chunk: string) => void): void {
  write(CSV_COLUMNS.join(',') + '\n');
  for (const ticket of tickets) {
    let chunk = '';
    for (const [metric, verdict] of Object.entries(ticket.metrics)) {
      const cells = [
        csvTextCell(ticket.id),
        csvTextCell(ticket.severity),
        csvTextCell(ticket.channel ?? ''),
        csvTextCell(metric),
        verdict.status,
        String(verdict.elapsedMinutes),
        String(verdict.targetMinutes),
        verdict.due ?? '',
        csvTextCell(verdict.targetSeverity ?? ticket.severity),
      ];
      chunk += cells.map(csvCell).join(',') + '\n';
    }
    if (chunk) write(chunk);
  }
}

/** The CSV report as one string. */
export function renderCsv(tickets: Iterable<TicketVerdictJson>): string {
  let text = '';
  writeCsvReport(tickets, (chunk) => (text += chunk));
  return text;
}

/**
 * A cell of text from the log or the agreement (a ticket id, a name),
 * quoted with `csvCell`. A cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be run as a formula by a spreadsheet (CSV
 * injection): OWASP's rule puts a single quote before it, which makes the
 * spreadsheet show it as text.
 */
export function csvTextCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quotes a cell that holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
