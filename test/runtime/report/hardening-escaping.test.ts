import { describe, expect, it } from 'vitest';
import { csvCell, csvTextCell } from '../../../runtime/report/csv.js';
import { printable } from '../../../runtime/report/text.js';

/** Issue 13: report cells from the log cannot run as formulas or drive a terminal. */
describe('CSV cells (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['T-1', 'T-1'],
    ['', ''],
  ])('%j is written as %j', (value, expected) => {
    expect(csvTextCell(value)).toBe(expected);
  });

  it('a cell with a formula and a quote is prefixed, then quoted', () => {
    expect(csvCell(csvTextCell('=HYPERLINK("x")'))).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(csvTextCell('\rA'))).toBe(`"'\rA"`);
  });
});

describe('text report values', () => {
  it.each([
    ['A\nB', 'A\\u{a}B'],
    ['\u001b[31mred', '\\u{1b}[31mred'],
    ['tab\there', 'tab\\u{9}here'],
    ['line\u2028separator', 'line\\u{2028}separator'],
    ['\u009bCSI', '\\u{9b}CSI'],
    ['plain Müller 中文', 'plain Müller 中文'],
  ])('%j is shown as %j', (value, expected) => {
    expect(printable(value)).toBe(expected);
  });
});
