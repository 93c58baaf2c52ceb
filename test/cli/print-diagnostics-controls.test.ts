import { describe, expect, it } from 'vitest';
import { formatDiagnostic, MAX_EXCERPT_WIDTH } from '../../cli/print-diagnostics.js';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';

// The source line quoted under a diagnostic comes from the file as it is: a
// control character in it is shown as an escape, as in messages, and the
// caret still points at the range (an escape takes the columns it is shown in).

const diagnostic = (start: number, end: number): Diagnostic => ({
  code: 'SLA3003',
  severity: 'error',
  message: 'Empty.',
  file: '/w/a.sla',
  range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
});

/** Any control character but the line feeds that end the excerpt's two lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const controls = [
  { name: 'ESC', character: '\u001b', shown: '\\u{1b}' },
  { name: 'BEL', character: '\u0007', shown: '\\u{7}' },
  { name: 'CR', character: '\r', shown: '\\r' },
  { name: 'LF', character: '\n', shown: '\\n' },
  { name: 'DEL', character: '\u007f', shown: '\\u{7f}' },
  { name: 'C1 CSI', character: '\u009b', shown: '\\u{9b}' },
  { name: 'U+2028', character: '\u2028', shown: '\\u{2028}' },
  { name: 'U+2029', character: '\u2029', shown: '\\u{2029}' },
];

describe('a source line with a control character, under a diagnostic', () => {
  it.each(controls)('$name before the range moves the caret by its escape', ({ character, shown }) => {
    const text = formatDiagnostic(diagnostic(6, 9), '/w', [`ab${character}[2Jxyz`]);
    const excerpt = `ab${shown}[2Jxyz`;
    expect(text).toBe(`a.sla:1:7: error SLA3003: Empty.\n${excerpt}\n${' '.repeat(excerpt.length - 3)}^~~\n`);
    expect(text).not.toMatch(RAW_CONTROL);
  });

  it.each(controls)('$name inside the range is underlined as wide as its escape', ({ character, shown }) => {
    const text = formatDiagnostic(diagnostic(1, 4), '/w', [`a"${character}"b`]);
    expect(text).toBe(`a.sla:1:2: error SLA3003: Empty.\na"${shown}"b\n ^${'~'.repeat(shown.length + 1)}\n`);
  });

  it.each(controls)('$name in a line cut around the caret', ({ character }) => {
    const line = `${character.repeat(MAX_EXCERPT_WIDTH)}x${character.repeat(MAX_EXCERPT_WIDTH)}`;
    const text = formatDiagnostic(diagnostic(MAX_EXCERPT_WIDTH, MAX_EXCERPT_WIDTH + 1), '/w', [line]);
    expect(text).not.toMatch(RAW_CONTROL);
    const [, excerpt, caret] = text.split('\n');
    expect(excerpt![caret!.indexOf('^')]).toBe('x');
  });

  it('keeps a tab as a tab, under the caret too', () => {
    expect(formatDiagnostic(diagnostic(2, 3), '/w', ['\t\u001bx'])).toBe('a.sla:1:3: error SLA3003: Empty.\n\t\\u{1b}x\n\t      ^\n');
  });
});
