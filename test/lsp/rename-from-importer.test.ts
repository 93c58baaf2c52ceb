// A name declared in an imported file, asked about from a file importing it:
// references and rename looked only through the files reading the file the
// cursor was in, so a sibling importer was missed. In examples/multilevel,
// renaming the metric Resolution from hr.sla (`of Resolution`) or from
// finance.sla (`override metric Resolution`) renamed corporate.sla and the
// file asked from, and left the other department's file naming a metric that
// no longer exists (`slac validate`: SLA2001 Unknown metric, or SLA2005
// override replaces nothing). Every file reading the declaring file counts.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferencesRequest, RenameRequest, type Location, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { at, example, uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

const folder = mkdtempSync(join(tmpdir(), 'slac-rename-importer-'));
cpSync(dirname(example('multilevel/corporate.sla')), folder, { recursive: true });
const texts = Object.fromEntries(['finance.sla', 'hr.sla'].map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

const client = useServer(undefined, () => ({ folders: [folder] }));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(async () => {
  // The two importers are open; corporate.sla, which declares Resolution, stays closed.
  for (const name of ['finance.sla', 'hr.sla']) {
    const published = client().diagnostics(uriOf(join(folder, name)));
    await client().open(uriOf(join(folder, name)), texts[name]!);
    await published;
  }
});

const CURSORS = [
  { file: 'hr.sla', cursor: 'at 100% of Res|olution' },
  { file: 'finance.sla', cursor: 'override metric Res|olution' },
  { file: 'finance.sla', cursor: 'at 75% of Res|olution' },
];
// Every naming of Resolution in the three files: declaration, override, four references.
const EVERY_NAMING = { 'corporate.sla': 1, 'finance.sla': 3, 'hr.sla': 1 };

const fileOf = (uri: string): string => uri.split('/').pop()!;
const countByFile = (uris: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const uri of uris) counts[fileOf(uri)] = (counts[fileOf(uri)] ?? 0) + 1;
  return counts;
};

describe('a name of an imported file, from one of the files importing it', () => {
  it.each(CURSORS)('references from $file ($cursor) reach every importer', async ({ file, cursor }) => {
    const locations = (await client().connection.sendRequest(ReferencesRequest.method, {
      textDocument: { uri: uriOf(join(folder, file)) },
      position: at(texts[file]!, cursor),
      context: { includeDeclaration: true },
    })) as Location[];
    expect(countByFile(locations.map((location) => location.uri))).toEqual(EVERY_NAMING);
  });

  it.each(CURSORS)('rename from $file ($cursor) edits every importer', async ({ file, cursor }) => {
    const edit = (await client().connection.sendRequest(RenameRequest.method, {
      textDocument: { uri: uriOf(join(folder, file)) },
      position: at(texts[file]!, cursor),
      newName: 'TimeToResolve',
    })) as WorkspaceEdit;
    const uris = Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map(() => uri));
    expect(countByFile(uris)).toEqual(EVERY_NAMING);
  });
});
