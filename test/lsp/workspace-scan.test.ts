import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkspaceIndex } from '../../lsp/services/workspace-index.js';
import { MAX_INDEXED_FILE_BYTES, MAX_INDEXED_FILES } from '../../lsp/services/workspace-scan.js';

// The workspace index's bounds, with small limits so the folders stay small:
// what a scan skips, where it stops when full, and what it leaves out for size.
const folder = mkdtempSync(join(tmpdir(), 'slac-scan-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const layout: Record<string, number> = {
  'top.sla': 10,
  'a/one.sla': 10,
  'a/deep/two.sla': 10,
  'b/three.sla': 10,
  'b/huge.sla': 200,
  'node_modules/pkg/dep.sla': 10,
  '.git/objects/obj.sla': 10,
  '.cache/hidden.sla': 10,
};
for (const [path, bytes] of Object.entries(layout)) {
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), 'x'.repeat(bytes));
}
// A link to the folder itself: followed, the walk would never end.
symlinkSync(folder, join(folder, 'a', 'loop'), 'dir');

const indexed = async (maxFiles: number) => {
  const index = new WorkspaceIndex({ maxFiles, maxFileBytes: 100 });
  await index.addFolders([folder]);
  const rel = (file: string) => relative(folder, file);
  return { files: index.list().map(rel), fullAt: index.limitsHit.fullAt && rel(index.limitsHit.fullAt), tooLarge: index.limitsHit.tooLarge.map(rel) };
};

describe('the workspace scan', () => {
  it('skips node_modules, hidden folders and symbolic links, and files over the size limit', async () => {
    expect(await indexed(100)).toEqual({ files: ['a/deep/two.sla', 'a/one.sla', 'b/three.sla', 'top.sla'], fullAt: undefined, tooLarge: ['b/huge.sla'] });
  });

  it.each([
    [1, ['top.sla'], 'a/one.sla'],
    [3, ['a/one.sla', 'b/three.sla', 'top.sla'], 'a/deep/two.sla'],
  ])('stops at %i files, the nearest the folder first, and says where', async (maxFiles, files, fullAt) => {
    expect(await indexed(maxFiles)).toMatchObject({ files, fullAt });
  });

  it('takes a created file only within the limits', async () => {
    const index = new WorkspaceIndex({ maxFiles: 4, maxFileBytes: 100 });
    await index.addFolders([folder]);
    writeFileSync(join(folder, 'late.sla'), 'x');
    index.created(join(folder, 'late.sla'));
    expect(index.has(join(folder, 'late.sla'))).toBe(false);
    expect(index.limitsHit.fullAt).toBe(join(folder, 'late.sla'));
  });

  it('leaves out a created file in a folder the scan skips', async () => {
    const index = new WorkspaceIndex({ maxFiles: 100, maxFileBytes: 100 });
    await index.addFolders([folder]);
    for (const path of ['node_modules/pkg/new.sla', '.git/new.sla', 'a/new.sla']) {
      writeFileSync(join(folder, path), 'x');
      index.created(join(folder, path));
    }
    expect(['node_modules/pkg/new.sla', '.git/new.sla', 'a/new.sla'].map((path) => index.has(join(folder, path)))).toEqual([false, false, true]);
  });

  it('documents its limits: 5,000 files of at most 1 MiB', () => {
    expect([MAX_INDEXED_FILES, MAX_INDEXED_FILE_BYTES]).toEqual([5_000, 1024 * 1024]);
  });
});
