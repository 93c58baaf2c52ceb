import { describe, expect, it } from 'vitest';
import { MAX_TOKENS, parseDocument, reparseDocument } from '../../../language/parser/index.js';

/**
 * A file of stray words built an error and a syntax node for each: 250,000
 * of them (500 KB) took 516 MB and 10 s, and a 9 MB file ran out of memory
 * (exit 134). Past MAX_TOKENS a file is refused with one error (SLA1023).
 */
const agreement = 'agreement A {\n  title "A"\n}\n';

describe('the most tokens read from one file', () => {
  it('reads a file of exactly MAX_TOKENS tokens as usual', () => {
    // The agreement is 6 tokens; the stray words after it are each reported as before.
    const words = 'x '.repeat(MAX_TOKENS - 6);
    const parsed = parseDocument(`${agreement}${words}`, 'a.sla');
    expect(parsed.document.declarations).toHaveLength(1);
    expect(parsed.diagnostics.map((d) => d.code)).not.toContain('SLA1023');
  });

  it.each([
    ['one token over', 1],
    ['250,000 stray words', 250_000 - MAX_TOKENS + 6],
  ])('refuses %s with one error at the first token past the limit', (_name, extra) => {
    const text = `${agreement}${'x '.repeat(MAX_TOKENS - 6 + extra)}`;
    const parsed = parseDocument(text, 'a.sla');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['SLA1023']);
    const [diagnostic] = parsed.diagnostics;
    expect(diagnostic!.message).toBe(`The file has ${(MAX_TOKENS + extra).toLocaleString('en-US')} words, numbers and symbols; slac reads at most 100,000 from one file.`);
    // Token MAX_TOKENS (counted from 0) is the (MAX_TOKENS - 6)th stray word, on line 4.
    expect(diagnostic!.range.start).toEqual({ line: 3, character: 2 * (MAX_TOKENS - 6) });
    expect(parsed.document.declarations).toHaveLength(0);
  });

  it('gives the same after an edit in the editor', () => {
    const words = 'x '.repeat(MAX_TOKENS - 6);
    const before = parseDocument(`${agreement}${words}`, 'a.sla');
    const after = reparseDocument(before, `${agreement}${words}y`, 'a.sla');
    expect(after.diagnostics.map((d) => d.code)).toEqual(['SLA1023']);
  });
});
