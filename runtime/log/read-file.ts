import { createReadStream } from 'node:fs';
import { logError } from './log-error.js';
import { csvRowParser, ndjsonRowParser, type LogFormat, type LogRowHandler, type LogShape } from './log-rows.js';

/**
 * Streams a log file through the parser of its format; never holds the whole
 * file in memory. `onProgress` gets the bytes read so far after each chunk.
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
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      parser.push(chunk as string);
      onProgress?.(stream.bytesRead);
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    handler.problem(logError('SLA4022', display, 0, undefined, { file: display, reason }), true);
    return;
  }
  parser.end();
}
