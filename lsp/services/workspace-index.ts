import { readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** Folders never searched for agreements: dependencies, build output and version control. */
const skippedFolders = new Set(['node_modules', 'dist', 'out', 'build']);

/**
 * Every `.sla` file under the workspace folders, open or not, so that
 * references, rename and diagnostics reach the files nobody has opened (an
 * agreement importing the file being edited). Filled by a scan when the
 * session starts and kept up to date from watched-file events.
 */
export class WorkspaceIndex {
  private readonly folders: string[] = [];
  private readonly files = new Set<string>();

  /** Adds workspace folders (absolute paths) and scans them. */
  addFolders(folders: string[]): void {
    for (const folder of folders.map((f) => resolve(f))) {
      if (this.folders.includes(folder)) continue;
      this.folders.push(folder);
      for (const file of slaFilesUnder(folder)) this.files.add(file);
    }
  }

  /** Whether `file` lies in a workspace folder (only those files are indexed). */
  covers(file: string): boolean {
    return this.folders.some((folder) => file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep));
  }

  /** A watched file was created: index it when it is an agreement inside the workspace. */
  created(file: string): void {
    if (file.endsWith('.sla') && this.covers(file)) this.files.add(file);
  }

  deleted(file: string): void {
    this.files.delete(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** The indexed files, sorted so answers come in a stable order. */
  list(): string[] {
    return [...this.files].sort();
  }
}

/** The `.sla` files under `folder`, skipping hidden folders and those in `skippedFolders`. */
export function slaFilesUnder(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished: nothing to index there
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skippedFolders.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && entry.name.endsWith('.sla')) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
