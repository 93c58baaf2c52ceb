import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
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
 * folder): an `import "../../etc/shadow.sla"` or an absolute path elsewhere
 * is "cannot read", with the reason, and is never opened. `outside` names
 * the way to allow it, for the message.
 */
export function confinedSourceHost(host: SourceHost, root: string, outside: string): SourceHost {
  const refused = (file: string): boolean => !/^[a-z][a-z0-9+.-]+:/i.test(file) && !isInsideFolder(file, root);
  return {
    readFile: (file) => (refused(file) ? undefined : host.readFile(file)),
    unreadableReason: (file) => {
      if (refused(file)) return `it is outside the project folder ${root}; ${outside}`;
      return host.unreadableReason?.(file) ?? 'it does not exist or cannot be read';
    },
  };
}
