import type { CalendarModel, MetricModel } from '../../language/model/model.js';
import { compileCalendar, openMillisBetween, type CompiledCalendar } from '../../runtime/clock/index.js';
import { mostMissedKeeping } from '../../runtime/evaluate/fractions.js';
import { percent } from '../english.js';
import { calendarTerm, metricCalendar, spellZone, type DocumentContext } from './context.js';
import { paragraph, section, table, type Block, type Section } from './document.js';
import { firstYearPeriods, listedPeriods, spellAllowance, spellMinutes, spellPeriodList, type PeriodSpan } from './periods.js';
import { maintenanceTermsSection } from './maintenance.js';
import { PERIOD_NOUNS, uptimeSentence } from './service-levels.js';

const MINUTE_MS = 60_000;

/** Scheduled time and the downtime an uptime objective allows in each period of the first year. */
export interface DowntimeAllowance {
  label: string;
  month?: PeriodSpan['month'];
  scheduledMinutes: number;
  allowedMinutes: number;
}

/**
 * Computed with the runtime clock, so the document states the same open time
 * that `slac check` counts. Scheduled Maintenance is not deducted: it is not
 * known in advance.
 */
export function downtimeAllowances(context: DocumentContext, metric: MetricModel): DowntimeAllowance[] {
  // Asked by the metric's section and by Appendix A: worked out once per document.
  let known = allowancesByContext.get(context);
  if (!known) allowancesByContext.set(context, (known = new Map()));
  let allowances = known.get(metric);
  if (!allowances) known.set(metric, (allowances = workOutAllowances(context, metric)));
  return allowances;
}

const allowancesByContext = new WeakMap<DocumentContext, Map<MetricModel, DowntimeAllowance[]>>();

/**
 * What the allowances of one document share: the uptime metrics of a large
 * agreement (70 of them, on a few clocks and zones) compiled each its
 * clock and listed each its periods, a third of the document's time (and
 * of SLA5005's judgement on each edit in the editor).
 */
interface SharedAllowanceWork {
  compiled: Map<CalendarModel, CompiledCalendar>;
  /** By effective date, period and zone. */
  periods: Map<string, PeriodSpan[]>;
}

const sharedWorkByContext = new WeakMap<DocumentContext, SharedAllowanceWork>();

function sharedWorkOf(context: DocumentContext): SharedAllowanceWork {
  let shared = sharedWorkByContext.get(context);
  if (!shared) sharedWorkByContext.set(context, (shared = { compiled: new Map(), periods: new Map() }));
  return shared;
}

function workOutAllowances(context: DocumentContext, metric: MetricModel): DowntimeAllowance[] {
  const calendar = metricCalendar(context, metric);
  const effective = context.model.agreement?.effective;
  if (!calendar || !metric.objective || !effective) return [];
  const shared = sharedWorkOf(context);
  let compiled = shared.compiled.get(calendar);
  if (!compiled) shared.compiled.set(calendar, (compiled = compileCalendar(calendar)));
  const periodsKey = `${effective} ${metric.objective.period} ${calendar.timezone}`;
  let periods = shared.periods.get(periodsKey);
  if (!periods) shared.periods.set(periodsKey, (periods = firstYearPeriods(effective, metric.objective.period, calendar.timezone)));
  const percent = metric.objective.percent;
  return periods.map((period) => {
    const scheduledMinutes = openMillisBetween(compiled, period.start, period.end) / MINUTE_MS;
    // Whole seconds, from the objective as written in the check's own exact arithmetic: no float share can round it across the limit.
    const allowedMinutes = mostMissedKeeping(percent, scheduledMinutes * 60) / 60;
    return { label: period.label, ...(period.month ? { month: period.month } : {}), scheduledMinutes, allowedMinutes };
  });
}

/** Periods whose Scheduled Time and allowance read the same once printed, in the order of their first period. */
export interface AllowanceGroup {
  periods: DowntimeAllowance[];
  scheduledTime: string;
  allowed: string;
}

/**
 * Groups the allowances by the figures the document prints, so that a year
 * of months reads as a few rows and each period's figures are stated once.
 * Keyed by both figures: periods with the same allowance but different
 * Scheduled Time stay apart, so no row states a Scheduled Time that is
 * wrong for one of its periods.
 */
export function groupAllowances(allowances: readonly DowntimeAllowance[]): AllowanceGroup[] {
  const groups = new Map<string, AllowanceGroup>();
  for (const allowance of allowances) {
    const scheduledTime = spellMinutes(allowance.scheduledMinutes);
    const allowed = spellAllowance(allowance.allowedMinutes);
    const key = `${scheduledTime}|${allowed}`;
    const group = groups.get(key);
    if (group) group.periods.push(allowance);
    else groups.set(key, { periods: [allowance], scheduledTime, allowed });
  }
  return [...groups.values()];
}

/**
 * The allowances as a table: periods, Scheduled Time, Downtime allowed, one
 * row per group of periods with the same figures. The allowance is rounded
 * down to the second, so Downtime of exactly the printed figure keeps to the
 * objective (test/compiler/allowances.test.ts).
 */
export function allowanceTable(allowances: DowntimeAllowance[], period: string): Block {
  const groups = groupAllowances(allowances);
  const grouped = groups.some((group) => group.periods.length > 1);
  const heading = `${period.charAt(0).toUpperCase()}${period.slice(1)}${grouped ? 's' : ''}`;
  return table(
    [heading, 'Scheduled Time', 'Downtime allowed'],
    groups.map((group) => [spellPeriodList(group.periods), group.scheduledTime, group.allowed]),
  );
}

function uptimeBlocks(context: DocumentContext, metric: MetricModel): Block[] {
  const blocks: Block[] = [paragraph(uptimeSentence(metric))];
  const allowances = downtimeAllowances(context, metric);
  const first = allowances[0];
  const calendar = metricCalendar(context, metric);
  if (!metric.objective || !calendar) return blocks;
  const noun = PERIOD_NOUNS[metric.objective.period];
  const measuredIn = `Availability is measured in ${spellZone(context, calendar.timezone)} local ${noun}s${metric.objective.period === 'weekly' ? ', each from Monday to Sunday' : ''}.`;
  // Without an effective date there is no first period to work out, but the periods are still the calendar's (SEMANTICS.md, Objectives).
  if (!first) return [...blocks, paragraph(measuredIn)];
  const example = `For example, ${first.label} has ${spellMinutes(first.scheduledMinutes)} of ${calendarTerm(metric.clock)}, so an objective of ${percent(metric.objective.percent)} allows at most ${spellAllowance(first.allowedMinutes)} of Downtime in that ${noun}${metric.excludingMaintenance ? ' (less if Scheduled Maintenance reduces the Scheduled Time)' : ''}.`;
  return [...blocks, paragraph(`${measuredIn} ${example} Appendix A lists the Downtime allowed in ${listedPeriods(metric.objective.period, noun)}.`)];
}

/**
 * Section "Availability and Maintenance": uptime objectives and the downtime
 * they allow, then the maintenance terms; titled by what the agreement has.
 */
export function availabilitySection(context: DocumentContext): Section | undefined {
  const uptime = context.model.metrics.filter((metric) => metric.measures === 'uptime');
  const maintenance = maintenanceTermsSection(context);
  if (uptime.length === 0 && !maintenance) return undefined;
  const subsections = uptime.map((metric) => section(metric.title, uptimeBlocks(context, metric)));
  if (maintenance) subsections.push(maintenance);
  const blocks: Block[] = [];
  if (uptime.length > 0) {
    blocks.push(
      paragraph(
        'Availability in a period is the share of Scheduled Time that is not Downtime: Scheduled Time less Downtime, divided by Scheduled Time. An objective is met when availability is at least the percentage stated.',
      ),
    );
  }
  if (uptime.some((metric) => metric.excludingMaintenance)) {
    blocks.push(paragraph('Where an objective excludes Scheduled Maintenance, Scheduled Maintenance is not Scheduled Time: it neither counts as Downtime nor reduces availability.'));
  }
  const title = uptime.length === 0 ? 'Maintenance' : maintenance ? 'Availability and Maintenance' : 'Availability';
  return section(title, blocks, subsections);
}
