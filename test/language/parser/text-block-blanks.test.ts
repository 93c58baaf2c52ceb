import { describe, expect, it } from 'vitest';
import { textBlockValue } from '../../../language/lexer/literals.js';

/**
 * A text block's lines lose the spaces and tabs that end them in time
 * linear in the line: `/[ \t]+$/` tried the pattern from every blank of a
 * run inside a line, and a `purpose """` line of 100,000 spaces between
 * two words took 10 s to validate (a megabyte of them, well inside the
 * 10 MiB a source may have, hung slac validate, compile and the editor).
 */
describe('blanks in a text block', () => {
  it('keeps a long run of spaces inside a line and drops the blanks ending it, quickly', () => {
    const inner = ' '.repeat(200_000);
    const started = performance.now();
    const value = textBlockValue(`"""\n  a${inner}x \t \n  b\t\n"""`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(value).toBe(`a${inner}x\nb`);
  });
});
