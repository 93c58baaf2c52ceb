import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundleServer } from './harness/client.js';

/** One JSON-RPC message with its Content-Length header. */
function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * The JSON bodies of the whole messages in what the server wrote so far: a
 * message whose body has not all come yet is left for a later look (parsed
 * half-read, it threw from the poll's timer on a busy machine). Lengths are
 * in bytes, so the output is kept as bytes.
 */
function bodies(output: Buffer): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  let offset = 0;
  for (;;) {
    const headerEnd = output.indexOf('\r\n\r\n', offset);
    if (headerEnd < 0) break;
    const length = /Content-Length: (\d+)/.exec(output.subarray(offset, headerEnd).toString());
    if (!length) break;
    const start = headerEnd + 4;
    const end = start + Number(length[1]);
    if (end > output.length) break;
    found.push(JSON.parse(output.subarray(start, end).toString()) as Record<string, unknown>);
    offset = end;
  }
  return found;
}

// The protocol: until the server has answered `initialize`, any request gets
// error -32002 (ServerNotInitialized), and it is not handled.
describe('a request before initialize', () => {
  it('is answered with error -32002, and initialize still works after it', async () => {
    const server = spawn(process.execPath, [await bundleServer(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = Buffer.alloc(0);
    server.stdout.on('data', (chunk: Buffer) => (output = Buffer.concat([output, chunk])));
    const answered = (id: number) =>
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (bodies(output).some((body) => body['id'] === id)) {
            clearInterval(poll);
            resolve();
          }
        }, 10);
      });
    server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.sla' }, position: { line: 0, character: 0 } } }));
    await answered(1);
    server.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await answered(2);
    server.kill();
    const [early, initialized] = [bodies(output).find((body) => body['id'] === 1), bodies(output).find((body) => body['id'] === 2)];
    expect(early).toMatchObject({ id: 1, error: { code: -32002 } });
    expect(initialized).toMatchObject({ id: 2, result: { capabilities: expect.any(Object) } });
  });
});
