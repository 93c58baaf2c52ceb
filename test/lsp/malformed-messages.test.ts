import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, uriOf } from './harness/cursor.js';
import { StdioSession } from './harness/stdio-session.js';

// malformed params reached the features and came back as -32603,
// or as an empty result with a stack trace in window/logMessage; a body that
// was not JSON got no answer. Driven at the transport of `slac lsp --stdio`
// from dist/ (`npm test` builds first), since a client library would not send
// these messages.
let session: StdioSession | undefined;
beforeAll(() => expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true));
afterEach(() => session?.kill());

const uri = uriOf(join(repoRoot, 'examples', 'malformed-params.sla'));
const text = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';
const textDocument = { uri };
const position = { line: 0, character: 10 };
const options = { tabSize: 2, insertSpaces: true };

/** A session with `malformed-params.sla` open and analysed. */
async function sessionWithDocument(): Promise<StdioSession> {
  const opened = new StdioSession();
  await opened.initialize();
  opened.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'sla', version: 1, text } } });
  await opened.waitFor((m) => m['method'] === 'textDocument/publishDiagnostics' && (m['params'] as { uri: string }).uri === uri);
  return opened;
}

/** The messages of window/logMessage, in order. */
function logLines(opened: StdioSession): string[] {
  return opened.received.filter((m) => m['method'] === 'window/logMessage').map((m) => (m['params'] as { message: string }).message);
}

const stackFrame = /\n\s+at /;

describe('a request whose params do not have the shape its method takes', () => {
  it.each([
    { method: 'textDocument/hover', params: null, field: 'params' },
    { method: 'textDocument/hover', params: { textDocument: { uri: 42 }, position }, field: 'params.textDocument.uri' },
    { method: 'textDocument/hover', params: { textDocument, position: 'x' }, field: 'params.position' },
    { method: 'textDocument/hover', params: { textDocument, position: { line: -1, character: 0 } }, field: 'params.position.line' },
    { method: 'textDocument/hover', params: { textDocument, position: { line: 0, character: 1.5 } }, field: 'params.position.character' },
    { method: 'textDocument/completion', params: { textDocument: null, position: null }, field: 'params.textDocument' },
    { method: 'textDocument/completion', params: { textDocument, position, context: { triggerKind: 'x' } }, field: 'params.context.triggerKind' },
    { method: 'textDocument/definition', params: [1, 2], field: 'params' },
    { method: 'textDocument/references', params: { textDocument, position }, field: 'params.context' },
    { method: 'textDocument/rename', params: { textDocument, position }, field: 'params.newName' },
    { method: 'textDocument/prepareRename', params: { textDocument: {}, position }, field: 'params.textDocument.uri' },
    { method: 'textDocument/formatting', params: { textDocument, options: null }, field: 'params.options' },
    { method: 'textDocument/rangeFormatting', params: { textDocument, options }, field: 'params.range' },
    { method: 'textDocument/rangeFormatting', params: { textDocument, options, range: { start: position, end: { line: 0 } } }, field: 'params.range.end.character' },
    { method: 'textDocument/selectionRange', params: { textDocument, positions: position }, field: 'params.positions' },
    { method: 'textDocument/selectionRange', params: { textDocument, positions: [position, null] }, field: 'params.positions[1]' },
    { method: 'textDocument/codeAction', params: { textDocument, range: { start: position, end: position }, context: {} }, field: 'params.context.diagnostics' },
    { method: 'textDocument/documentSymbol', params: {}, field: 'params.textDocument' },
    { method: 'textDocument/semanticTokens/full', params: { textDocument: { uri: null } }, field: 'params.textDocument.uri' },
    { method: 'textDocument/documentLink', params: { textDocument: 'x' }, field: 'params.textDocument' },
    { method: 'workspace/symbol', params: { query: 5 }, field: 'params.query' },
  ])('$method with $params: -32602 naming $field, and nothing logged', async ({ method, params, field }) => {
    session = await sessionWithDocument();
    const answer = await session.request(7, method, params);
    expect(answer).toMatchObject({ id: 7, error: { code: -32602 } });
    expect((answer['error'] as { message: string }).message).toContain(`${field} must be`);
    // Still serving: the same request with good params is answered.
    expect(await session.request(8, 'textDocument/hover', { textDocument, position })).toMatchObject({ id: 8, result: { contents: {} } });
    expect(logLines(session)).toEqual([]);
  });
});

describe('a notification whose params do not have the shape its method takes', () => {
  it.each([
    { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'sla', version: 2, text: null } }, field: 'params.textDocument.text' },
    { method: 'textDocument/didOpen', params: null, field: 'params' },
    { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: null }, field: 'params.contentChanges' },
    { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: 5 }] }, field: 'params.contentChanges[0]' },
    {
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: position }, text: '' }] },
      field: 'params.contentChanges[0]',
    },
    { method: 'textDocument/didChange', params: { textDocument: { uri }, contentChanges: [{ text: '' }] }, field: 'params.textDocument.version' },
    { method: 'textDocument/didClose', params: { textDocument: null }, field: 'params.textDocument' },
    { method: 'workspace/didChangeWatchedFiles', params: { changes: null }, field: 'params.changes' },
    { method: '$/cancelRequest', params: {}, field: 'params.id' },
  ])('$method with $params is dropped, with one line naming $field in the log and no stack trace', async ({ method, params, field }) => {
    session = await sessionWithDocument();
    session.send({ method, params });
    const line = await session.waitFor((m) => m['method'] === 'window/logMessage');
    expect((line['params'] as { message: string }).message).toContain(`'${method}': ${field}`);
    // The document is as it was: open, with its text (a hover on its calendar still answers).
    expect(await session.request(8, 'textDocument/hover', { textDocument, position })).toMatchObject({ id: 8, result: { contents: {} } });
    expect(logLines(session)).toHaveLength(1);
    expect(logLines(session).filter((message) => stackFrame.test(message))).toEqual([]);
  });
});

/** Writes `body` as one message with its Content-Length header, as it is. */
function sendBody(opened: StdioSession, body: string): void {
  opened.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

describe('a message that is not a JSON-RPC message', () => {
  it.each([
    { body: '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover",', code: -32700, id: null, what: 'JSON cut short' },
    { body: '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover"', code: -32700, id: null, what: 'no closing brace' },
    { body: 'Content-Length', code: -32700, id: null, what: 'not JSON at all' },
    { body: '[1,2]', code: -32600, id: null, what: 'JSON, but an array' },
    { body: '{"jsonrpc":"2.0","id":99}', code: -32600, id: 99, what: 'an id with neither method nor result' },
    { body: '{"jsonrpc":"2.0","id":99,"method":7}', code: -32600, id: 99, what: 'a method that is not a string' },
  ])('$what: answered with $code (id $id), and the session goes on', async ({ body, code, id }) => {
    session = await sessionWithDocument();
    sendBody(session, body);
    const answer = await session.waitFor((m) => 'error' in m && !('method' in m));
    expect(answer).toMatchObject({ id, error: { code } });
    expect(await session.request(8, 'textDocument/hover', { textDocument, position })).toMatchObject({ id: 8, result: { contents: {} } });
  });
});
