import { freshFolder, write } from './hardening-fixtures.js';

/**
 * What the tests that hold the document's words to slac check share: a
 * small agreement on one calendar open around the clock in UTC (`Always`),
 * to which each adds the severities and metrics its sentence is about, and
 * a folder holding it with its log.
 */

/** The agreement block `name` and the calendar `Always` (every day, around the clock, UTC). */
export function aroundTheClockAgreement(name: string): string {
  return `agreement ${name} {
  title "${name}"
  provider "P"
  client "C"
}

calendar Always {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}
`;
}

/** A fresh folder holding `agreement` as a.sla and `log` as `logFile`. */
export function folderWithAgreementAndLog(name: string, agreement: string, log: string, logFile = 'log.ndjson'): string {
  const folder = freshFolder(name);
  write(folder, 'a.sla', agreement);
  write(folder, logFile, log);
  return folder;
}

/**
 * A default severity P1 and the metric FirstResponse (titled "First
 * response", on `Always`, a 1-hour target), with `extraLines` at the end of
 * the metric's block (an objective, say).
 */
export function firstResponseMetric(...extraLines: string[]): string {
  return `severity P1 {
  default
}

metric FirstResponse {
  title "First response"
  measures first response
  clock Always
  target 1 hour
${extraLines.map((line) => `  ${line}\n`).join('')}}
`;
}
