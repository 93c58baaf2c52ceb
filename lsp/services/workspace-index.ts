import { resolve, sep } from 'node:path';
import { DEFAULT_SCAN_LIMITS, fileSize, inSkippedFolder, scanSlaFiles, type ScanLimits } from './workspace-scan.js';

/** What the index left out because of its limits (docs/editors.md "Limits of the language server"). */
export interface IndexLimitsHit {
  /** The first file left out when the index was full (MAX_INDEXED_FILES); undefined when it never was. */
  fullAt?: string;
  /** The files left out for their size (MAX_INDEXED_FILE_BYTES). */
  tooLarge: string[];
}

/** One turn of the event loop: what the scan waits for after each folder, so requests are answered meanwhile. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Every `.sla` file under the workspace folders, open or not, so that
 * references, rename and diagnostics reach the files nobody has opened (an
 * agreement importing the file being edited). Filled by a scan when the
 * session starts, a folder at a time so that requests are answered while it
 * runs, and kept up to date from watched-file events. Bounded: at most
 * `maxFiles` files, none larger than `maxFileBytes`; what is left out is
 * noted in `limitsHit`.
 */
export class WorkspaceIndex {
  private readonly folders: string[] = [];
  private readonly files = new Set<string>();
  readonly limitsHit: IndexLimitsHit = { tooLarge: [] };

  constructor(private readonly limits: ScanLimits = DEFAULT_SCAN_LIMITS) {}

  /** The scans started so far, in order; settled when they have all ended. */
  private scans: Promise<void> = Promise.resolve();

  /**
   * Adds workspace folders (absolute paths) and scans them, up to the
   * index's limits, after any scan still running.
   */
  addFolders(folders: string[], pause: () => Promise<void> = nextTurn): Promise<void> {
    const scan = this.scans.then(() => this.scan(folders, pause));
    this.scans = scan.catch(() => undefined);
    return scan;
  }

  /**
   * Drops workspace folders (absolute paths), after any scan still running:
   * their files leave the index unless another folder holds them. Returns
   * the files dropped.
   */
  removeFolders(folders: string[]): Promise<string[]> {
    const removal = this.scans.then(() => this.remove(folders.map((f) => resolve(f))));
    this.scans = removal.then(() => undefined, () => undefined);
    return removal;
  }

  private remove(folders: string[]): string[] {
    for (const folder of folders) if (this.folders.includes(folder)) this.folders.splice(this.folders.indexOf(folder), 1);
    const dropped = [...this.files].filter((file) => !this.covers(file));
    for (const file of dropped) this.files.delete(file);
    return dropped;
  }

  /**
   * Settles once every scan started has ended: what requests over the whole
   * workspace (references, rename, workspace symbols) wait for, so that they
   * never answer from half an index.
   */
  scanned(): Promise<void> {
    return this.scans;
  }

  private async scan(folders: string[], pause: () => Promise<void>): Promise<void> {
    for (const folder of folders.map((f) => resolve(f))) {
      if (this.folders.includes(folder)) continue;
      this.folders.push(folder);
      if (this.limitsHit.fullAt) continue;
      const scan = await scanSlaFiles(folder, this.limits.maxFiles - this.files.size, this.limits.maxFileBytes, pause);
      for (const file of scan.files) this.files.add(file);
      this.limitsHit.tooLarge.push(...scan.tooLarge);
      this.limitsHit.fullAt ??= scan.stoppedAt;
    }
  }

  /** Whether `file` lies in a workspace folder (only those files are indexed). */
  covers(file: string): boolean {
    return this.folders.some((folder) => isInside(file, folder));
  }

  /**
   * A watched file was created (the editor watches every `.sla`, in
   * node_modules too): index it when the scan would have, within the limits.
   */
  created(file: string): void {
    if (!file.endsWith('.sla') || this.files.has(file)) return;
    if (!this.folders.some((folder) => isInside(file, folder) && !inSkippedFolder(folder, file))) return;
    if (this.files.size >= this.limits.maxFiles) this.limitsHit.fullAt ??= file;
    else if (fileSize(file) > this.limits.maxFileBytes) this.limitsHit.tooLarge.push(file);
    else this.files.add(file);
  }

  deleted(file: string): void {
    this.files.delete(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  get size(): number {
    return this.files.size;
  }

  /** The indexed files, sorted so answers come in a stable order. */
  list(): string[] {
    return [...this.files].sort();
  }
}

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
