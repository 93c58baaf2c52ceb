import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { bundleServer, startClient, type TestClient, type WorkspaceOptions } from './client.js';
import { readExample, repoRoot, uriOf, example } from './cursor.js';

let bundle: Promise<string> | undefined;

/** The esbuild bundle of the server, made once per test file. */
export function serverBundle(): Promise<string> {
  bundle ??= bundleServer();
  return bundle;
}

/**
 * Starts one server for the test file (beforeAll) and shuts it down
 * (afterAll). Returns a getter, since the client exists only once started.
 * `initializationOptions` go to the server as an editor would send them;
 * `workspace` (called once the test file's own beforeAll hooks have run)
 * names the workspace folders; `clientCapabilities` replace those of the
 * usual editor.
 */
export function useServer(initializationOptions?: object, workspace?: () => WorkspaceOptions, clientCapabilities?: ClientCapabilities): () => TestClient {
  let client: TestClient | undefined;
  beforeAll(async () => {
    client = await startClient([await serverBundle(), '--stdio'], initializationOptions, workspace?.(), clientCapabilities);
  });
  afterAll(async () => {
    await client?.dispose();
    if (bundle) rmSync(dirname(await bundle), { recursive: true, force: true });
  });
  return () => {
    if (!client) throw new Error('the server has not started');
    return client;
  };
}

/** An example file as an open document: its URI and text, and a way to open it. */
export interface OpenExample {
  uri: string;
  text: string;
}

/** Opens an example (by its path under examples/) and waits for its first diagnostics. */
export async function openExample(client: TestClient, name: string, text = readExample(name)): Promise<OpenExample> {
  const uri = uriOf(example(name));
  const diagnostics = client.diagnostics(uri);
  await client.open(uri, text);
  await diagnostics;
  return { uri, text };
}

/** The absolute path of a file under test/lsp/fixtures/. */
export function fixture(name: string): string {
  return resolve(repoRoot, 'test', 'lsp', 'fixtures', name);
}

/** Opens a fixture (by its path under test/lsp/fixtures/) and waits for its first diagnostics. */
export async function openFixture(client: TestClient, name: string, text = readFileSync(fixture(name), 'utf8')): Promise<OpenExample> {
  const uri = uriOf(fixture(name));
  const diagnostics = client.diagnostics(uri);
  await client.open(uri, text);
  await diagnostics;
  return { uri, text };
}
