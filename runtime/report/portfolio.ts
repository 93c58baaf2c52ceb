import type { ListedRow } from '../check/session.js';
import type { ReportSummary } from '../evaluate/index.js';
import { CSV_COLUMNS, csvCell, csvTextCell, renderCsv } from './csv.js';
import { formatSkippedRow } from '../log/log-error.js';
import { exitStatusOf } from './exit-status.js';
import type { TicketVerdictJson } from './json.js';
import { printable } from './text.js';

/**
 * The portfolio wrappers of the `slac check` reports (SEMANTICS.md 1.1
 * "Portfolios"): each client's report is exactly one agreement's report,
 * written by the same renderers; these add the client around it.
 */

/** The CSV columns of a portfolio report: the client first, then one agreement's. */
export const PORTFOLIO_CSV_COLUMNS = ['client', ...CSV_COLUMNS] as const;

/** One ticket's CSV rows with the client in front (no header). */
export function portfolioCsvRows(client: string, ticket: TicketVerdictJson): string {
  const rows = renderCsv([ticket]);
  const cell = csvCell(csvTextCell(client));
  let text = '';
  for (const line of rows.slice(rows.indexOf('\n') + 1).split('\n')) if (line !== '') text += `${cell},${line}\n`;
  return text;
}

/** How much deeper a client's report is nested than a report of its own. */
export const CLIENT_REPORT_INDENT = '      ';

/**
 * Writes `{ "portfolio", "asOf", "clients": [ { "client", "agreement",
 * "report" } ] }` as `JSON.stringify(..., null, 2)` would; each client's
 * report is streamed in between `beginClient` and `endClient` by the
 * single-agreement JSON writer, indented by CLIENT_REPORT_INDENT.
 */
export class PortfolioJsonWriter {
  private clients = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  begin(portfolio: string, asOf: string): void {
    this.write(`{\n  "portfolio": ${JSON.stringify(portfolio)},\n  "asOf": ${JSON.stringify(asOf)},\n  "clients": [`);
  }

  /** Opens one client's entry, up to its `"report": `. */
  beginClient(client: string, agreement: string): void {
    this.write(
      `${this.clients++ === 0 ? '\n' : ',\n'}    {\n      "client": ${JSON.stringify(client)},\n      "agreement": ${JSON.stringify(agreement)},\n      "report": `,
    );
  }

  endClient(): void {
    this.write('\n    }');
  }

  /** Closes the report; `unassigned` only when rows went to no client (see docs/check.md). */
  finish(unassigned?: { invalidRows: number; skipped: ListedRow[] }): void {
    this.write(this.clients === 0 ? ']' : '\n  ]');
    if (unassigned) this.write(`,\n  "unassigned": ${JSON.stringify(unassigned, null, 2).replace(/\n/g, '\n  ')}`);
    this.write('\n}\n');
  }
}

/** One client's finished report, for the text output. */
export interface ClientText {
  client: string;
  agreement: string;
  /** The agreement file, as the portfolio names it. */
  path: string;
  summary: ReportSummary;
  /** Whether the client's agreement sets service credits (`agreementSets`). */
  setsCredits: boolean;
  /** That client's report as `renderText` writes it. */
  text: string;
}

/**
 * The text report of a portfolio: a summary line per client, the rows that
 * went to no client, then each client's report under a heading naming the
 * client and the agreement.
 */
export function renderPortfolioText(portfolio: string, asOf: string, clients: readonly ClientText[], unassigned: { invalidRows: number; skipped: ListedRow[] }, maxListed = 50): string {
  const rows = clients.map((entry) => {
    const { totals } = entry.summary;
    const missed = entry.summary.objectives.filter((row) => row.ok === false).length + entry.summary.uptime.filter((row) => row.ok === false).length;
    return [
      entry.client,
      entry.agreement,
      `${totals.tickets} ticket${totals.tickets === 1 ? '' : 's'}, ${totals.breachedTickets} with a breach`,
      `${missed} objective${missed === 1 ? '' : 's'} missed`,
      creditsCell(entry),
      missed > 0 ? 'MISSED' : exitStatusOf(entry.summary, false) === 0 ? 'OK' : 'CREDIT DUE',
    ];
  });
  const head = [`Portfolio ${printable(portfolio)}`, `As of ${asOf}`, `Clients (${clients.length})`, ...table(rows)];
  if (unassigned.invalidRows > 0) {
    const shown = unassigned.skipped.slice(0, maxListed);
    head.push('', `Rows of no client skipped: ${unassigned.invalidRows}`, ...shown.map((row) => printable(`  ${formatSkippedRow(row)}`)));
    if (unassigned.skipped.length > shown.length) head.push(`  ... and ${unassigned.skipped.length - shown.length} more (see --format json)`);
  }
  // The heading's names are made printable as the table's are: a client name must not drive the terminal nor forge a heading.
  const sections = clients.map((entry) => `${printable(`== Client ${entry.client}: agreement ${entry.agreement} (${entry.path}) ==`)}\n\n${entry.text}`);
  return `${head.join('\n')}\n\n${sections.join('\n')}`;
}

/**
 * A client's service credits on its summary line: a credit can be due with
 * no objective missed (a tier above the objective), and the line said only
 * "0 objectives missed  MISSED" then, which named neither the credit nor why.
 */
function creditsCell(entry: ClientText): string {
  if (!entry.setsCredits) return 'sets no service credits';
  const due = entry.summary.credits.filter((row) => row.percent > 0);
  if (due.length === 0) return 'no credit due';
  return due.length === 1 ? `credit due for ${due[0]!.period}` : `credits due for ${due.length} periods`;
}

function table(rows: readonly string[][]): string[] {
  const cells = rows.map((row) => row.map(printable));
  const widths: number[] = [];
  for (const row of cells) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return cells.map((row) => ('  ' + row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ')).trimEnd());
}

