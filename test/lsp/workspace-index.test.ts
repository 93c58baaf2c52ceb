import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ReferencesRequest,
  RenameRequest,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits, at, rangeOfText, uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';
import { example } from './harness/cursor.js';

// The workspace folders as an editor opens them: every `.sla` under them is
// indexed, so references, rename and diagnostics reach the files that are
// not open, and watched-file events keep the index up to date.
const folder = mkdtempSync(join(tmpdir(), 'slac-workspace-'));
cpSync(join(example('multilevel/corporate.sla'), '..'), folder, { recursive: true });
const corporateFile = join(folder, 'corporate.sla');
const financeFile = join(folder, 'finance.sla');
const hrFile = join(folder, 'hr.sla');
const corporateText = readFileSync(corporateFile, 'utf8');
const financeText = readFileSync(financeFile, 'utf8');

const client = useServer(undefined, () => ({ folders: [folder], watchFiles: true }));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const request = <R>(type: { method: string }, params: object): Promise<R> => client().connection.sendRequest(type.method, params) as Promise<R>;
const fileNames = (locations: Location[]) => [...new Set(locations.map((l) => l.uri.split('/').pop()))].sort();

beforeAll(async () => {
  // Only corporate.sla is opened; finance.sla (which uses its calendar ServiceDesk) and hr.sla stay closed.
  const diagnostics = client().diagnostics(uriOf(corporateFile));
  await client().open(uriOf(corporateFile), corporateText);
  await diagnostics;
});

describe('the workspace index', () => {
  it('asks the client to watch every .sla file', () => {
    expect(client().registrations).toContainEqual({
      id: expect.any(String),
      method: DidChangeWatchedFilesNotification.method,
      registerOptions: { watchers: [{ globPattern: '**/*.sla' }] },
    });
  });

  it('publishes diagnostics for files nobody opened', async () => {
    const finance = client().lastPublished(uriOf(financeFile)) ?? { diagnostics: await client().diagnostics(uriOf(financeFile)) };
    expect(finance.diagnostics).toEqual([]);
  });

  it('finds references in closed files that import the file', async () => {
    const result = await request<Location[]>(ReferencesRequest.type, {
      textDocument: { uri: uriOf(corporateFile) },
      position: at(corporateText, 'calendar Service|Desk'),
      context: { includeDeclaration: true },
    });
    expect(fileNames(result)).toEqual(['corporate.sla', 'finance.sla']);
    expect(result).toContainEqual({ uri: uriOf(financeFile), range: rangeOfText(financeText, 'ServiceDesk') });
  });

  it('renames in a closed importing file, through the WorkspaceEdit', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, {
      textDocument: { uri: uriOf(corporateFile) },
      position: at(corporateText, 'calendar Service|Desk'),
      newName: 'Desk',
    });
    const financeEdits = edit.changes?.[uriOf(financeFile)] ?? [];
    expect(financeEdits).toEqual([{ range: rangeOfText(financeText, 'ServiceDesk'), newText: 'Desk' }]);
    expect(applyEdits(financeText, financeEdits)).toBe(financeText.replace('clock ServiceDesk', 'clock Desk'));
    expect(Object.keys(edit.changes ?? {}).map((uri) => uri.split('/').pop()).sort()).toEqual(['corporate.sla', 'finance.sla']);
  });

  it('publishes the errors an unsaved edit causes in a closed importing file', async () => {
    const broken = client().diagnostics(uriOf(financeFile), (p) => p.diagnostics.length > 0);
    await client().change(uriOf(corporateFile), corporateText.replace('calendar ServiceDesk', 'calendar Desk'));
    expect((await broken).map((d) => d.code)).toContain('SLA2001');
    const fixed = client().diagnostics(uriOf(financeFile), (p) => p.diagnostics.length === 0);
    await client().change(uriOf(corporateFile), corporateText);
    expect(await fixed).toEqual([]);
  });

  it('indexes a created file and forgets a deleted one', async () => {
    const extraFile = join(folder, 'extra.sla');
    writeFileSync(extraFile, financeText.replace('agreement FinancePayroll', 'agreement Extra'));
    const extraDiagnostics = client().diagnostics(uriOf(extraFile));
    await client().connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(extraFile), type: FileChangeType.Created }],
    });
    expect(await extraDiagnostics).toEqual([]);
    const references = () =>
      request<Location[]>(ReferencesRequest.type, {
        textDocument: { uri: uriOf(corporateFile) },
        position: at(corporateText, 'calendar Service|Desk'),
        context: { includeDeclaration: false },
      });
    expect(fileNames(await references())).toContain('extra.sla');

    unlinkSync(extraFile);
    const cleared = client().diagnostics(uriOf(extraFile));
    await client().connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(extraFile), type: FileChangeType.Deleted }],
    });
    expect(await cleared).toEqual([]);
    expect(fileNames(await references())).toEqual(['corporate.sla', 'finance.sla']);
  });

  it('re-reads a closed file changed on disk', async () => {
    const broken = client().diagnostics(uriOf(hrFile), (p) => p.diagnostics.length > 0);
    writeFileSync(hrFile, readFileSync(hrFile, 'utf8').replace('import "corporate.sla"', 'import "corporat.sla"'));
    await client().connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(hrFile), type: FileChangeType.Changed }],
    });
    expect((await broken).map((d) => d.code)).toContain('SLA2003');
  });
});
