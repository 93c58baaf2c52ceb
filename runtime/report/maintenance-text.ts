import { formatDuration, formatDurationBeside } from '../clock/index.js';
import type { MaintenancePartRow, UptimeMaintenance } from '../evaluate/index.js';

/**
 * The maintenance of one uptime period for people: a total line, then one
 * line per part with what became of it and why. Parts outside the metric
 * clock's open time change nothing, so they are counted in one line rather
 * than listed (the JSON report lists them). Nothing when the period has no
 * maintenance.
 */
export function maintenanceLines(maintenance: UptimeMaintenance): string[] {
  if (maintenance.parts.length === 0) return [];
  const total =
    `    maintenance: ${formatDuration(maintenance.excludedMinutes)} excluded (${rows(maintenance.excludedRows)}), ` +
    `${formatDuration(maintenance.countedMinutes)} counted as downtime (${rows(maintenance.countedRows)})`;
  const listed = maintenance.parts.filter((part) => part.minutes > 0);
  const closed = maintenance.parts.length - listed.length;
  const closedLine = closed > 0 ? [`      ${closed} part${closed === 1 ? '' : 's'} ${OUTSIDE_THE_CLOCK}`] : [];
  return [total, ...listed.map((part) => `      ${span(part)}  ${outcome(part)}  (line ${part.line})`), ...closedLine];
}

function rows(count: number): string {
  return `${count} row${count === 1 ? '' : 's'}`;
}

/** `2026-03-01 02:00 to 06:00`, the end's date only when it differs. */
function span(part: MaintenancePartRow): string {
  const start = readable(part.start);
  const end = readable(part.end);
  return `${start} to ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

function outcome(part: MaintenancePartRow): string {
  if (!part.counted) return part.excluded ? `${formatDuration(part.minutes)} excluded` : 'scheduled maintenance, not downtime';
  return `${formatDuration(part.minutes)} downtime: ${reason(part)}`;
}

/**
 * Why a part stands as it does, for the site's and the review pack's
 * maintenance tables: the reason it counts as downtime (as the text report
 * words it), and for a part with no open time on the metric's clock what the
 * text report says of it instead of listing it. Without that, a row read
 * "0, counted as downtime, short notice" with nothing to say why 0.
 */
export function maintenancePartWhy(part: MaintenancePartRow): string {
  return [part.counted ? reason(part) : '', part.minutes === 0 ? OUTSIDE_THE_CLOCK : ''].filter(Boolean).join('; ');
}

const OUTSIDE_THE_CLOCK = "outside the hours of the metric's clock, with no effect";

function reason(part: MaintenancePartRow): string {
  if (part.reason === 'short notice') {
    const given = part.noticeMinutes === null || part.noticeMinutes === undefined ? 'not announced' : `${formatDurationBeside(part.noticeMinutes, part.requiredNoticeMinutes ?? 0, false)} given`;
    return `short notice (${given}, ${formatDuration(part.requiredNoticeMinutes ?? 0)} required)`;
  }
  if (part.reason === 'over the cap') return `over the cap (${formatDuration(part.capMinutes ?? 0)} in ${part.capPeriod})`;
  return part.reason ?? '';
}

/** `2026-03-01T02:00:00+01:00` as `2026-03-01 02:00` (the local time on the metric's clock). */
function readable(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}
