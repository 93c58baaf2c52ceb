import { formatInstant } from '../clock/index.js';
import { reasonText } from './maintenance.js';
import { toMinutes } from './metric-clock.js';
import type { MaintenancePartRow, UptimeMaintenance } from './summary.js';
import type { MaintenanceMeasure } from './uptime.js';

/** The report's view of one uptime period's maintenance, instants in `zone`. */
export function maintenanceSummary(measure: MaintenanceMeasure, zone: string, excluding: boolean): UptimeMaintenance {
  const excludedLines = new Set<number>();
  const countedLines = new Set<number>();
  const parts = measure.parts.map(({ part, start, end, openMillis }): MaintenancePartRow => {
    if (part.reason) countedLines.add(part.row.line);
    else if (excluding) excludedLines.add(part.row.line);
    const reason = part.reason;
    return {
      start: formatInstant(start, zone),
      end: formatInstant(end, zone),
      minutes: toMinutes(openMillis),
      counted: reason !== undefined,
      excluded: reason === undefined && excluding,
      ...(reason ? { reason: reasonText(reason) } : {}),
      ...(reason?.kind === 'shortNotice'
        ? { noticeMinutes: reason.givenMillis === null ? null : toMinutes(reason.givenMillis), requiredNoticeMinutes: toMinutes(reason.requiredMillis) }
        : {}),
      ...(reason?.kind === 'overCap' ? { capMinutes: toMinutes(reason.capMillis), capPeriod: reason.period } : {}),
      line: part.row.line,
      ...(part.row.description === undefined ? {} : { description: part.row.description }),
    };
  });
  return {
    excludedMinutes: toMinutes(measure.excludedMillis),
    excludedRows: excludedLines.size,
    countedMinutes: toMinutes(measure.countedMillis),
    countedRows: countedLines.size,
    parts,
  };
}
