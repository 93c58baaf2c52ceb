import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { isUri } from './paths.js';
import type { SourceHost } from './source-host.js';

/**
 * Whether `file` lies inside `root` (or is `root` itself), following
 * symbolic links when they exist, so that a link inside the project cannot
 * reach `/etc`.
 */
export function isInsideFolder(file: string, root: string): boolean {
  const inside = (path: string, folder: string): boolean => {
    const step = relative(folder, path);
    return step === '' || (!step.startsWith('..') && !isAbsolute(step));
  };
  if (!inside(resolve(file), resolve(root))) return false;
  try {
    return inside(realpathSync(file), realpathSync(root));
  } catch {
    return true; // no such file yet: the reader says so
  }
}

/**
 * A source host that reads only files inside the project folder (the
 * folder of the file named on the command line, or the editor's workspace
 * folders): an `import "../../etc/shadow.sla"` or an absolute path elsewhere
 * is "cannot read", with the reason, and is never opened. `outside` names
 * the way to allow it, for the message. Buffers named by a URI (an unsaved
 * editor buffer) have no folder and are left to `host`.
 */
export function confinedSourceHost(host: SourceHost, root: string | readonly string[], outside: string): SourceHost {
  const roots = typeof root === 'string' ? [root] : root;
  const refused = (file: string): boolean => !isUri(file) && !roots.some((folder) => isInsideFolder(file, folder));
  return {
    readFile: (file) => (refused(file) ? undefined : host.readFile(file)),
    fileIdentity: (file) => (refused(file) ? undefined : host.fileIdentity?.(file)),
    unreadableReason: (file) => {
      if (refused(file)) return `it is outside ${projectFolders(roots)}; ${outside}`;
      return host.unreadableReason?.(file) ?? 'it does not exist or cannot be read';
    },
  };
}

function projectFolders(roots: readonly string[]): string {
  if (roots.length === 0) return 'every project folder (an unsaved file has none)';
  return roots.length === 1 ? `the project folder ${roots[0]}` : `the project folders ${roots.join(', ')}`;
}
