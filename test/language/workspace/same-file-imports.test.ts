import { linkSync, mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';
import { SlaWorkspace } from '../../../lsp/services/workspace.js';

// A file reached through two paths that are the same file is read and
// counted once (docs/language.md "Imports"): the loader asks the host for
// each file's identity (device and inode on disk), not only its path.

const shared = 'calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 }\nseverity S { default }\n';
const agreement = 'agreement A { provider "P" client "C" }\nmetric M { measures resolution clock Office target S 4 hours }\n';

/** A folder holding shared.sla and `second` as another path to it, made by `link`. */
function folderWithSecondPath(second: string, link: (target: string, path: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-same-file-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'shared.sla'), shared);
  link(join(dir, 'shared.sla'), join(dir, second));
  return dir;
}

const secondPaths: { how: string; second: string; link: (target: string, path: string) => void }[] = [
  { how: 'a symbolic link', second: 'alias.sla', link: (target, path) => symlinkSync(target, path) },
  { how: 'a relative symbolic link in a subfolder', second: 'sub/alias.sla', link: (_target, path) => symlinkSync('../shared.sla', path) },
  { how: 'a hard link', second: 'hard.sla', link: (target, path) => linkSync(target, path) },
];

describe('a file imported through two paths', () => {
  it.each(secondPaths)('through $how is read and counted once', ({ second, link }) => {
    const dir = folderWithSecondPath(second, link);
    writeFileSync(join(dir, 'entry.sla'), `import "shared.sla"\nimport "${second}"\n${agreement}`);
    const analysis = analyze(join(dir, 'entry.sla'));
    expect(analysis.diagnostics.map((d) => d.code)).toEqual([]);
    expect([...analysis.files.keys()].sort()).toEqual([join(dir, 'entry.sla'), join(dir, 'shared.sla')]);
  });

  it('is known by the path that reached it first, whichever comes first', () => {
    const dir = folderWithSecondPath('alias.sla', (target, path) => symlinkSync(target, path));
    writeFileSync(join(dir, 'entry.sla'), `import "alias.sla"\nimport "shared.sla"\n${agreement}`);
    const analysis = analyze(join(dir, 'entry.sla'));
    expect(analysis.diagnostics).toEqual([]);
    expect([...analysis.files.keys()].sort()).toEqual([join(dir, 'alias.sla'), join(dir, 'entry.sla')]);
  });

  it('that closes a cycle through a link is a cycle (SLA2004), not a second file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-same-file-'));
    writeFileSync(join(dir, 'entry.sla'), `import "self.sla"\n${shared}${agreement}`);
    symlinkSync(join(dir, 'entry.sla'), join(dir, 'self.sla'));
    expect(analyze(join(dir, 'entry.sla')).diagnostics.map((d) => d.code)).toEqual(['SLA2004']);
  });

  it('in the editor, reads the unsaved buffer of the linked file, and follows a link that is re-pointed', () => {
    const dir = folderWithSecondPath('alias.sla', (target, path) => symlinkSync(target, path));
    const entry = join(dir, 'entry.sla');
    writeFileSync(join(dir, 'other.sla'), shared);
    const workspace = new SlaWorkspace();
    workspace.update(entry, `import "alias.sla"\nimport "shared.sla"\n${agreement}`);
    expect(workspace.analysisOf(entry).diagnostics).toEqual([]);
    // An unsaved edit of shared.sla reaches the analysis through alias.sla, the path read first.
    workspace.update(join(dir, 'shared.sla'), shared.replace('severity S', 'severity T'));
    expect(workspace.analysisOf(entry).diagnostics.map((d) => d.code)).toContain('SLA3008');
    workspace.close(join(dir, 'shared.sla'));
    expect(workspace.analysisOf(entry).diagnostics).toEqual([]);
    // alias.sla now names another file with the same text: two files, each declaring Office and S.
    unlinkSync(join(dir, 'alias.sla'));
    symlinkSync(join(dir, 'other.sla'), join(dir, 'alias.sla'));
    workspace.invalidate();
    expect(workspace.analysisOf(entry).diagnostics.map((d) => d.code)).toEqual(['SLA2002', 'SLA2002']);
  });
});
