import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundleServer, startClient, type TestClient } from './client.js';
import { readExample, uriOf, example } from './cursor.js';

let bundle: Promise<string> | undefined;

/** The esbuild bundle of the server, made once per test file. */
export function serverBundle(): Promise<string> {
  bundle ??= bundleServer();
  return bundle;
}

/**
 * Starts one server for the test file (beforeAll) and shuts it down
 * (afterAll). Returns a getter, since the client exists only once started.
 */
export function useServer(): () => TestClient {
  let client: TestClient | undefined;
  beforeAll(async () => {
    client = await startClient([await serverBundle(), '--stdio']);
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
