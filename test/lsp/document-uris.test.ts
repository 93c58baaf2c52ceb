// A document URI that is not a URI: no scheme and not an absolute path
// ('agreement.sla', 'not a uri', '', and off Windows 'C:\x.sla'). The
// server took it for a path relative to its own working folder, refused to
// read that (SLA2010, under the other name), published no diagnostics for
// the buffer and answered every request about it with null: the document
// was silently never analysed. Its didOpen is now dropped with one line in
// the client's log naming the field, and a request about it is -32602.
import { describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { paramsProblem } from '../../lsp/server/param-shapes.js';
import { useServer } from './harness/session.js';

const client = useServer();
const text = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';

describe('a document URI that is not a URI', () => {
  // A %-escape that decodes to no character (`%ZZ`, a lone `%C3`) made every request about the buffer fail with a URIError and its stack in the log.
  it.each(['not a uri', 'relative/agreement.sla', '', 'file:///tmp/%ZZ.sla', 'file:///tmp/%C3.sla', 'file:///tmp/%E0%A4%A.sla', ...(process.platform === 'win32' ? [] : ['C:\\x.sla'])])('%j: the open is logged as dropped, a hover is -32602', async (uri) => {
    await client().open(uri, text);
    const hover = client().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 10 } });
    await expect(hover).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('params.textDocument.uri must be a URI') });
    expect(client().logs.some((line) => line.includes("dropped a notification. Invalid params for 'textDocument/didOpen': params.textDocument.uri must be a URI"))).toBe(true);
  });

  // `%2F` is a `/` inside one path segment: no file name holds one, and the
  // server took the URI for an unsaved buffer, accepted the open and answered
  // null to every request. A `file:` URI must name a file, as Node reads it.
  it.each([
    ['file:///tmp/a%2Fb.sla', 'encoded / characters'],
    ['file:///tmp/a%2fb.sla', 'encoded / characters'],
    ...(process.platform === 'win32' ? [] : [['file://server/share/a.sla', 'host must be "localhost" or empty']]),
  ])('%j: the open is logged as dropped, a hover is -32602 saying why', async (uri, why) => {
    await client().open(uri, text);
    const hover = client().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 10 } });
    await expect(hover).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('params.textDocument.uri must be a file: URI that names a file') });
    await expect(hover).rejects.toMatchObject({ message: expect.stringContaining(why) });
    expect(client().logs.some((line) => line.includes(`dropped a notification. Invalid params for 'textDocument/didOpen': params.textDocument.uri must be a file: URI that names a file`))).toBe(true);
  });

  it.each([
    'file:///tmp/a.sla',
    'file://localhost/tmp/a.sla',
    'FILE:///tmp/a.sla',
    'file:///c%3A/x.sla',
    'untitled:Untitled-1',
    'vscode-notebook-cell:/x.sla#1',
    '/tmp/a.sla',
  ])('%j is taken', (uri) => {
    expect(paramsProblem('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeUndefined();
  });
});
