import { isInsideFolder } from '../../language/workspace/confined-host.js';
import { readTextFile } from '../../language/workspace/source-host.js';

/** What the workspace analysis reads files through. */
export interface SourceHost {
  readFile(file: string): string | undefined;
}

/**
 * Open editor buffers laid over the file system: an open document is read
 * from its (possibly unsaved) buffer, any other file from disk. This is how
 * an unsaved edit of `corporate.sla` reaches the analysis of `finance.sla`.
 */
export class OverlayHost implements SourceHost {
  private readonly buffers = new Map<string, string>();
  /**
   * The workspace folders: a file on disk outside all of them is not read,
   * so that an import cannot reach `/etc`. Undefined when the editor opened
   * no folder (a lone file), as in tests.
   */
  private roots: string[] | undefined;

  /** Sets the workspace folders the editor opened; undefined: no limit (tests, embedders). */
  setRoots(roots: string[] | undefined): void {
    this.roots = roots;
  }

  /** Sets the text of an open buffer. */
  set(file: string, text: string): void {
    this.buffers.set(file, text);
  }

  delete(file: string): void {
    this.buffers.delete(file);
  }

  isOpen(file: string): boolean {
    return this.buffers.has(file);
  }

  openFiles(): string[] {
    return [...this.buffers.keys()];
  }

  readFile(file: string): string | undefined {
    const buffer = this.buffers.get(file);
    if (buffer !== undefined) return buffer;
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) return undefined; // an unsaved buffer that is not open
    if (this.roots && !this.roots.some((root) => isInsideFolder(file, root))) return undefined;
    // Regular files of a bounded size only: an import of /dev/zero or a FIFO must not hang the server.
    return readTextFile(file).text;
  }
}
