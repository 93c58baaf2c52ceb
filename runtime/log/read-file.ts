import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { printablePath } from '../../language/diagnostics/diagnostic.js';
import { logError } from './log-error.js';
import { csvByteRowParser, ndjsonByteRowParser, type LogFormat, type LogRowHandler, type LogShape } from './log-rows.js';

/** Thrown inside the read loop when the bytes are not UTF-8. */
class NotUtf8Error extends Error {}

/**
 * Streams a log file through the parser of its format; never holds the whole
 * file in memory. `onProgress` gets the bytes read so far after each chunk.
 * The bytes must be UTF-8: a log saved as Latin-1 or UTF-16 would otherwise
 * change ticket ids and statuses without a word.
 */
export async function readLogFile(
  path: string,
  display: string,
  format: LogFormat,
  shape: LogShape,
  handler: LogRowHandler,
  onProgress?: (bytesRead: number) => void,
): Promise<void> {
  const notRegular = notRegularFile(path);
  if (notRegular !== undefined) {
    handler.problem(logError('SLA4022', display, 0, undefined, { file: printablePath(display), reason: notRegular }), true);
    return;
  }
  // Split as bytes, and a line decoded only when its reader needs the text (see ByteLineSplitter).
  const read = checkedChunks(format === 'csv' ? csvByteRowParser(display, shape, handler) : ndjsonByteRowParser(display, shape, handler));
  try {
    await eachChunk(path, (chunk, bytesRead) => {
      // Parsed in 64 KiB pieces, as the stream of 64 KiB chunks was: the rows read before bytes that are
      // not UTF-8 (their warnings are shown with that error) stay the same.
      for (let at = 0; at < chunk.length; at += PIECE) read.push(chunk.subarray(at, at + PIECE));
      onProgress?.(bytesRead);
    });
    read.finish();
  } catch (error) {
    handler.problem(readProblem(error, path, display), true);
    return;
  }
  read.end();
}

/**
 * Reads the file in 1 MiB chunks into one reused buffer: no new buffer per
 * chunk (a stream's fresh buffers cost page faults and garbage collection on
 * a log of hundreds of megabytes). `onChunk` must be done with the bytes
 * when it returns; the parsers copy what they keep.
 */
async function eachChunk(path: string, onChunk: (chunk: Buffer, bytesRead: number) => void): Promise<void> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let total = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) return;
      total += bytesRead;
      onChunk(buffer.subarray(0, bytesRead), total);
    }
  } finally {
    await file.close();
  }
}

const CHUNK = 1 << 20;

/** The size of the pieces a file is parsed in. */
const PIECE = 1 << 16;

/** How the chunks of a file reach a parser: `finish` after the last chunk (may throw NotUtf8Error), then `end`. */
interface ChunkReader {
  push(chunk: Buffer): void;
  finish(): void;
  end(): void;
}

/**
 * Chunks checked to be UTF-8 and passed on as bytes. A character cut at the
 * end of a chunk is checked with the next one; each chunk is checked before
 * any of its lines is read, as the decoder of `decodedChunks` would throw.
 */
function checkedChunks(parser: { push(chunk: Buffer): void; end(): void }): ChunkReader {
  let carried: Buffer | undefined;
  return {
    push: (chunk) => {
      const cut = endOfWholeCharacters(chunk);
      const checked = carried === undefined ? chunk.subarray(0, cut) : Buffer.concat([carried, chunk.subarray(0, cut)]);
      if (!isUtf8(checked)) throw new NotUtf8Error();
      carried = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : undefined;
      // A cut character that can already not be UTF-8 (E0 80) fails here, as in the decoder.
      if (carried !== undefined) decodeChunk(new TextDecoder('utf-8', { fatal: true }), carried);
      parser.push(checked);
    },
    finish: () => {
      if (carried !== undefined) throw new NotUtf8Error();
    },
    end: () => parser.end(),
  };
}

/** Where the last UTF-8 character that the chunk holds whole ends: before a lead byte whose sequence runs past the chunk. */
function endOfWholeCharacters(chunk: Buffer): number {
  const length = chunk.length;
  for (let at = length - 1; at >= 0 && at >= length - 3; at--) {
    const byte = chunk[at]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + needed > length ? at : length;
  }
  return length;
}

/** A device (/dev/zero) or a FIFO would be read without end: only regular files are logs. */
function notRegularFile(path: string): string | undefined {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'it is a folder, not a file';
    return stats.isFile() ? undefined : 'it is not a regular file (a device, a pipe or a socket)';
  } catch {
    return undefined; // the read says why
  }
}

function decodeChunk(decoder: TextDecoder, chunk: Buffer | undefined): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    throw new NotUtf8Error();
  }
}

function readProblem(error: unknown, path: string, display: string) {
  if (error instanceof NotUtf8Error) {
    const line = firstNonUtf8Line(path);
    const reason = `line ${line} is not UTF-8 text; save the log as UTF-8 (in a spreadsheet: CSV UTF-8)`;
    return logError('SLA4022', display, line, undefined, { file: printablePath(display), reason });
  }
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (error as Error).message;
  return logError('SLA4022', display, 0, undefined, { file: printablePath(display), reason });
}

/**
 * The 1-based line holding the first bytes that are not UTF-8 (only read on
 * that error), read in chunks as the log was: a log of gigabytes is not
 * held in memory (and one over 2 GiB could not be read in one piece). Each
 * chunk is checked a line at a time up to its last whole character; the
 * bytes of a character it cuts go on to the next chunk, as `checkedChunks`
 * does, so a line is judged exactly as the reader judged it.
 */
export function firstNonUtf8Line(path: string, chunkSize = CHUNK): number {
  const fd = openSync(path, 'r');
  try {
    // Room for a chunk after the (at most 3) bytes of a character cut at the end of the last one.
    const buffer = Buffer.allocUnsafe(chunkSize + 3);
    let carried = 0;
    let line = 1;
    for (;;) {
      const read = readSync(fd, buffer, carried, chunkSize, null);
      // The end: bytes still carried are a character cut short, on this line.
      if (read === 0) return line;
      const length = carried + read;
      const cut = endOfWholeCharacters(buffer.subarray(0, length));
      for (let start = 0; ; ) {
        const newline = buffer.indexOf(NEWLINE, start);
        const end = newline === -1 || newline >= cut ? cut : newline;
        if (!isUtf8(buffer.subarray(start, end))) return line;
        if (end === cut) break;
        line += 1;
        start = end + 1;
      }
      buffer.copy(buffer, 0, cut, length);
      carried = length - cut;
    }
  } finally {
    closeSync(fd);
  }
}

const NEWLINE = 0x0a;
