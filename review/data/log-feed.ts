import type { CheckFileOptions } from '../../runtime/check.js';
import type { LogRowSinks } from '../../runtime/check/feed-rows.js';
import type { CheckOptions } from '../../runtime/check/options.js';
import { readCheckLogs } from '../../runtime/check/read-logs.js';
import type { LogError } from '../../runtime/log/log-error.js';

/**
 * Where a check session's rows come from: a log file read as `slac check`
 * reads it, or a helpdesk's export run through its import adapter (`slac
 * report|explain --log-format zendesk|...`), with no log file in between.
 */
export interface LogFeed {
  /** How messages not tied to a row name the ticket log (the session's file name). */
  ticketLog: string;
  /**
   * Streams every ticket row, then the outage log, into the session; resolves
   * to the error for a log whose format cannot be told, if any (every other
   * problem is collected by the session, row by row).
   */
  feed(sinks: LogRowSinks): Promise<LogError | undefined>;
}

/** The logs of a report or a timeline: files to read, or rows fed by a `LogFeed`. */
export type LogInput = Omit<CheckFileOptions, 'output'> | (CheckOptions & { feed: LogFeed });

/** The feed of a log input: its own, or the files' read with `readCheckLogs` (as `slac check LOG` reads them). */
export function logFeedOf(input: LogInput): LogFeed {
  if ('feed' in input) return input.feed;
  const display = input.displayName ?? ((path: string) => path);
  return { ticketLog: display(input.log), feed: (sinks) => readCheckLogs(sinks, input) };
}
