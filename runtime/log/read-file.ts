import { createReadStream, readFileSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { logError } from './log-error.js';
import { csvRowParser, ndjsonRowParser, type LogFormat, type LogRowHandler, type LogShape } from './log-rows.js';

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
  const parser = format === 'csv' ? csvRowParser(display, shape, handler) : ndjsonRowParser(display, shape, handler);
  const notRegular = notRegularFile(path);
  if (notRegular !== undefined) {
    handler.problem(logError('SLA4022', display, 0, undefined, { file: display, reason: notRegular }), true);
    return;
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of stream) {
      parser.push(decodeChunk(decoder, chunk as Buffer));
      onProgress?.(stream.bytesRead);
    }
    parser.push(decodeChunk(decoder, undefined));
  } catch (error) {
    handler.problem(readProblem(error, path, display), true);
    return;
  }
  parser.end();
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
    return logError('SLA4022', display, line, undefined, { file: display, reason });
  }
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (error as Error).message;
  return logError('SLA4022', display, 0, undefined, { file: display, reason });
}

/** The 1-based line holding the first bytes that are not UTF-8 (only read on that error). */
function firstNonUtf8Line(path: string): number {
  const bytes = readFileSync(path);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) break;
    line += 1;
    start = newline + 1;
  }
  return line;
}
