import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InitializedNotification, InitializeRequest, type InitializeParams } from 'vscode-languageserver-protocol/node';
import { CliSources } from '../../cli/source-files.js';
import { analyze } from '../../language/workspace/index.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { TestClient } from './harness/client.js';
import { uriOf } from './harness/cursor.js';
import { writeProjectLayout } from './harness/project-layout.js';
import { serverBundle } from './harness/session.js';

/** A project folder beside a folder it must not read from, as files and their texts ('/' ends a folder). */
const layout: Record<string, string> = {
  'outside/secret.sla': 'calendar Secret {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n',
  'project/shared.sla': 'severity Shared {\n  default\n}\n',
  'project/sub.sla/': '',
};
const root = writeProjectLayout('confinement', layout);
const project = join(root, 'project');
const secret = join(root, 'outside', 'secret.sla');
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  rmSync(dirname(await serverBundle()), { recursive: true, force: true });
});

// the server said SLA2003 "Cannot find the imported file" where
// `slac validate` says SLA2010 and why the file cannot be read.
describe('an import the editor cannot read is reported as slac validate reports it', () => {
  it.each([
    { imported: '../outside/secret.sla', code: 'SLA2010', reason: `it is outside the project folder ${project}` },
    { imported: secret, code: 'SLA2010', reason: `it is outside the project folder ${project}` },
    { imported: 'sub.sla', code: 'SLA2010', reason: 'it is a folder, not a file' },
    { imported: 'pipe.sla', code: 'SLA2010', reason: 'it is not a regular file (a device, a pipe or a socket)' },
    { imported: 'missing.sla', code: 'SLA2003', reason: undefined },
    { imported: 'shared.sla', code: undefined, reason: undefined },
  ])('import "$imported": $code', ({ imported, code, reason }) => {
    const entry = join(project, 'entry.sla');
    const text = `import "${imported}"\nseverity High {\n  default\n}\n`;
    const workspace = new SlaWorkspace();
    workspace.host.setRoots([project]);
    workspace.update(entry, text);
    const server = workspace.analysisOf(entry).diagnostics.filter((d) => d.range.start.line === 0);
    writeFileSync(entry, text);
    const cli = analyze(entry, new CliSources(entry, false, process.cwd()).host).diagnostics.filter((d) => d.range.start.line === 0);
    expect(server.map((d) => d.code)).toEqual(code ? [code] : []);
    expect(server.map((d) => d.code)).toEqual(cli.map((d) => d.code));
    // The same words up to the way to allow it (a flag on the command line, a folder in the editor).
    const upToHint = (message: string) => message.split(';')[0];
    expect(server.map((d) => upToHint(d.message))).toEqual(cli.map((d) => upToHint(d.message)));
    if (reason) expect(server[0]!.message).toContain(reason);
  });
});

/** Starts the server with these initialize params, as an editor would send them. */
async function startWith(params: Partial<InitializeParams>): Promise<TestClient> {
  const client = new TestClient(spawn(process.execPath, [await serverBundle(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, capabilities: {}, rootUri: null, workspaceFolders: null, ...params });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}

const importer = join(project, 'conf.sla');
const importerText = 'import "../outside/secret.sla"\nseverity High {\n  default\n}\n';
const projectFolder = () => ({ rootUri: uriOf(project), workspaceFolders: [{ uri: uriOf(project), name: 'project' }] });

// imports reached outside the project folder in ordinary editor setups.
describe('imports stay inside the project folder in every editor setup', () => {
  let client: TestClient | undefined;
  beforeAll(async () => void (await serverBundle()));
  afterEach(async () => client?.dispose());

  it.each([
    { setup: 'a workspace folder', params: projectFolder() },
    { setup: 'a lone file (no root, no folders): its own folder', params: {} },
    { setup: 'only a folder that is not on disk (vscode-vfs:)', params: { workspaceFolders: [{ uri: 'vscode-vfs://github/x/y', name: 'remote' }] } },
    { setup: 'a second initialize without folders (refused)', params: projectFolder(), initializeAgain: true },
    { setup: 'the outside file open in the editor', params: projectFolder(), openOutside: true },
  ])('$setup', async ({ params, initializeAgain, openOutside }) => {
    client = await startWith(params);
    if (initializeAgain) {
      const again = client.connection.sendRequest(InitializeRequest.type, { processId: null, capabilities: {}, rootUri: null, workspaceFolders: null });
      await expect(again).rejects.toMatchObject({ code: -32600 });
    }
    if (openOutside) await client.open(uriOf(secret), layout['outside/secret.sla']!);
    const published = client.diagnostics(uriOf(importer));
    await client.open(uriOf(importer), importerText);
    expect((await published).map((d) => [d.code, d.message])).toEqual([
      ['SLA2010', expect.stringContaining(`Cannot read the file '../outside/secret.sla': it is outside the project folder ${project}`)],
    ]);
  });
});
