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
