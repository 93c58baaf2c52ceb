import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, uriOf } from './harness/cursor.js';
import { StdioSession } from './harness/stdio-session.js';

// The protocol's life cycle at the transport of the published command, `slac
// lsp --stdio` from dist/ (`npm test` builds first).
let session: StdioSession | undefined;
beforeAll(() => expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true));
afterEach(() => session?.kill());

const hover = (uri: string) => ({ textDocument: { uri }, position: { line: 0, character: 0 } });
const brokenUri = uriOf(join(repoRoot, 'examples', 'early.sla'));
const broken = { textDocument: { uri: brokenUri, languageId: 'sla', version: 1, text: 'calendar {\n' } };

// an editor that dies closes the server's input; the server must
// not outlive it (its processId may be a live process, e.g. a wrapper).
describe('when its input ends, the server exits', () => {
  it.each([
    { after: 'initialize, without shutdown', shutdown: false, code: 1 },
    { after: 'shutdown', shutdown: true, code: 0 },
  ])('after $after: with code $code', async ({ shutdown, code }) => {
    session = new StdioSession();
    await session.initialize();
    if (shutdown) await session.request(2, 'shutdown', null);
    session.server.stdin.end();
    expect(await session.exitCodeWithin(5_000)).toBe(code);
  });
});

// `slac lsp --stdio < requests`, or a client that writes its last requests
// and closes: what was read before the end is answered before the exit.
describe('when its input ends right after requests', () => {
  const documentUri = uriOf(join(repoRoot, 'examples', 'piped.sla'));
  const opened = { textDocument: { uri: documentUri, languageId: 'sla', version: 1, text: 'calendar {\n' } };
  it.each([
    { case: 'initialize and shutdown', sent: [], shutdown: true, code: 0 },
    { case: 'initialize, a document, hover and symbols, no shutdown', sent: ['hover', 'symbols'], shutdown: false, code: 1 },
  ])('$case: every request is answered, then the exit code is $code', async ({ sent, shutdown, code }) => {
    session = new StdioSession();
    session.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    session.send({ method: 'initialized', params: {} });
    session.send({ method: 'textDocument/didOpen', params: opened });
    if (sent.includes('hover')) session.send({ id: 2, method: 'textDocument/hover', params: hover(documentUri) });
    if (sent.includes('symbols')) session.send({ id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri: documentUri } } });
    if (shutdown) session.send({ id: 4, method: 'shutdown', params: null });
    session.server.stdin.end();
    expect(await session.exitCodeWithin(10_000)).toBe(code);
    const answered = session.received.filter((m) => 'id' in m && !('method' in m)).map((m) => m['id']).sort();
    expect(answered).toEqual([1, ...(sent.includes('hover') ? [2] : []), ...(sent.includes('symbols') ? [3] : []), ...(shutdown ? [4] : [])]);
  });

  it('exit, sent with the requests, ends the process once they are answered', async () => {
    session = new StdioSession();
    session.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    session.send({ method: 'textDocument/didOpen', params: opened });
    session.send({ id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri: documentUri } } });
    session.send({ id: 3, method: 'shutdown', params: null });
    session.send({ method: 'exit' });
    expect(await session.exitCodeWithin(10_000)).toBe(0);
    // Answers go out as they are ready, not in the order of their requests.
    expect(session.received.filter((m) => 'id' in m && !('method' in m)).map((m) => m['id']).sort()).toEqual([1, 2, 3]);
  });

  it('a last message cut short is said on stderr and answered with -32700; those before it are answered', async () => {
    session = new StdioSession();
    session.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    session.server.stdin.write('Content-Length: 80\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shut');
    session.server.stdin.end();
    expect(await session.exitCodeWithin(10_000)).toBe(1);
    expect(session.received).toHaveLength(2);
    expect(session.received).toContainEqual(expect.objectContaining({ id: 1, result: expect.anything() }));
    expect(session.received).toContainEqual(expect.objectContaining({ id: null, error: expect.objectContaining({ code: -32700 }) }));
    expect(session.stderr).toContain("the input ended 42 bytes before the end of a message's body");
  });
});

// "If a server receives requests after a shutdown request those
// requests should error with InvalidRequest."
describe('after shutdown', () => {
  it.each([
    { method: 'textDocument/hover', params: hover(brokenUri) },
    { method: 'workspace/symbol', params: { query: '' } },
    { method: 'shutdown', params: null },
  ])('$method is answered with -32600 (InvalidRequest), and exit still ends the session with 0', async ({ method, params }) => {
    session = new StdioSession();
    await session.initialize();
    await session.request(2, 'shutdown', null);
    expect(await session.request(3, method, params)).toMatchObject({ id: 3, error: { code: -32600 } });
    session.send({ method: 'exit' });
    expect(await session.exitCodeWithin(5_000)).toBe(0);
  });
});

// before initialize, "Notifications should be dropped, except for
// the exit notification".
describe('a notification before initialize', () => {
  it('is dropped: a document opened then is not analysed, nor open once the session starts', async () => {
    session = new StdioSession();
    session.send({ method: 'textDocument/didOpen', params: broken });
    await session.initialize();
    // A document opened now is analysed: once its diagnostics are out, the earlier one's would be too.
    const later = { textDocument: { ...broken.textDocument, uri: uriOf(join(repoRoot, 'examples', 'later.sla')) } };
    session.send({ method: 'textDocument/didOpen', params: later });
    await session.waitFor((m) => m['method'] === 'textDocument/publishDiagnostics' && (m['params'] as { uri: string }).uri === later.textDocument.uri);
    expect(session.received.filter((m) => (m['params'] as { uri?: string } | undefined)?.uri === brokenUri)).toEqual([]);
    expect(await session.request(4, 'textDocument/hover', hover(brokenUri))).toMatchObject({ id: 4, result: null });
  });

  it('except exit, which ends the process (with code 1: there was no shutdown)', async () => {
    session = new StdioSession();
    session.send({ method: 'exit' });
    expect(await session.exitCodeWithin(5_000)).toBe(1);
  });
});
