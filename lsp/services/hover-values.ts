import { DateTime, IANAZone } from 'luxon';
import type { AgreementModel, DurationModel } from '../../language/model/model.js';
import type { CalendarDeclaration, Declaration, EscalationDeclaration, WeekdayName, WeekdaySpan } from '../../language/syntax/ast.js';
import type { Position, Range } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import { formatDuration } from '../../runtime/clock/index.js';
import type { ServiceDocument } from './document.js';
import { referenceInstant } from './hover-metrics.js';

/** A hover's text and the range it is about. */
export interface ValueHover {
  text: string;
  range: Range;
}

/**
 * Hovers on values whose meaning is not written next to them: a time-zone
 * name (its offsets through the year), a weekday range (the days it
 * covers) and an escalation level's percentage (when each ticket reaches
 * it). Undefined when the cursor is on none of these.
 */
export function describeValue(document: ServiceDocument, declaration: Declaration, position: Position): ValueHover | undefined {
  if (declaration.kind === 'Calendar') return calendarValue(document, declaration as CalendarDeclaration, position);
  if (declaration.kind === 'Escalation') return escalationValue(document, declaration as EscalationDeclaration, position);
  return undefined;
}

function calendarValue(document: ServiceDocument, calendar: CalendarDeclaration, position: Position): ValueHover | undefined {
  for (const statement of calendar.statements ?? []) {
    if (!statement?.range || !rangeContains(statement.range, position)) continue;
    if (statement.kind === 'Timezone' && statement.zone && rangeContains(statement.zone.range, position)) {
      const text = describeZone(statement.zone.value, referenceInstant(document));
      return text ? { text, range: statement.zone.range } : undefined;
    }
    if (statement.kind === 'Hours') {
      const span = (statement.days ?? []).find((d) => d?.range && rangeContains(d.range, position));
      const text = span ? describeDays(span) : undefined;
      return text && span ? { text, range: span.range } : undefined;
    }
  }
  return undefined;
}

/** `Europe/Berlin`: its UTC offsets in January and July of the agreement's year. */
export function describeZone(zone: string, instant: number): string | undefined {
  if (!IANAZone.isValidZone(zone)) return undefined;
  const year = DateTime.fromMillis(instant, { zone }).year;
  const winter = DateTime.fromObject({ year, month: 1, day: 15, hour: 12 }, { zone });
  const summer = DateTime.fromObject({ year, month: 7, day: 15, hour: 12 }, { zone });
  const offsets =
    winter.offset === summer.offset
      ? `${utcOffset(winter.offset)} all year (${winter.offsetNameShort ?? winter.offsetNameLong})`
      : `${utcOffset(winter.offset)} in January (${winter.offsetNameShort}), ${utcOffset(summer.offset)} in July (${summer.offsetNameShort}), changing with daylight saving time`;
  return `**${zone}**: ${offsets} in ${year}. The calendar's hours and holidays are local time in this zone.`;
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const dayNames: Record<WeekdayName, string> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};
const order: WeekdayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Mon-Fri`: Monday to Friday, 5 days; `Fri-Mon` wraps over the weekend. */
export function describeDays(span: WeekdaySpan): string | undefined {
  if (!span.from) return undefined;
  if (!span.to || span.to === span.from) return `**${span.from}**: ${dayNames[span.from]} only.`;
  const from = order.indexOf(span.from);
  const to = order.indexOf(span.to);
  const count = ((to - from + 7) % 7) + 1;
  const days = Array.from({ length: count }, (_, i) => order[(from + i) % 7]!);
  const wraps = to < from ? `, wrapping past Sunday (${days.join(', ')})` : '';
  return `**${span.from}-${span.to}**: ${dayNames[span.from]} to ${dayNames[span.to]}, ${count} days a week${wraps}.`;
}

function escalationValue(document: ServiceDocument, escalation: EscalationDeclaration, position: Position): ValueHover | undefined {
  for (const statement of escalation.statements ?? []) {
    if (statement?.kind !== 'Level' || !statement.trigger || statement.trigger.kind !== 'At') continue;
    const { percent, metric } = statement.trigger;
    if (!percent?.range || !rangeContains(percent.range, position)) continue;
    const level = statement.level?.value;
    const text = describeShare(document, percent.value, metric?.text, level);
    return { text, range: percent.range };
  }
  return undefined;
}

/** `50% of Resolution`: when each severity's ticket reaches the level, from the metric's targets. */
function describeShare(document: ServiceDocument, percent: number, metricName: string | undefined, level: number | undefined): string {
  const who = level === undefined ? 'This level' : `Level ${level}`;
  const head = `**${percent}%**: ${who} is reached when ${percent}% of ${metricName ?? 'the metric'}'s target has gone by on its clock`;
  const model = document.analysis.model as AgreementModel | undefined;
  const metric = model?.metrics?.find((m) => m.name === metricName);
  if (!metric) return `${head}.`;
  const targets: [string, DurationModel][] = Object.entries(metric.targets ?? {});
  if (metric.defaultTarget) targets.push(['every other ticket', metric.defaultTarget]);
  const lines = targets.map(([severity, target]) => `- ${severity}: after ${share(target, percent)} (target ${target.text})`);
  return lines.length ? `${head}:\n\n${lines.join('\n')}` : `${head}.`;
}

function share(target: DurationModel, percent: number): string {
  if (target.minutes !== undefined) return formatDuration(Math.round((target.minutes * percent) / 100));
  const amount = Math.round(target.amount * percent) / 100;
  const unit = target.unit === 'businessDays' ? 'business day' : target.unit.replace(/s$/, '');
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`; // `1 business day`, `0.5 business days`
}
