import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';

/**
 * Where the workspace reads `.sla` text. The CLI reads the disk; the
 * language server reads its open editor buffers first.
 */
export interface SourceHost {
  /** The file's text, or undefined when there is no such file. Paths are absolute. */
  readFile(file: string): string | undefined;
  /** Why `readFile` gave undefined ("no such file", "it is a folder, not a file"); optional. */
  unreadableReason?(file: string): string;
  /**
   * What the file is, however it is reached: two paths with the same
   * identity (a symbolic link and its target, two hard links) are one file,
   * read and counted once. Undefined when the host cannot tell (no such
   * file, an editor buffer that was never saved); optional.
   */
  fileIdentity?(file: string): string | undefined;
  /**
   * The file as its user sees it named, where a message names the entry
   * file that cannot be read (the CLI: relative to the folder it runs in,
   * as its diagnostics' locations are); optional: without it, its file name.
   */
  shownPath?(file: string): string;
}

/**
 * The text of a file, or why there is none, in words for the person who
 * named the file; `byteOrderMark` when it starts with one, which the
 * decoded text leaves out.
 */
export type TextFileRead = { text: string; byteOrderMark: boolean; reason?: undefined } | { text?: undefined; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * An fs error in words: the reasons people meet (missing, folder,
 * permission), else Node's description without its code and system call
 * ("EIO: i/o error, write" gives "i/o error").
 */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && code in FILE_ERRORS) return FILE_ERRORS[code]!;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^E[A-Z]+: /, '').replace(/, \w+(?: '.*')?$/, '');
}

/** A UTF-16 byte order mark: what "Unicode text" saved by Excel or Notepad begins with. */
export function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * The largest source slac reads (`.sla`, `.ics`, a compiled model): 10 MiB,
 * a hundred times the largest real agreement, so that a mistaken path
 * cannot make it read without end (docs/language.md "Limits").
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * Why a path is not a readable source: not a regular file (a device such as
 * /dev/zero or a FIFO would be read without end), or larger than
 * MAX_SOURCE_BYTES; undefined when it may be read.
 */
export function sourceFileProblem(stats: { isFile(): boolean; isDirectory(): boolean; size: number | bigint }): string | undefined {
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (!stats.isFile()) return 'it is not a regular file (a device, a pipe or a socket)';
  if (Number(stats.size) > MAX_SOURCE_BYTES) return `it is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB, the most slac reads from a source file`;
  return undefined;
}

/** The bytes of a regular file of at most MAX_SOURCE_BYTES; throws a system error, or an Error whose message is the reason. */
function readSourceBytes(file: string): Buffer {
  // Opened without blocking: a FIFO would otherwise wait for a writer forever.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const problem = sourceFileProblem(fstatSync(fd));
    if (problem !== undefined) throw new SourceFileError(problem);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

class SourceFileError extends Error {}

/**
 * Reads a UTF-8 text file. Binary data (a PDF or an image given by mistake)
 * and text in another encoding are refused with a reason, rather than read
 * as garbage that would then give dozens of syntax errors or, worse, wrong
 * names in a signed agreement.
 */
export function readTextFile(file: string): TextFileRead {
  let bytes: Buffer;
  try {
    bytes = readSourceBytes(file);
  } catch (error) {
    return { reason: error instanceof SourceFileError ? error.message : describeFileError(error) };
  }
  if (isUtf16(bytes)) return { reason: 'it is UTF-16 text; save it with the UTF-8 encoding' };
  if (bytes.includes(0)) return { reason: 'it is not a text file (it holds binary data)' };
  try {
    return { text: strictUtf8.decode(bytes), byteOrderMark: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  } catch {
    return { reason: 'it is not UTF-8 text; save it with the UTF-8 encoding' };
  }
}

/**
 * A file's device and inode, which a symbolic link, a hard link and a path
 * through `..` all share; undefined when there is no such file.
 */
export function diskFileIdentity(file: string): string | undefined {
  try {
    const stats = statSync(file, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/** Reads files from the disk as UTF-8; a missing, unreadable or binary file is undefined. */
export const nodeSourceHost: SourceHost = {
  fileIdentity: diskFileIdentity,
  readFile(file: string): string | undefined {
    return readTextFile(file).text;
  },
  unreadableReason(file: string): string {
    return readTextFile(file).reason ?? 'it cannot be read';
  },
};
