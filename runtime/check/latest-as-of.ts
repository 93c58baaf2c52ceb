import { formatInstant, outsideReportYears } from '../clock/index.js';
import { logError, type LogError } from '../log/log-error.js';

/** What a check made at the latest event makes: a report (check, report) or one ticket's timeline (explain). */
export type MadeAtLatest = 'report' | 'timeline';

/**
 * Without --as-of a check is made at the log's latest event, which may lie
 * outside the years 0000 to 9999 in a report zone (9999-12-31T23:00:00-12:00
 * is 10000-01-01 in New York): the report read "As of 10000-01-01" and its
 * next review "+010000-01-01". Refused (SLA4053) as an --as-of there is,
 * before any report is begun, on the line of that event: `lineOfLatest`
 * finds it, called only then (a check does not keep the line of its
 * latest event). A portfolio passes every client's zone. `made` is what
 * would run there: `slac explain` makes a timeline, and said "the report".
 */
export function latestEventOutsideYears(file: string, latest: number, zones: readonly string[], lineOfLatest: () => number, made: MadeAtLatest = 'report'): LogError | undefined {
  for (const zone of zones) {
    const text = formatInstant(latest, zone);
    const date = text.split('T')[0]!;
    const outside = outsideReportYears(text);
    if (outside === 'before') return ofTheLog(logError('SLA4053', file, lineOfLatest(), undefined, { made, date, limit: `before 0000, the first year a ${made} can cover`, latest: text, advice: 'a later' }));
    if (outside === 'past') return ofTheLog(logError('SLA4053', file, lineOfLatest(), undefined, { made, date, limit: `past 9999, the last year a ${made} can cover`, latest: text, advice: 'an earlier' }));
  }
  return undefined;
}

/** The error is of the check as a whole, though it names a line: --skip-invalid does not leave it out. */
function ofTheLog(error: LogError): LogError {
  return { ...error, wholeLog: true };
}

/** Whether `latest` is outside the years 0000 to 9999 in `zone` (a partition of `--jobs N` then finds its line). */
export function outsideYearsIn(latest: number, zone: string): boolean {
  return outsideReportYears(formatInstant(latest, zone)) !== undefined;
}

/** The first of the lines found for the latest event (one a client or a partition; 0 where none was), or 0. */
export function firstFoundLine(lines: readonly (number | undefined)[]): number {
  const found = lines.filter((line): line is number => line !== undefined && line > 0);
  return found.length > 0 ? Math.min(...found) : 0;
}
