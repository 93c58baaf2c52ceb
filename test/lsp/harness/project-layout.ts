import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Writes a project folder beside a folder it must not read from, under a
 * fresh temporary root: `layout` maps paths to texts ('/' ends a folder),
 * and `project/pipe.sla` is a FIFO (a file the server must never block on).
 * Returns the root; the project is `root/project`.
 */
export function writeProjectLayout(name: string, layout: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), `slac-${name}-`));
  for (const [path, text] of Object.entries(layout)) {
    if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
  execFileSync('mkfifo', [join(root, 'project', 'pipe.sla')]);
  return root;
}
