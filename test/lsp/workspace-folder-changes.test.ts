// A workspace folder added or removed while the server runs (VS Code: "Add
// Folder to Workspace" in a multi-root window, which restarts no server).
// The server offered no workspace folder notifications and kept the folders
// of initialize: a file of the first folder importing one of the added
// folder stayed SLA2010 ("outside the project folders") until the editor
// restarted, and the added folder's files were never indexed. It now
// declares changeNotifications and reads, indexes and re-validates by the
// folders as they are.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWorkspaceFoldersNotification, WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol';
import { uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

const root = mkdtempSync(join(tmpdir(), 'slac-folder-changes-'));
const project = join(root, 'project');
const shared = join(root, 'shared');
mkdirSync(project);
mkdirSync(shared);
const entry = join(project, 'entry.sla');
writeFileSync(join(shared, 'lib.sla'), 'calendar SharedDesk {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n');
writeFileSync(entry, 'import "../shared/lib.sla"\n\nchannel Phone {\n  contact "+1 555"\n  hours SharedDesk\n}\n');

const client = useServer(undefined, () => ({ folders: [project] }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folder = (path: string) => ({ uri: uriOf(path), name: path.split('/').pop()! });
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code);
/**
 * The entry's next diagnostics as an open document (with its version). The
 * first scan of the folders also queues the entry as a closed file: published
 * before the open, without a version, that copy could pass for the open's and
 * leave the open's own to pass for the answer to a folder change.
 */
const openEntryDiagnostics = () => client().diagnostics(uriOf(entry), (params) => params.version !== undefined);

/** Sends a folder change and waits for the entry's diagnostics that follow. */
async function changeFolders(event: { added: string[]; removed: string[] }): Promise<unknown[]> {
  const published = openEntryDiagnostics();
  await client().connection.sendNotification(DidChangeWorkspaceFoldersNotification.method, {
    event: { added: event.added.map(folder), removed: event.removed.map(folder) },
  });
  return codes(await published);
}

const sharedDeskSymbols = async (): Promise<string[]> => {
  const found = (await client().connection.sendRequest(WorkspaceSymbolRequest.method, { query: 'SharedDesk' })) as SymbolInformation[];
  return found.map((symbol) => symbol.location.uri);
};

beforeAll(async () => {
  const published = openEntryDiagnostics();
  await client().open(uriOf(entry), readFileSync(entry, 'utf8'));
  expect(codes(await published)).toContain('SLA2010');
});

describe('workspace folders changed while the server runs', () => {
  it('says it takes the notifications', () => {
    expect(client().capabilities.workspace?.workspaceFolders).toEqual({ supported: true, changeNotifications: true });
  });

  it('an added folder may be imported from, and its files are indexed', async () => {
    expect(await changeFolders({ added: [shared], removed: [] })).toEqual([]);
    expect(await sharedDeskSymbols()).toEqual([uriOf(join(shared, 'lib.sla'))]);
  });

  it('a removed folder is outside again, and its files leave the index', async () => {
    expect(await changeFolders({ added: [], removed: [shared] })).toContain('SLA2010');
    expect(await sharedDeskSymbols()).toEqual([]);
  });
});
