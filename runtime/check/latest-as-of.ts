import { formatInstant, outsideReportYears } from '../clock/index.js';
import { logError, type LogError } from '../log/log-error.js';

/**
 * Without --as-of a check is made at the log's latest event, which may lie
 * outside the years 0000 to 9999 in a report zone (9999-12-31T23:00:00-12:00
 * is 10000-01-01 in New York): the report read "As of 10000-01-01" and its
 * next review "+010000-01-01". Refused (SLA4053) as an --as-of there is,
 * before any report is begun. A portfolio passes every client's zone.
 */
export function latestEventOutsideYears(file: string, latest: number, zones: readonly string[]): LogError | undefined {
  for (const zone of zones) {
    const text = formatInstant(latest, zone);
    const date = text.split('T')[0]!;
    const outside = outsideReportYears(text);
    if (outside === 'before') return logError('SLA4053', file, 0, undefined, { date, limit: 'before 0000, the first year a report can cover', latest: text, advice: 'a later' });
    if (outside === 'past') return logError('SLA4053', file, 0, undefined, { date, limit: 'past 9999, the last year a report can cover', latest: text, advice: 'an earlier' });
  }
  return undefined;
}
