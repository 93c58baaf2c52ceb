import { describe, expect, it } from 'vitest';
import { joinedHeaderRow } from '../../../runtime/log/csv-records.js';

/**
 * `joinedHeaderRow`: a row with the header's repeat joined onto its end (a
 * CSV file without a final line break joined to another). The readers of
 * `slac check` and `slac import` trim the values they read, so what of the
 * line's end is left on the row's last value is seen here.
 */

const names = ['ticket', 'time', 'level'];
const header = (first: string): string[] => [first, 'time', 'level'];

describe('joinedHeaderRow', () => {
  it.each([
    ['no line break at all', '1ticket', '1'],
    ['the CR of a CRLF whose LF is missing', '1\rticket', '1'],
    ["the second file's byte-order mark", '1\uFEFFticket', '1'],
    ['both', '1\r\uFEFFticket', '1'],
    ['an empty last value', 'ticket', ''],
    ['a last value ending like the name', 'ticketticket', 'ticket'],
  ])('%s: the row is its own fields, its last value as written', (_name, fused, last) => {
    expect(joinedHeaderRow(['A', 't', fused, ...header('x').slice(1)], names, 'ticket')).toEqual({ fields: ['A', 't', last] });
  });

  it('the header written with a byte-order mark: the name is compared without it', () => {
    expect(joinedHeaderRow(['A', 't', '1\uFEFFticket', 'time', 'level'], names, '\uFEFFticket')).toEqual({ fields: ['A', 't', '1'] });
  });

  it('a name spelled otherwise than the header writes it: the row cannot be told', () => {
    expect(joinedHeaderRow(['A', 't', '1Ticket', 'time', 'level'], names, 'ticket')).toEqual({ inexact: true });
    expect(joinedHeaderRow(['A', 't', '1 ticket ', 'time', 'level'], names, 'ticket')).toEqual({ inexact: true });
  });

  it('is no such row: another count of fields, other values, a header of one column', () => {
    expect(joinedHeaderRow(['A', 't', '1ticket', 'time'], names, 'ticket')).toBeUndefined();
    expect(joinedHeaderRow(['A', 't', '1ticket', 'time', 'lvl'], names, 'ticket')).toBeUndefined();
    expect(joinedHeaderRow(['A', 't', '1', 'time', 'level'], names, 'ticket')).toBeUndefined();
    expect(joinedHeaderRow(['1ticket'], ['ticket'], 'ticket')).toBeUndefined();
  });

  it('with the columns held only (a reader that reads past the others)', () => {
    // The last column is read past: its value is not held, in this row as in every other.
    expect(joinedHeaderRow(['A', 't', '', 'time', ''], names, 'ticket', (index) => index < 2)).toEqual({ fields: ['A', 't', ''] });
    // Nothing held to compare: not told from a row of too many fields.
    expect(joinedHeaderRow(['A', '', '', '', ''], names, 'ticket', (index) => index === 0)).toBeUndefined();
  });
});
