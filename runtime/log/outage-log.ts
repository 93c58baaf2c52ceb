import type { OutageKind, OutageRow } from './events.js';
import { clientNameKey } from '../../language/model/model.js';
import { readLogTime } from './local-time.js';
import { logError, type LogError } from './log-error.js';
import type { LogRowHandler, LogShape } from './log-rows.js';
import { OUTAGE_LOG_KEYS, OUTAGE_LOG_REQUIRED, TICKET_LOG_REQUIRED } from './log-vocabulary.js';
import { epochHint } from './time-advice.js';

export const OUTAGE_LOG_SHAPE: LogShape = {
  keys: OUTAGE_LOG_KEYS,
  required: OUTAGE_LOG_REQUIRED,
  mistakenFor: { required: TICKET_LOG_REQUIRED, name: 'a ticket log', advice: 'give it after the agreement, not with --outages' },
  proseKeys: ['description'],
};

/** Validates one outage row; pushes one error per bad key, or returns the row (warnings about it to `warnings`). */
export function validateOutageRow(
  values: Record<string, unknown>,
  file: string,
  line: number,
  assumeZone: string | undefined,
  errors: LogError[],
  warnings?: LogError[],
): OutageRow | undefined {
  const before = errors.length;
  const text = (key: string): string | undefined => {
    const value = values[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      errors.push(logError('SLA4014', file, line, key, { value: `'${key}'`, expected: 'text', actual: JSON.stringify(value) + epochHint(key, value) }));
      return undefined;
    }
    return value.trim() || undefined;
  };
  const instant = (key: 'start' | 'end' | 'announced', optional = false): number | undefined => {
    const value = text(key);
    if (value === undefined) {
      if (optional) return undefined;
      if (errors.length === before || errors[errors.length - 1]!.key !== key) {
        errors.push(logError('SLA4001', file, line, key, { reason: 'every outage row has a start and an end' }));
      }
      return undefined;
    }
    return readLogTime(value, assumeZone, { file, line, key }, errors, warnings);
  };
  const start = instant('start');
  const end = instant('end');
  const kind = text('kind');
  if (kind === undefined) errors.push(logError('SLA4001', file, line, 'kind', { reason: 'every outage row says outage or maintenance' }));
  else if (kind !== 'outage' && kind !== 'maintenance') errors.push(logError('SLA4015', file, line, 'kind', { value: kind }));
  const description = text('description');
  const announced = instant('announced', true);
  // A number names a client by its digits, as in the ticket log (the ticket router's clientText).
  const client = typeof values.client === 'number' ? String(values.client) : text('client');
  if (start !== undefined && end !== undefined && end <= start) {
    errors.push(logError('SLA4016', file, line, 'end', { start: String(values.start).trim(), end: String(values.end).trim() }));
  }
  if (errors.length > before) return undefined;
  const row: OutageRow = { start: start!, end: end!, kind: kind as OutageKind, line };
  if (description !== undefined) row.description = description;
  if (announced !== undefined) row.announced = announced;
  if (client !== undefined) row.client = client;
  return row;
}

/**
 * The outage rows that apply to one client of a portfolio: rows without a
 * `client` apply to every client, rows with one only to that client (names
 * compared as clients are, by `clientNameKey`). `undefined` (a ticket with no
 * client, or `others`) keeps only the rows without a client.
 */
export function outageRowsForClient(rows: readonly OutageRow[], client: string | undefined): OutageRow[] {
  const wanted = client === undefined ? undefined : clientNameKey(client);
  return rows.filter((row) => row.client === undefined || (wanted !== undefined && clientNameKey(row.client) === wanted));
}

/** Collects the rows of an outage log (small: kept in memory as they are). */
export class OutageLogCollector implements LogRowHandler {
  readonly rows: OutageRow[] = [];
  readonly errors: LogError[] = [];
  readonly warnings: LogError[] = [];
  readonly fatal: LogError[] = [];
  invalidRows = 0;

  constructor(
    readonly file: string,
    private readonly assumeZone: string | undefined,
  ) {}

  row(values: Record<string, unknown>, line: number): void {
    const before = this.errors.length;
    const row = validateOutageRow(values, this.file, line, this.assumeZone, this.errors, this.warnings);
    if (row) this.rows.push(row);
    else if (this.errors.length > before) this.invalidRows++;
  }

  problem(error: LogError, fatal = false): void {
    if (fatal) this.fatal.push({ ...error, wholeLog: true });
    else if (error.severity === 'warning') this.warnings.push(error);
    else {
      this.invalidRows++;
      this.errors.push(error);
    }
  }
}
