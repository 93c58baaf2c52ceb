import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './harness/cursor.js';
import { StdioSession } from './harness/stdio-session.js';

// One header the server could not frame (a Content-Length that is not a
// number, negative or missing, or shorter than its body) and `slac lsp
// --stdio` answered nothing ever again, neither exiting nor logging: the
// editor showed a live server that had stopped working. Driven at the
// transport of the built CLI (`npm test` builds first), since a client
// library would not send these bytes.
let session: StdioSession | undefined;
beforeAll(() => expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true));
afterEach(() => session?.kill());

/** The lines the server wrote to standard error. */
function stderrLines(opened: StdioSession): string[] {
  return opened.stderr.split('\n').filter((line) => line !== '');
}

describe('a header block the server cannot frame', () => {
  it.each([
    { what: 'a Content-Length that is not a number', bytes: 'Content-Length: abc\r\n\r\n{}', problem: "Content-Length 'abc' is not a byte count" },
    { what: 'a negative Content-Length', bytes: 'Content-Length: -5\r\n\r\n{}', problem: "Content-Length '-5' is not a byte count" },
    { what: 'a fractional Content-Length', bytes: 'Content-Length: 2.5\r\n\r\n{}', problem: "Content-Length '2.5' is not a byte count" },
    {
      what: 'no Content-Length',
      bytes: 'Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}',
      problem: 'a header block without Content-Length',
    },
    { what: 'a blank line for a header', bytes: '\r\n\r\n{"jsonrpc":"2.0","id":97,"method":"shutdown"}', problem: 'a blank line where a header was expected' },
    { what: 'a header line without a colon', bytes: 'Content-Length: 2\r\nnonsense\r\n\r\n{}', problem: "a header line without ':'" },
    { what: 'two Content-Lengths that differ', bytes: 'Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}', problem: 'two different Content-Length values' },
    // 20 bytes are read as the body (not JSON: -32700), and the rest of the body is where the next header should be.
    { what: 'a Content-Length shorter than its body', bytes: 'Content-Length: 20\r\n\r\n{"jsonrpc":"2.0","id":98,"method":"x"}', problem: 'where a header was expected' },
  ])('$what: one line on stderr, and the next messages are answered', async ({ bytes, problem }) => {
    session = new StdioSession();
    await session.initialize();
    session.server.stdin.write(bytes);
    for (const id of [1, 2, 3]) expect(await session.request(id, 'workspace/symbol', { query: '' }), `request ${id}`).toMatchObject({ id, result: [] });
    expect(stderrLines(session)).toHaveLength(1);
    expect(stderrLines(session)[0]).toMatch(/^slac lsp: /);
    expect(stderrLines(session)[0]).toContain(problem);
    expect(stderrLines(session)[0]).toContain('skipped to the next Content-Length header');
    expect(session.server.exitCode).toBe(null);
  });

  it('garbage before the first header is skipped the same way', async () => {
    session = new StdioSession();
    session.server.stdin.write('hello\r\n\r\n');
    await session.initialize();
    expect(await session.request(1, 'workspace/symbol', { query: '' })).toMatchObject({ id: 1, result: [] });
    expect(stderrLines(session)).toEqual([expect.stringContaining('skipped to the next Content-Length header')]);
  });

  it('a Content-Length larger than any message the server can read: exit 1 with one line on stderr, not a wait for bytes that never come', async () => {
    session = new StdioSession();
    await session.initialize();
    session.server.stdin.write('Content-Length: 99999999999\r\n\r\n{}');
    expect(await session.exitCodeWithin(5_000)).toBe(1);
    expect(stderrLines(session)).toEqual([expect.stringMatching(/^slac lsp: .*Content-Length 99999999999 .*larger than/)]);
  });

  it('a header and body split into one-byte writes are read as one message', async () => {
    session = new StdioSession();
    await session.initialize();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'workspace/symbol', params: { query: 'é' } });
    for (const byte of Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)) session.server.stdin.write(Buffer.of(byte));
    expect(await session.waitFor((m) => m['id'] === 5)).toMatchObject({ id: 5, result: [] });
    expect(session.stderr).toBe('');
  });
});
