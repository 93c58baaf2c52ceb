/**
 * A log's format by its file name: kept apart from the readers so that a
 * command that only needs to tell a log by its name (fmt, validate) does
 * not load them.
 */

export type LogFormat = 'csv' | 'ndjson';

/** The format named by a file's extension, if any. */
export function formatFromExtension(file: string): LogFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}
