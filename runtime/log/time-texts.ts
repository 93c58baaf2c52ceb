import { closeSync, openSync, readSync } from 'node:fs';
import { csvByteRowParser, ndjsonByteRowParser, type LogFormat, type LogRowHandler, type LogShape } from './log-rows.js';

/** The `time` of some rows as written in the log, by line; lines it could not read are missing. */
export type TimeTextsAt = (lines: ReadonlySet<number>) => Map<number, string>;

/**
 * A log file's `time` texts, read again from the file for the rows a
 * message quotes (SLA4008: an event before its ticket's `created`). The
 * event store keeps an instant, not the text: reading every row's text to
 * keep it would cost every check for the few rows in error. Rows go
 * through the same parser as the check's, so a CSV header's columns and a
 * record over several lines are found as they were; the other rows are
 * skipped undecoded. A file changed or gone since gives no text.
 */
export function logTimeTexts(path: string, format: LogFormat, shape: LogShape): TimeTextsAt {
  return (lines) => {
    const texts = new Map<number, string>();
    if (lines.size === 0) return texts;
    const handler: LogRowHandler = {
      row: (values, line) => {
        const time = values['time'];
        if (lines.has(line) && typeof time === 'string') texts.set(line, time.trim());
      },
      problem: () => {},
      rowBytes: (_bytes, _start, _end, line) => !lines.has(line),
      rowFieldBytes: (_bytes, _start, _end, _columns, line) => !lines.has(line),
    };
    const parser = format === 'csv' ? csvByteRowParser(path, shape, handler) : ndjsonByteRowParser(path, shape, handler);
    try {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK);
        for (;;) {
          const read = readSync(fd, buffer, 0, CHUNK, null);
          if (read === 0) break;
          // The parser copies what it keeps of a line cut at the chunk's end: the buffer is reused.
          parser.push(buffer.subarray(0, read));
          if (texts.size === lines.size) return texts;
        }
      } finally {
        closeSync(fd);
      }
      parser.end();
    } catch {
      // Unreadable now: the message shows the instant instead.
    }
    return texts;
  };
}

const CHUNK = 1 << 20;
