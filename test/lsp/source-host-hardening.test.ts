import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SlaWorkspace } from '../../lsp/services/workspace.js';

/** Issue 13: the language server reads only regular files of a bounded size, inside the workspace folders. */
describe('the language server reads files from disk safely', () => {
  const outside = mkdtempSync(join(tmpdir(), 'slac-lsp-outside-'));
  const project = mkdtempSync(join(tmpdir(), 'slac-lsp-project-'));
  writeFileSync(join(outside, 'secret.sla'), 'severity Secret { default }\n');
  writeFileSync(join(project, 'shared.sla'), 'severity Shared { default }\n');
  symlinkSync(join(outside, 'secret.sla'), join(project, 'link.sla'));
  execFileSync('mkfifo', [join(project, 'pipe.sla')]);

  it('reads inside the workspace folder, not outside it, nor through a link that leads out', () => {
    const workspace = new SlaWorkspace();
    workspace.setRoots([project]);
    const host = workspace.host.forEntry(join(project, 'a.sla'));
    expect(host.readFile(join(project, 'shared.sla'))).toContain('Shared');
    expect(host.readFile(join(outside, 'secret.sla'))).toBeUndefined();
    expect(host.readFile(join(project, 'link.sla'))).toBeUndefined();
  });

  it('an import outside the workspace folder is reported, and its declarations are not used', () => {
    const workspace = new SlaWorkspace();
    workspace.setRoots([project]);
    const entry = join(project, 'a.sla');
    workspace.update(entry, `import "${join(outside, 'secret.sla')}"\n`);
    // SLA2010 with the reason, as `slac validate` says it (it was SLA2003, "cannot find").
    expect(workspace.analysisOf(entry).diagnostics.map((d) => d.code)).toContain('SLA2010');
  });

  it('never reads a device or a FIFO (either would hang the server)', () => {
    const workspace = new SlaWorkspace();
    expect(workspace.host.readFile('/dev/zero')).toBeUndefined();
    expect(workspace.host.readFile(join(project, 'pipe.sla'))).toBeUndefined();
  });
});
