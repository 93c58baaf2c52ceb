import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchOneLineString } from '../../../language/lexer/string-matcher.js';

// The string tokens were these regexes; V8 recursed once a character on
// them and a string of 8.4 MB overflowed the stack. The loop that replaced
// them must take exactly what they took.
const closedRegex = /"(?:[^"\\\r\n]|\\[^\r\n])*"/y;
const unclosedRegex = /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/y;

function regexMatch(regex: RegExp, text: string, offset: number): string | null {
  regex.lastIndex = offset;
  return regex.exec(text)?.[0] ?? null;
}

function loopMatch(text: string, offset: number, closed: boolean): string | null {
  return matchOneLineString(text, offset, closed)?.[0] ?? null;
}

describe('the one-line string matcher', () => {
  it.each([
    ['"abc"'],
    ['"a\\"b" rest'],
    ['"abc'],
    ['"abc\\'],
    ['"abc\\\nnext'],
    ['"abc\r\n"'],
    ['"a\\\\"'],
    ['""'],
    ['"'],
    ['x"abc"'],
    ['"\u2028\uD800"'],
  ])('takes what the regexes took in %j', (text) => {
    for (const offset of [0, 1]) {
      expect(loopMatch(text, offset, true)).toBe(regexMatch(closedRegex, text, offset));
      expect(loopMatch(text, offset, false)).toBe(regexMatch(unclosedRegex, text, offset));
    }
  });

  it('takes what the regexes took on any text of quotes, backslashes, line breaks and letters', () => {
    const text = fc.array(fc.constantFrom('"', '\\', '\r', '\n', 'a', ' ', 'é'), { maxLength: 30 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.nat(30), (source, at) => {
        const offset = Math.min(at, source.length);
        expect(loopMatch(source, offset, true)).toBe(regexMatch(closedRegex, source, offset));
        expect(loopMatch(source, offset, false)).toBe(regexMatch(unclosedRegex, source, offset));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches a 20 MB string without taking stack', () => {
    expect(loopMatch(`"${'s'.repeat(20_000_000)}"`, 0, true)).toHaveLength(20_000_002);
  });
});
