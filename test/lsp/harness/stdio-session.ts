import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './cursor.js';

/** One JSON-RPC message with its Content-Length header. */
export function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * `slac lsp --stdio` of the built CLI (bin/slac.js running dist/), driven
 * byte by byte: for what the transport itself does (the end of the input,
 * messages out of the protocol's order), which a client library would
 * smooth over.
 */
export class StdioSession {
  readonly server: ChildProcessWithoutNullStreams;
  /** Every message the server wrote, in order. */
  readonly received: Record<string, unknown>[] = [];
  /** The exit code, once the server has exited. */
  readonly exited: Promise<number | null>;
  /** Everything the server wrote to standard error. */
  stderr = '';
  private output = Buffer.alloc(0);

  constructor() {
    this.server = spawn(process.execPath, [join(repoRoot, 'bin', 'slac.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdin.on('error', () => undefined);
    this.server.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.server.once('exit', (code) => resolve(code)));
  }

  send(message: object): void {
    this.server.stdin.write(frame({ jsonrpc: '2.0', ...message }));
  }

  /** The first message (already received or to come) that `accept` takes; rejects after `ms`. */
  async waitFor(accept: (message: Record<string, unknown>) => boolean, ms = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.find(accept);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such message within ${ms} ms; received ${JSON.stringify(this.received)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Sends a request and waits for its answer (for at most `ms`: a bound for a server that never answers, not a measure). */
  request(id: number, method: string, params: unknown, ms?: number): Promise<Record<string, unknown>> {
    this.send({ id, method, params });
    return this.waitFor((message) => message['id'] === id && !('method' in message), ms);
  }

  /** initialize (with a live processId: the library's watchdog then keeps the process up) and initialized. */
  async initialize(): Promise<void> {
    await this.request(1_000, 'initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
    this.send({ method: 'initialized', params: {} });
  }

  /** The exit code, or 'still running' when the server has not exited within `ms`. */
  exitCodeWithin(ms: number): Promise<number | null | 'still running'> {
    return Promise.race([this.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
  }

  kill(): void {
    if (this.server.exitCode === null) this.server.kill();
  }

  private read(chunk: Buffer): void {
    this.output = Buffer.concat([this.output, chunk]);
    for (;;) {
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(this.output.subarray(0, 64).toString('latin1'));
      if (!header) return;
      const end = header[0].length + Number(header[1]);
      if (this.output.length < end) return;
      this.received.push(JSON.parse(this.output.subarray(header[0].length, end).toString('utf8')) as Record<string, unknown>);
      this.output = this.output.subarray(end);
    }
  }
}
