import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ClientCapabilities,
  type ProtocolConnection,
  type ServerCapabilities,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './cursor.js';

/**
 * Bundles `lsp/server/stdio.ts` with esbuild into a temporary folder, so the
 * tests run the server from the TypeScript sources without `npm run build`
 * (and without waiting for the whole tree to type-check). The bundle is the
 * same entry module the VS Code extension ships.
 */
export async function bundleServer(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'slac-lsp-')), 'server.mjs');
  await build({
    entryPoints: [join(repoRoot, 'lsp', 'server', 'stdio.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __slacRequire } from 'node:module'; const require = __slacRequire(import.meta.url);" },
  });
  return outfile;
}

/** The workspace a client opens: its folders, and whether it lets the server watch files. */
export interface WorkspaceOptions {
  folders: string[];
  watchFiles?: boolean;
}

/** A real LSP client talking JSON-RPC to a spawned server process. */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  exited = false;
  /** What the server said it can do, in its initialize answer. */
  capabilities: ServerCapabilities = {};
  /** The capabilities the server registered dynamically (client/registerCapability). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  constructor(readonly process: ChildProcess) {
    process.stderr?.on('data', (chunk) => this.stderr.push(String(chunk)));
    process.on('exit', () => (this.exited = true));
    this.connection = createProtocolConnection(
      new StreamMessageReader(process.stdout!),
      new StreamMessageWriter(process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.listen();
  }

  /**
   * Sends initialize/initialized with the capabilities an editor has (or
   * exactly `clientCapabilities`, for a plainer client); with `workspace`,
   * the workspace folders (absolute paths) and whether the client lets the
   * server register file watchers.
   */
  async initialize(initializationOptions?: object, workspace?: WorkspaceOptions, clientCapabilities?: ClientCapabilities): Promise<void> {
    const folders = workspace?.folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: basename(folder) })) ?? null;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      ...(initializationOptions ? { initializationOptions } : {}),
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: clientCapabilities ?? {
        ...(workspace?.watchFiles ? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } : {}),
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    this.capabilities = result.capabilities;
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string, languageId = 'sla'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /**
   * Sends what `send` sends in one write to the pipe (the writes are held
   * back until all are made), so the server reads them together, as it
   * does when an editor sends a burst: what makes a test of cancellation
   * deterministic. Returns what `send` returned (its pending requests).
   */
  async together<T>(send: () => T): Promise<T> {
    const stdin = this.process.stdin!;
    const write = stdin.write;
    const held: Buffer[] = [];
    // The message writer awaits each write's callback before the next: report them done at once, write them later.
    stdin.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      held.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8') : Buffer.from(chunk));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }) as typeof stdin.write;
    let sent: T;
    try {
      sent = send();
      // The writer queues each message on a timer turn: let them all arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stdin.write = write;
    }
    stdin.write(Buffer.concat(held));
    return sent;
  }

  /** The diagnostics last published for `uri`, or undefined when none were. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  versionOf(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * The next diagnostics published for `uri` that satisfy `accept` (by
   * default: any). Resolves with the latest already-received ones if they do.
   */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve: (p) => resolve(p.diagnostics) }));
  }

  /** Diagnostics for `uri` published for exactly the current version. */
  currentDiagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.versionOf(uri);
    const latest = this.latest.get(uri);
    if (latest && latest.version === version) return Promise.resolve(latest.diagnostics);
    return this.diagnostics(uri, (p) => p.version === version);
  }

  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
    }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }
}

/**
 * Spawns `node SERVER --stdio` (the bundle, or `bin/slac.js lsp`) and
 * initializes it, with `initializationOptions` when given (`{ today:
 * '2026-06-15' }` fixes the server's "today").
 */
export async function startClient(
  command: string[],
  initializationOptions?: object,
  workspace?: WorkspaceOptions,
  clientCapabilities?: ClientCapabilities,
): Promise<TestClient> {
  const child = spawn(process.execPath, command, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  const client = new TestClient(child);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before initializing: ${client.stderr.join('')}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([client.initialize(initializationOptions, workspace, clientCapabilities), exited]);
  return client;
}
