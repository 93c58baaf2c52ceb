import { statSync } from 'node:fs';
import { formatFromExtension, type LogFormat } from '../log/log-rows.js';
import { logError, type LogError } from '../log/log-error.js';
import { OUTAGE_LOG_SHAPE } from '../log/outage-log.js';
import { readLogFile } from '../log/read-file.js';
import { TICKET_LOG_SHAPE } from '../log/ticket-log.js';
import { logTimeTexts } from '../log/time-texts.js';
import type { LogRowSinks } from './feed-rows.js';

/** The files to read and how to name them. */
export interface LogFiles {
  log: string;
  outages?: string;
  logFormat?: LogFormat;
  displayName?: (path: string) => string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Streams the ticket log (and the outage log) into a session's collectors.
 * Returns the error for a log whose format cannot be told from its
 * extension; every other problem is collected by the session, row by row.
 */
export async function readCheckLogs(sinks: LogRowSinks, files: LogFiles): Promise<LogError | undefined> {
  const display = files.displayName ?? ((path: string) => path);
  const ticketFormat = files.logFormat ?? formatFromExtension(files.log);
  if (!ticketFormat) return logError('SLA4020', display(files.log), 0, undefined, { file: display(files.log) });
  let totalBytes = 0;
  try {
    totalBytes = statSync(files.log).size;
  } catch {
    // readLogFile reports the missing file with its own message.
  }
  const progress = files.onProgress && ((bytes: number) => files.onProgress!(bytes, totalBytes));
  await readLogFile(files.log, display(files.log), ticketFormat, TICKET_LOG_SHAPE, sinks.tickets, progress);
  sinks.quoteTimesFrom?.(logTimeTexts(files.log, ticketFormat, TICKET_LOG_SHAPE));
  if (files.outages === undefined) return undefined;
  const outageFormat = outageLogFormat(files.outages, files.logFormat);
  if (!outageFormat) return logError('SLA4020', display(files.outages), 0, undefined, { file: display(files.outages) });
  await readLogFile(files.outages, display(files.outages), outageFormat, OUTAGE_LOG_SHAPE, sinks.useOutageLog(display(files.outages)));
  return undefined;
}

/**
 * The outage log's format: its own extension's, and `--log-format csv|ndjson`
 * only when the extension does not say (`outages.txt`). The option names the
 * ticket log's format; it used to override an outage log's `.csv`, which was
 * then read as NDJSON, an SLA4012 error on every row.
 */
export function outageLogFormat(path: string, logFormat: LogFormat | undefined): LogFormat | undefined {
  return formatFromExtension(path) ?? logFormat;
}
