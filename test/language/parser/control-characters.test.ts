import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../language/parser/index.js';

/**
 * A raw control character inside a string or a text block is an error
 * (SLA1024): it would reach the PDF, HTML and Markdown outputs and the
 * terminals that print them. Tab, line feed and carriage return are text.
 * Each case: the snippet, then `LINE:COL CODE` and the character the message names.
 */
const cases: { name: string; text: string; expected: string[]; named?: string }[] = [
  { name: 'ESC in a string', text: 'param P "a\u001b[31mred"', expected: ['1:11 SLA1024'], named: 'U+001B' },
  { name: 'BEL in a string', text: 'param P "ding\u0007"', expected: ['1:14 SLA1024'], named: 'U+0007' },
  { name: 'NUL in a string', text: 'param P "\u0000"', expected: ['1:10 SLA1024'], named: 'U+0000' },
  { name: 'DEL in a string', text: 'param P "x\u007f"', expected: ['1:11 SLA1024'], named: 'U+007F' },
  { name: 'a C1 control (CSI) in a string', text: 'param P "x\u009b2J"', expected: ['1:11 SLA1024'], named: 'U+009B' },
  { name: 'the first U+0080 in a string', text: 'param P "x\u0080y\u0085"', expected: ['1:11 SLA1024'], named: 'U+0080' },
  { name: 'ESC in an unclosed string', text: 'param P "x\u001b', expected: ['1:9 SLA1002', '1:11 SLA1024'], named: 'U+001B' },
  { name: 'form feed on the second line of a text block', text: 'clause "A" """\n  one\u000ctwo\n  """', expected: ['2:6 SLA1024'], named: 'U+000C' },
  { name: 'vertical tab in an unclosed text block', text: 'clause "A" """\n\u000b', expected: ['1:12 SLA1003', '2:1 SLA1024'], named: 'U+000B' },
  { name: 'a tab in a string is text', text: 'param P "a\tb"', expected: [] },
  { name: 'tabs and CRLF in a text block are text', text: 'clause "A" """\r\n\tone\r\n\ttwo\r\n"""', expected: [] },
  { name: 'U+00A0 and U+00A1 in a string are text', text: 'param P "a\u00a0b\u00a1"', expected: [] },
  { name: 'ESC in a comment is not in any output', text: '// \u001b\nparam P "x"', expected: [] },
];

describe('control characters in strings and text blocks (SLA1024)', () => {
  it.each(cases)('$name', ({ text, expected, named }) => {
    const { diagnostics } = parseDocument(text, 'snippet.sla');
    expect(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)).toEqual(expected);
    const control = diagnostics.find((d) => d.code === 'SLA1024');
    if (named !== undefined) expect(control?.message).toContain(named);
    // The message never carries the raw character itself.
    if (control !== undefined) expect(control.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('a string of 100,000 ESC characters is one diagnostic', () => {
    const { diagnostics } = parseDocument(`param P "${'\u001b'.repeat(100_000)}"`, 'snippet.sla');
    expect(diagnostics.filter((d) => d.code === 'SLA1024')).toHaveLength(1);
  });
});
