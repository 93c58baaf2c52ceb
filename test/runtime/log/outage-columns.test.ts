import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../runtime/clock/index.js';
import type { OutageRow } from '../../../runtime/log/events.js';
import type { LogError } from '../../../runtime/log/log-error.js';
import { outageRowsForClient, validateOutageRow } from '../../../runtime/log/outage-log.js';

const BASE = { start: '2026-03-01T02:00:00Z', end: '2026-03-01T03:00:00Z', kind: 'maintenance' };

function validate(values: Record<string, unknown>, assumeZone?: string): { row: OutageRow | undefined; errors: [number, string | undefined, string][] } {
  const errors: LogError[] = [];
  const row = validateOutageRow(values, 'outages.csv', 7, assumeZone, errors);
  return { row, errors: errors.map((error) => [error.line, error.key, error.code]) };
}

describe('outage rows: announced and client (1.1)', () => {
  it('keeps announced as an instant and client as trimmed text', () => {
    const { row, errors } = validate({ ...BASE, announced: '2026-02-27T09:00:00+01:00', client: '  Acme GmbH ' });
    expect(errors).toEqual([]);
    expect(row).toEqual({ start: parseInstant(BASE.start), end: parseInstant(BASE.end), kind: 'maintenance', announced: parseInstant('2026-02-27T08:00:00Z'), client: 'Acme GmbH', line: 7 });
  });

  it('leaves both out when absent or empty (files without the columns)', () => {
    expect(validate(BASE).row).toEqual({ start: parseInstant(BASE.start), end: parseInstant(BASE.end), kind: 'maintenance', line: 7 });
    expect(validate({ ...BASE, announced: '', client: ' ' }).row).not.toHaveProperty('announced');
  });

  it.each([
    ['not an instant', 'soon', [[7, 'announced', 'SLA4002']]],
    ['without an offset', '2026-02-27 09:00', [[7, 'announced', 'SLA4002']]],
    ['a JSON number', 1, [[7, 'announced', 'SLA4014']]],
  ])('an announced value %s is an error naming line and key', (_name, announced, expected) => {
    const { row, errors } = validate({ ...BASE, announced });
    expect(row).toBeUndefined();
    expect(errors).toEqual(expected);
  });

  it('reads announced without an offset in the assumed zone, like start and end', () => {
    expect(validate({ ...BASE, announced: '2026-02-27 09:00' }, 'Europe/Berlin').row?.announced).toBe(parseInstant('2026-02-27T08:00:00Z'));
  });
});

describe('outage rows for one client of a portfolio', () => {
  const rows: OutageRow[] = [
    { start: 1, end: 2, kind: 'outage', line: 2 },
    { start: 1, end: 2, kind: 'outage', client: 'Acme', line: 3 },
    { start: 1, end: 2, kind: 'maintenance', client: ' ACME ', line: 4 },
    { start: 1, end: 2, kind: 'outage', client: 'Globex', line: 5 },
  ];
  it.each<[string, string | undefined, number[]]>([
    ['rows without a client, and its own (any case, trimmed)', 'acme', [2, 3, 4]],
    ['rows without a client only, for another client', 'Initech', [2]],
    ['rows without a client only, for no client (others)', undefined, [2]],
    ['Globex', '  globex', [2, 5]],
  ])('%s', (_name, client, lines) => {
    expect(outageRowsForClient(rows, client).map((row) => row.line)).toEqual(lines);
  });
});
