import { dirname, isAbsolute } from 'node:path';
import { confinedSourceHost, isInsideFolder } from '../../language/workspace/confined-host.js';
import { diskFileIdentity, readTextFile, type SourceHost } from '../../language/workspace/source-host.js';

export type { SourceHost };

/** How to let an import outside the project folder be read, said in SLA2010 and SLA2013 from the editor. */
const OUTSIDE_HINT = 'open a workspace folder that holds both files to read it';

/**
 * Open editor buffers laid over the file system: an open document is read
 * from its (possibly unsaved) buffer, any other file from disk. This is how
 * an unsaved edit of `corporate.sla` reaches the analysis of `finance.sla`.
 * What an analysis reads goes through `forEntry`, which confines it to the
 * project folder as `slac validate` does.
 */
export class OverlayHost implements SourceHost {
  private readonly buffers = new Map<string, string>();
  /** The `file:` workspace folders the editor opened; none for a lone file. */
  private roots: string[] = [];

  /** Sets the workspace folders the editor opened; none (or undefined): each file's own folder is its project folder. */
  setRoots(roots: string[] | undefined): void {
    this.roots = roots ?? [];
  }

  /**
   * The project folders of an entry file: the workspace folders when one
   * holds it, else the file's own folder, which is what `slac validate
   * FILE` uses (a lone file, or one opened from outside the workspace).
   */
  rootsOf(entry: string): string[] {
    if (this.roots.some((root) => isInsideFolder(entry, root))) return this.roots;
    return isAbsolute(entry) ? [dirname(entry)] : this.roots;
  }

  /**
   * What the analysis of `entry` reads through: buffers over the disk, only
   * inside its project folders (open buffers too: being open does not make
   * a file part of the project), with the CLI's reasons for what it cannot
   * read. The entry itself is always read.
   */
  forEntry(entry: string): SourceHost {
    const confined = confinedSourceHost(this, this.rootsOf(entry), OUTSIDE_HINT);
    return {
      readFile: (file) => (file === entry ? this.readFile(file) : confined.readFile(file)),
      unreadableReason: (file) => (file === entry ? this.unreadableReason(file) : confined.unreadableReason!(file)),
      fileIdentity: (file) => (file === entry ? this.fileIdentity(file) : confined.fileIdentity!(file)),
    };
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

  /** An open buffer's text, else the file's on disk, wherever it is (`forEntry` confines). */
  readFile(file: string): string | undefined {
    const buffer = this.buffers.get(file) ?? this.bufferOfSameFile(file);
    if (buffer !== undefined) return buffer;
    if (isUnsavedBuffer(file)) return undefined;
    // Regular files of a bounded size only: an import of /dev/zero or a FIFO must not hang the server.
    return readTextFile(file).text;
  }

  /** The disk file's device and inode, wherever it is (`forEntry` confines); undefined for a buffer never saved. */
  fileIdentity(file: string): string | undefined {
    return isUnsavedBuffer(file) ? undefined : diskFileIdentity(file);
  }

  unreadableReason(file: string): string {
    if (this.buffers.has(file)) return 'it cannot be read';
    if (isUnsavedBuffer(file)) return 'no such file';
    return readTextFile(file).reason ?? 'it cannot be read';
  }

  /**
   * The open buffer of the same file reached by another path (a symbolic
   * link to an open document): the loader reads a file by the first path
   * that reaches it, and the unsaved edit must still win over the disk.
   */
  private bufferOfSameFile(file: string): string | undefined {
    if (this.buffers.size === 0 || isUnsavedBuffer(file)) return undefined;
    const identity = this.fileIdentity(file);
    if (identity === undefined) return undefined;
    for (const [open, text] of this.buffers) {
      if (open !== file && !isUnsavedBuffer(open) && diskFileIdentity(open) === identity) return text;
    }
    return undefined;
  }
}

/** A buffer named by a URI (`untitled:///Untitled-1`) that is not open: there is no such file. */
function isUnsavedBuffer(file: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(file);
}
