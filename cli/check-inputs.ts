import { absoluteFile } from '../language/workspace/paths.js';
import type { CheckFileOptions } from '../runtime/check.js';
import type { LogFormat } from '../runtime/log/log-rows.js';
import type { CliIo } from './io.js';
import type { ProgressBar } from './progress-bar.js';

/** The options of `slac check`, as commander gives them. */
export interface CheckCommandOptions {
  outages?: string;
  asOf?: string;
  format: 'text' | 'json' | 'csv';
  strict?: boolean;
  skipInvalid?: boolean;
  assumeTimezone?: string;
  logFormat?: LogFormat;
  output?: string;
  allowImportOutside?: boolean;
}

/**
 * What the log readers need from the command line, for an agreement or a
 * portfolio alike; messages name the files as the user typed them.
 */
export function logFileOptions(log: string, options: CheckCommandOptions, io: CliIo, progress: ProgressBar): Omit<CheckFileOptions, 'output'> {
  const typed = new Map([[absoluteFile(log, io.cwd), log]]);
  if (options.outages !== undefined) typed.set(absoluteFile(options.outages, io.cwd), options.outages);
  return {
    log: absoluteFile(log, io.cwd),
    ...(options.outages === undefined ? {} : { outages: absoluteFile(options.outages, io.cwd) }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone }),
    ...(options.logFormat === undefined ? {} : { logFormat: options.logFormat }),
    skipInvalid: options.skipInvalid === true,
    displayName: (path) => typed.get(path) ?? path,
    onProgress: (read, total) => progress.update(read, total),
  };
}
