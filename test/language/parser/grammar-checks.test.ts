import { describe, expect, it } from 'vitest';
import { CHECK_GRAMMAR } from '../../../language/lexer/grammar-checks.js';
import { SlaParser } from '../../../language/parser/grammar.js';

// The shipped bundles skip chevrotain's checks of the grammar to start faster; the tests, on the sources,
// are where an ambiguous or left-recursive rule must still be caught.
describe('chevrotain grammar checks', () => {
  it('run on the sources, where the tests build the lexer and the parser', () => {
    expect(CHECK_GRAMMAR).toBe(true);
    expect(() => new SlaParser()).not.toThrow();
  });
});
