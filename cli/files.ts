import { closeSync, existsSync, fchmodSync, fchownSync, fsyncSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printablePath } from '../language/diagnostics/diagnostic.js';
import { describeFileError, isUtf16 } from '../language/workspace/source-host.js';
import { EarlyFlush } from './early-flush.js';
import { removeStaleTempFiles, tempFileBeside } from './temp-files.js';
import { UserError } from './user-error.js';
import { WriterThread } from './writer-thread.js';

/** A write at least this large to a file that takes large writes starts its writer thread (see AtomicFile). */
const BACKGROUND_WRITE_MIN_BYTES = 1 << 18;

/**
 * `-` conventionally means standard input; slac reads named files only (a
 * report names the file each problem is in), so say so instead of looking
 * for a file called "-".
 */
export function refuseStdin(files: readonly string[]): void {
  if (files.includes('-')) {
    throw new UserError("reading from standard input ('-') is not supported; save the input to a file and give its path.");
  }
}

/** Why a file could not be written, in words: a missing folder, a folder in the way, permissions. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EISDIR') return 'it is a folder; give a file name';
  return describeFileError(error);
}

/**
 * A file written beside its destination and renamed over it once complete,
 * so that a full disk or a killed process never leaves the destination cut
 * short (rename within one folder replaces a file in one step).
 */
export class AtomicFile {
  private readonly file: string;
  private readonly temp: string;
  private fd: number | undefined;
  /** True when the destination is a device or a pipe (`-o /dev/null`), written straight to: renaming over it would replace it. */
  private readonly direct: boolean = false;
  /** Why a write failed: the file is gone, and any later write or commit says so again. */
  private failure: UserError | undefined;
  /** Writes the bytes while the caller goes on, once a large write came (only for `largeWrites`). */
  private thread: WriterThread | undefined;
  /** The thread was asked for once (if Node could not make it, the file is written here), or is not to be (`writeOnCallingThread`). */
  private threadAsked = false;
  /** Has the kernel write the file to disk as it grows, so that the commit's fsync does not wait for all of it. */
  private earlyFlush: EarlyFlush | undefined;
  /** The output as its messages name it (`printablePath`: quoted when blank at an end). */
  private readonly shown: string;

  /**
   * `largeWrites`: the file is written in large pieces and may grow large (a
   * report): from the first large piece on, the pieces are written on a
   * thread of their own (see WriterThread). A device or a pipe is always
   * written by the caller.
   */
  constructor(
    file: string,
    named: string,
    private readonly largeWrites = false,
  ) {
    const shown = (this.shown = printablePath(named));
    if (isDeviceOrPipe(file)) {
      this.file = this.temp = file;
      this.direct = true;
      try {
        this.fd = openSync(file, 'w');
      } catch (error) {
        throw new UserError(`cannot write ${shown}: ${describeWriteError(error)}.`);
      }
      return;
    }
    // Through a symbolic link to the file it names; an existing file keeps its permissions.
    const existing = existingFile(file);
    this.file = existing ? realpathSync(file) : file;
    removeStaleTempFiles(this.file);
    this.temp = tempFileBeside(this.file);
    try {
      this.fd = openSync(this.temp, 'wx', existing ? Number(existing.mode & 0o7777n) : 0o666);
      if (existing) keepOwnerAndMode(this.fd, existing);
      this.earlyFlush = new EarlyFlush(this.temp);
    } catch (error) {
      // A folder that exists but takes no new file (/proc, /sys) says ENOENT: to the user, permission denied.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && existsSync(dirname(this.file))) throw new UserError(`cannot write ${shown}: permission denied.`);
      throw new UserError(`cannot write ${shown}: ${describeWriteError(error)}.`);
    }
  }

  /** Writes every later piece on the calling thread, unless a thread of its own already writes them. */
  writeOnCallingThread(): void {
    this.threadAsked = true;
  }

  /** Whether a thread of its own writes the pieces. */
  get writesOnThread(): boolean {
    return this.thread !== undefined;
  }

  /** Writes after what was written; after a failed write, throws that failure again (the file is gone). */
  write(content: string | Uint8Array): void {
    if (this.failure) throw this.failure;
    try {
      // A write may take only part of the bytes (the disk filled up, a file size limit was reached): the rest is
      // written again, which then fails with the reason. A string written once would end the file short, silently.
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      if (this.largeWrites && !this.direct && !this.threadAsked && bytes.length >= BACKGROUND_WRITE_MIN_BYTES) {
        this.threadAsked = true;
        this.thread = WriterThread.tryStart(this.fd!);
      }
      if (this.thread) this.thread.write(bytes);
      else for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done);
      this.earlyFlush?.wrote(bytes.length);
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** Puts the written file in place of the destination. */
  commit(): void {
    if (this.failure) throw this.failure;
    if (this.direct) {
      this.discard();
      return;
    }
    try {
      this.thread?.finish();
      this.thread = undefined;
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = undefined;
      this.earlyFlush?.close();
      renameSync(this.temp, this.file);
    } catch (error) {
      throw this.fail(error);
    }
  }

  /**
   * Removes what was written and keeps why: a writer that goes on (a report
   * closed in a `finally`) gets the same error, not one about a closed file.
   */
  private fail(error: unknown): UserError {
    this.discard();
    this.failure = new UserError(`cannot write ${this.shown}: ${describeWriteError(error)}.`);
    return this.failure;
  }

  /** Removes the temporary file; the destination is left as it was. */
  discard(): void {
    // The thread writes through the file descriptor: it stops before the descriptor is closed.
    this.thread?.stop();
    this.thread = undefined;
    this.earlyFlush?.close();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.direct) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
  }
}

/**
 * Gives the new file the owner, group and mode of the one it replaces: root
 * rewriting another user's file (fmt in a shared checkout) would otherwise
 * hand it to root, and with mode 640 its owner could no longer read it.
 * Anyone else may not give a file away (EPERM; EINVAL for an owner outside
 * a user namespace): the file is then theirs, with the mode kept.
 */
export function keepOwnerAndMode(fd: number, existing: BigIntStats): void {
  try {
    fchownSync(fd, Number(existing.uid), Number(existing.gid));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EINVAL') throw error;
  }
  // The owner first: changing it clears the set-user-ID and set-group-ID bits, which fchmod then puts back.
  fchmodSync(fd, Number(existing.mode & 0o7777n));
}

/** A character device or a FIFO, such as /dev/null or /dev/stdout. */
function isDeviceOrPipe(file: string): boolean {
  try {
    const stats = statSync(file);
    return stats.isCharacterDevice() || stats.isFIFO();
  } catch {
    return false;
  }
}

/** What an input that is neither a file nor a folder is, after "it is": a device (/dev/zero) is read without end, a FIFO waits forever. */
export const NOT_REGULAR_FILE = 'not a regular file (a device, a pipe or a socket)';

/** What is at a path, following symbolic links; `dangling` is a symbolic link to nothing. */
export type PathKind = 'file' | 'folder' | 'other' | 'missing' | 'dangling';

export function pathKind(path: string): PathKind {
  try {
    const stats = statSync(path);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
  } catch {
    try {
      return lstatSync(path).isSymbolicLink() ? 'dangling' : 'missing';
    } catch {
      return 'missing';
    }
  }
}

/** Whether `file` is there and a regular file (not a folder, a device or a pipe). */
export function isRegularFile(file: string): boolean {
  return existingFile(file) !== undefined;
}

function existingFile(file: string): BigIntStats | undefined {
  try {
    const stats = statSync(file, { bigint: true });
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** Writes an output file atomically (see AtomicFile); any failure is a user error naming the file and the reason. */
export function writeOutputFile(file: string, shown: string, content: string | Uint8Array): void {
  const atomic = new AtomicFile(file, shown);
  atomic.write(content);
  atomic.commit();
}

/**
 * Fails early, before a long check or a browser start, when `-o` names a
 * folder or a file in a folder that does not exist.
 */
export function checkOutputPath(file: string, named: string): void {
  const shown = printablePath(named);
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UserError(`cannot write ${shown}: it is a folder; give a file name.`);
  }
  const folder = dirname(file);
  if (!existsSync(folder)) throw new UserError(`cannot write ${shown}: its folder does not exist.`);
  if (!statSync(folder).isDirectory()) throw new UserError(`cannot write ${shown}: ${folder} is a file, not a folder.`);
}

/** The first bytes of a file, enough to tell text from binary data. */
function headOf(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8192);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Inputs named on the command line that are folders, or binary files (a PDF
 * or a spreadsheet given as a log), are refused before any work starts; the
 * log readers would otherwise guess a format from a folder's name, quote the
 * system error, or report every line of the binary data.
 */
export function refuseFoldersAndBinaries(files: readonly { path: string; shown: string }[]): void {
  for (const { path, shown: named } of files) {
    const shown = printablePath(named);
    if (!existsSync(path)) continue; // the reader says "no such file" with the rest of its errors
    const stats = statSync(path);
    if (stats.isDirectory()) throw new UserError(`cannot read ${shown}: it is a folder, not a file.`);
    // A device (/dev/zero) or a FIFO would be read without end, or wait forever.
    if (!stats.isFile()) throw new UserError(`cannot read ${shown}: it is ${NOT_REGULAR_FILE}.`);
    let head: Buffer;
    try {
      head = headOf(path);
    } catch {
      continue; // unreadable: the reader reports it
    }
    if (isUtf16(head)) throw new UserError(`cannot read ${shown}: it is UTF-16 text; save it as UTF-8 (in Excel: "CSV UTF-8").`);
    if (head.includes(0)) throw new UserError(`cannot read ${shown}: it is not a text file (it holds binary data).`);
  }
}

/** `-o -` names standard output, as is usual; a file really named `-` is `-o ./-`. */
export const STANDARD_OUTPUT = '-';

/**
 * The options with `-o -` taken as no `-o`, for a command whose output is
 * text that goes to standard output without `-o`: `-o -` wrote a file named
 * `-` in the working folder.
 */
export function standardOutputAsDefault<Options extends { output?: string }>(options: Options): Options {
  return options.output === STANDARD_OUTPUT ? { ...options, output: undefined } : options;
}

/**
 * `-o -` where the output is no stream of text (a PDF, a folder of pages):
 * refused before any work, instead of a file or folder named `-`.
 */
export function refuseStandardOutput(output: string | undefined, what: string, instead: string): void {
  if (output === STANDARD_OUTPUT) throw new UserError(`-o -: ${what} cannot go to standard output; ${instead}.`);
}

/** `-o ""` would otherwise quietly fall back to the default output. */
export function refuseEmptyOutput(output: string | undefined): void {
  if (output !== undefined && output.trim() === '') throw new UserError('-o needs a file name.');
}

/**
 * `-o` naming one of the command's own inputs would overwrite the agreement
 * or the log with the output: refused, since nothing may be lost.
 */
export function refuseOverwritingInput(output: string, shown: string, inputs: readonly CommandInput[] | CommandInputs): void {
  const input = (inputs instanceof CommandInputs ? inputs : new CommandInputs(inputs)).overwritten(output);
  if (input) throw new UserError(`cannot write ${printablePath(shown)}: it is ${input.what}, which would be overwritten; give another file name.`);
}

/** A file the command reads, and what it is in words (`the ticket log`). */
export interface CommandInput {
  path: string;
  what: string;
}

/**
 * The files a command reads, each known by its absolute path and, when it
 * exists, its device and inode: so an output is the same file as an input
 * whatever the spelling (`./a.csv`, a symbolic link, a hard link). Made
 * once for the outputs of a run: a site of 3,800 pages beside 200
 * agreements asked the disk about every pair (760,000 pairs, 17 s).
 */
export class CommandInputs {
  private readonly byPath = new Map<string, number>();
  private readonly byInode = new Map<string, number>();

  constructor(private readonly inputs: readonly CommandInput[]) {
    inputs.forEach((input, index) => {
      const path = resolve(input.path);
      if (!this.byPath.has(path)) this.byPath.set(path, index);
      const inode = inodeOf(input.path);
      if (inode !== undefined && !this.byInode.has(inode)) this.byInode.set(inode, index);
    });
  }

  /** The input that `output` is, if it is one (the first listed, when several are that file). */
  overwritten(output: string): CommandInput | undefined {
    const byPath = this.byPath.get(resolve(output));
    const inode = this.byInode.size > 0 ? inodeOf(output) : undefined;
    const byInode = inode === undefined ? undefined : this.byInode.get(inode);
    const index = Math.min(byPath ?? Infinity, byInode ?? Infinity);
    return Number.isFinite(index) ? this.inputs[index] : undefined;
  }
}

/** A file's device and inode (of what a link points to), or undefined when it cannot be stat'ed. */
function inodeOf(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Makes a folder and its missing parents, one at a time, and throws the
 * system error of the first that cannot be made. Node's
 * mkdirSync(dir, { recursive: true }) loops for ever when mkdir answers
 * ENOENT under a parent that exists (`-o /proc/self/site` kept a core busy
 * until killed).
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let folder = dir; !existsSync(folder) && dirname(folder) !== folder; folder = dirname(folder)) missing.unshift(folder);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by another run: as recursive mkdir, that is no error.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}

/** `makeFolders` for the folder -o names (`shown` as typed), its failure said as a user error. */
export function makeOutputFolder(dir: string, shown: string): void {
  try {
    makeFolders(dir);
  } catch (error) {
    throw new UserError(`cannot make the folder ${shown}: ${(error as Error).message.replace(/^E[A-Z]+: /, '')}.`);
  }
}
