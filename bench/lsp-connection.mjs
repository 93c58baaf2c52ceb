// The built language server (dist/lsp/server/stdio.js) started over stdio,
// as an editor starts it, for the language-server benchmarks (bench/lsp.mjs,
// bench/lsp-large.mjs): the connection initialised, and a promise per
// version of a document for its published diagnostics.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Exits with a line naming `bench` when the server is not built. */
export function requireBuiltServer(bench) {
  const server = join(root, 'dist', 'lsp', 'server', 'stdio.js');
  if (existsSync(server)) return server;
  process.stderr.write(`${bench}: dist/lsp/server/stdio.js is missing; run \`npm run build\` first.\n`);
  process.exit(2);
}

/**
 * Starts the server and initialises it. `published(uri, version)` resolves
 * with the diagnostics the server publishes for that version of the
 * document (one wait at a time); `close()` ends the connection and the
 * server.
 */
export async function startBuiltServer(server) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onDiagnostics = () => {};
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => onDiagnostics(params));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  const published = (uri, version) =>
    new Promise((resolve) => {
      onDiagnostics = (params) => {
        if (params.uri === uri && params.version === version) resolve(params);
      };
    });
  const close = () => {
    connection.dispose();
    child.kill();
  };
  return { connection, published, close };
}
