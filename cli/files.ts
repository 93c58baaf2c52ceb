import { closeSync, existsSync, openSync, readSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeFileError, isUtf16 } from '../language/workspace/source-host.js';
import { UserError } from './user-error.js';

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

/** Writes an output file; any failure is a user error naming the file and the reason. */
export function writeOutputFile(file: string, shown: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content);
  } catch (error) {
    throw new UserError(`cannot write ${shown}: ${describeWriteError(error)}.`);
  }
}

/**
 * Fails early, before a long check or a browser start, when `-o` names a
 * folder or a file in a folder that does not exist.
 */
export function checkOutputPath(file: string, shown: string): void {
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
  for (const { path, shown } of files) {
    if (!existsSync(path)) continue; // the reader says "no such file" with the rest of its errors
    if (statSync(path).isDirectory()) throw new UserError(`cannot read ${shown}: it is a folder, not a file.`);
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

/** `-o ""` would otherwise quietly fall back to the default output. */
export function refuseEmptyOutput(output: string | undefined): void {
  if (output !== undefined && output.trim() === '') throw new UserError('-o needs a file name.');
}

/** The same file whatever the spelling (`./a.csv`, a symbolic link), when it exists. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * `-o` naming one of the command's own inputs would overwrite the agreement
 * or the log with the output: refused, since nothing may be lost.
 */
export function refuseOverwritingInput(output: string, shown: string, inputs: readonly { path: string; what: string }[]): void {
  const input = inputs.find(({ path }) => sameFile(output, path));
  if (input) throw new UserError(`cannot write ${shown}: it is ${input.what}, which would be overwritten; give another file name.`);
}
