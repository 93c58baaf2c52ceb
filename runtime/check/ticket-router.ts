import { clientNameKey, memberForClient, type PortfolioMemberModel, type PortfolioModel } from '../../language/model/model.js';
import { detachString, Uint32Column } from '../log/columns.js';
import { LogErrorList } from '../log/error-list.js';
import { logError, type LogError } from '../log/log-error.js';
import type { LogRowHandler } from '../log/log-rows.js';
import { TicketIdTable } from '../log/ticket-ids.js';
import { trimmedText } from '../log/trimmed-text.js';

/** Route of a ticket that names no client yet: its rows wait for one. */
const WAITING = -2;
/** Route of a ticket whose client goes to no agreement (no `others`). */
const NOWHERE = -1;

/** How many clients a message about a row of no client names; the rest are counted. */
const NAMED_CLIENTS = 5;

/**
 * The clients a portfolio lists, for SLA4030 and SLA4056: the first five
 * first names and a count of the rest, so that each such row's message
 * stays a line long in a portfolio of hundreds of clients.
 */
export function listedClients(portfolio: PortfolioModel): string {
  const names = portfolio.clients.slice(0, NAMED_CLIENTS).map((member) => `'${member.names[0]}'`).join(', ');
  const rest = portfolio.clients.length - NAMED_CLIENTS;
  return rest > 0 ? `${names} and ${rest} more` : names;
}

/** A row held until its ticket names a client. */
interface HeldRow {
  values: Record<string, unknown>;
  line: number;
}

/**
 * Sends each row of a portfolio's ticket log to the collector of its
 * ticket's client, in one pass (SEMANTICS.md 1.1 "Portfolios"). A ticket's
 * client is the first non-empty `client` of its rows; rows that come before
 * it wait (in memory) until it is known, and go to `others` at the end of
 * the log when it never is. Rows that no agreement takes are invalid rows of
 * the portfolio (SLA4030), kept here rather than in any client's report.
 */
export class TicketRouter implements LogRowHandler {
  /** Rows that go to no client, and problems with rows that cannot be read. */
  readonly errors: LogErrorList;
  readonly warnings: LogError[] = [];
  readonly fatal: LogError[] = [];
  invalidRows = 0;

  private readonly memberIndex: Map<PortfolioMemberModel, number>;
  private readonly others: number;
  /** The listed clients as SLA4030 names them, made at the first such row. */
  private listed: string | undefined;
  /** Each distinct `client` text as written, to its number in `clientTexts`; and each one's route. */
  private readonly clientIds = new Map<string, number>();
  private readonly clientTexts: string[] = [''];
  private readonly clientRoutes: number[] = [NOWHERE];
  /**
   * Ticket ids numbered in order of first appearance (compactly, as the
   * event store keeps them: a large log has a million); per ticket, its
   * route + 2, the number of its first client and that client's line.
   */
  private readonly ticketIds = new TicketIdTable();
  private readonly routes = new Uint32Column();
  private readonly firstClients = new Uint32Column();
  private readonly firstLines = new Uint32Column();
  /** Rows of tickets still waiting for a client, by ticket slot, with the ticket id. */
  private readonly held = new Map<number, { ticket: string; rows: HeldRow[] }>();
  private readonly warned = new Set<number>();

  /**
   * `targets` are the collectors of the portfolio's clients in declaration
   * order, then that of `others` when the portfolio declares it.
   */
  constructor(
    private readonly file: string,
    private readonly portfolio: PortfolioModel,
    private readonly targets: readonly LogRowHandler[],
    keepErrors: number,
  ) {
    this.errors = new LogErrorList(keepErrors);
    this.memberIndex = new Map<PortfolioMemberModel, number>(portfolio.clients.map((client, index) => [client, index]));
    this.others = portfolio.others ? portfolio.clients.length : NOWHERE;
    if (portfolio.others) this.memberIndex.set(portfolio.others, this.others);
  }

  row(values: Record<string, unknown>, line: number): void {
    if (!isClientValue(values.client)) {
      // Read as no client, the row would go to `others` unsaid (an NDJSON `"client": ["Acme"]`).
      this.reject(logError('SLA4014', this.file, line, 'client', { value: "'client'", expected: 'text', actual: JSON.stringify(values.client) }));
      return;
    }
    const client = clientText(values.client);
    const ticket = ticketText(values.ticket);
    if (ticket === undefined) {
      // No ticket to group by: the client's agreement reports the row as invalid.
      const route = client === undefined ? this.others : this.clientRoutes[this.clientId(client)]!;
      if (route >= 0) this.targets[route]!.row(values, line);
      else this.reject(logError('SLA4001', this.file, line, 'ticket', { reason: 'every row names its ticket' }));
      return;
    }
    const slot = this.ticketIds.idOf(ticket);
    if (slot === this.routes.length) {
      this.routes.push(WAITING + 2);
      this.firstClients.push(0);
      this.firstLines.push(0);
    }
    const route = this.routes.get(slot) - 2;
    if (route !== WAITING) {
      if (client !== undefined) this.compareClient(slot, client, ticket, line);
      this.deliver(route, slot, ticket, values, line);
      return;
    }
    if (client === undefined) {
      const row = { values: { ...values }, line };
      const waiting = this.held.get(slot);
      if (waiting) waiting.rows.push(row);
      else this.held.set(slot, { ticket: detachString(ticket), rows: [row] });
      return;
    }
    const id = this.clientId(client);
    this.settle(slot, ticket, this.clientRoutes[id]!, id, line);
    this.deliver(this.clientRoutes[id]!, slot, ticket, values, line);
  }

  problem(error: LogError, fatal = false): void {
    if (fatal) this.fatal.push({ ...error, wholeLog: true });
    else if (error.severity === 'warning') this.warnings.push(error);
    else this.reject(error);
  }

  /** At the end of the log: tickets that never named a client go to `others`. */
  finish(): void {
    for (const [slot, { ticket }] of this.held) this.settle(slot, ticket, this.others, 0, 0);
    this.ticketIds.compact();
  }

  /**
   * The ticket's place in order of first appearance in the whole log: a
   * client's report lists tickets created at the same time in this order,
   * as `slac check` on that client's rows would, though rows that waited
   * for a client reach its collector later. An id never routed comes last.
   */
  appearanceOf(ticket: string): number {
    return this.ticketIds.idOf(ticket);
  }

  private settle(slot: number, ticket: string, route: number, clientId: number, line: number): void {
    this.routes.set(slot, route + 2);
    this.firstClients.set(slot, clientId);
    this.firstLines.set(slot, line);
    const waiting = this.held.get(slot);
    if (!waiting) return;
    this.held.delete(slot);
    for (const row of waiting.rows) this.deliver(route, slot, ticket, row.values, row.line);
  }

  private deliver(route: number, slot: number, ticket: string, values: Record<string, unknown>, line: number): void {
    if (route >= 0) {
      this.targets[route]!.row(values, line);
      return;
    }
    const client = this.clientTexts[this.firstClients.get(slot)]!;
    const why = client === '' ? 'names no client' : `has client '${client}'`;
    this.listed ??= listedClients(this.portfolio);
    this.reject(logError('SLA4030', this.file, line, 'client', { ticket, why, portfolio: this.portfolio.name, clients: this.listed }));
  }

  /** A later row naming another client: warned once per ticket; the first client counts. */
  private compareClient(slot: number, client: string, ticket: string, line: number): void {
    const firstId = this.firstClients.get(slot);
    const first = this.clientTexts[firstId]!;
    // Most rows repeat the first client exactly: a string comparison, no lookup.
    if (client === first || firstId === 0 || this.warned.has(slot)) return;
    const route = this.clientRoutes[this.clientId(client)]!;
    const listed = route >= 0 && route < this.portfolio.clients.length;
    if (route === this.routes.get(slot) - 2 && (listed || clientNameKey(client) === clientNameKey(first))) return;
    this.warned.add(slot);
    // The warning is about the ticket: it goes in its client's report.
    const warning = logError('SLA4031', this.file, line, 'client', { ticket, value: client, first, firstLine: this.firstLines.get(slot) });
    const owner = this.routes.get(slot) - 2;
    if (owner >= 0) this.targets[owner]!.problem(warning);
    else this.warnings.push(warning);
  }

  /** The number of a client text (0 is no client), with its route worked out once. */
  private clientId(client: string): number {
    let id = this.clientIds.get(client);
    if (id === undefined) {
      id = this.clientTexts.length;
      const text = detachString(client);
      const member = memberForClient(this.portfolio, text);
      this.clientIds.set(text, id);
      this.clientTexts.push(text);
      this.clientRoutes.push(member === undefined ? NOWHERE : (this.memberIndex.get(member) ?? NOWHERE));
    }
    return id;
  }

  private reject(error: LogError): void {
    this.invalidRows++;
    this.errors.add(error);
  }
}

/** The ticket id as the row validator reads it (text or a number), or undefined. */
function ticketText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** Whether a row's `client` can name a client: text, a number, or not given (absent or null). */
function isClientValue(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string' || typeof value === 'number';
}

/** The `client` of a row: text (or a number) with blanks trimmed; anything else is no client. */
function clientText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = trimmedText(value);
  return text === '' ? undefined : text;
}
