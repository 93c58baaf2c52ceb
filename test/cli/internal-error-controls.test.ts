import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_EXIT, runCli } from '../../cli/main.js';

/**
 * An internal error's message can quote a path or a value from the input (a
 * file named with `ESC ]0;title BEL`, a line break): it was printed raw, in
 * the "internal error:" line and at the head of the stack, while user errors
 * are escaped. Now both are escaped as user errors are (`printableText`), and
 * the stack's frames still follow, one a line. Through `runCli`, with a
 * standard output that throws, as a bug would.
 */

/** ESC ]0;title BEL (sets a terminal's title), CR LF (forges a line), a C1 CSI. */
const MESSAGE = "cannot read '/tmp/\u001b]0;pwned\u0007\r\nslac: forged line\u009b2J.sla'";
const SHOWN = "cannot read '/tmp/\\u{1b}]0;pwned\\u{7}\\r\\nslac: forged line\\u{9b}2J.sla'";
/** Any control character but the line feeds that end output lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** What stderr holds when writing standard output throws `thrown`. */
async function crash(thrown: unknown): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const stdout = (): void => {
    throw thrown;
  };
  const code = await runCli(['--version'], { stdout, stderr: (text) => void (stderr += text), stderrIsTTY: false, cwd: process.cwd() });
  return { code, stderr };
}

describe('an internal error whose message holds control characters', () => {
  it('is printed escaped, in the first line and at the head of the stack', async () => {
    const { code, stderr } = await crash(new TypeError(MESSAGE));
    expect(code).toBe(INTERNAL_ERROR_EXIT);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr.split('\n')[0]).toBe(`slac: internal error: ${SHOWN}`);
    expect(stderr).not.toMatch(/^slac: forged line/m);
    expect(stderr).toMatch(/This is a bug in slac/);
    // The stack is still there for whoever fixes it, its frames one a line.
    expect(stderr).toContain(`\n\nTypeError: ${SHOWN}\n    at `);
    expect(stderr).toMatch(/\n {4}at .*\n$/);
  });

  it('is printed escaped when what was thrown is not an Error', async () => {
    const { code, stderr } = await crash(MESSAGE);
    expect(code).toBe(INTERNAL_ERROR_EXIT);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).not.toMatch(/^slac: forged line/m);
    expect(stderr.split('\n')[0]).toBe(`slac: internal error: ${SHOWN}`);
    expect(stderr.endsWith(`\n\n${SHOWN}\n`)).toBe(true);
  });
});
