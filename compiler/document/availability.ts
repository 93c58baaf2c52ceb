import type { MetricModel } from '../../language/model/model.js';
import { compileCalendar, openMillisBetween } from '../../runtime/clock/index.js';
import { percent, spellTimeZone } from '../english.js';
import { calendarTerm, metricCalendar, type DocumentContext } from './context.js';
import { paragraph, section, table, type Block, type Section } from './document.js';
import { firstYearPeriods, spellAllowance, spellMinutes } from './periods.js';
import { maintenanceTermsSection } from './maintenance.js';
import { PERIOD_NOUNS, uptimeSentence } from './service-levels.js';

const MINUTE_MS = 60_000;

/** Scheduled time and the downtime an uptime objective allows in each period of the first year. */
export interface DowntimeAllowance {
  label: string;
  scheduledMinutes: number;
  allowedMinutes: number;
}

/**
 * Computed with the runtime clock, so the document states the same open time
 * that `slac check` counts. Scheduled Maintenance is not deducted: it is not
 * known in advance.
 */
export function downtimeAllowances(context: DocumentContext, metric: MetricModel): DowntimeAllowance[] {
  const calendar = metricCalendar(context, metric);
  const effective = context.model.agreement?.effective;
  if (!calendar || !metric.objective || !effective) return [];
  const compiled = compileCalendar(calendar);
  const share = 1 - metric.objective.percent / 100;
  return firstYearPeriods(effective, metric.objective.period, calendar.timezone).map((period) => {
    const scheduledMinutes = openMillisBetween(compiled, period.start, period.end) / MINUTE_MS;
    return { label: period.label, scheduledMinutes, allowedMinutes: scheduledMinutes * share };
  });
}

/**
 * The allowances as a table: period, Scheduled Time, Downtime allowed. The
 * allowance is rounded down to the second, so Downtime of exactly the printed
 * figure keeps to the objective (test/compiler/allowances.test.ts).
 */
export function allowanceTable(allowances: DowntimeAllowance[], period: string): Block {
  return table(
    [period.charAt(0).toUpperCase() + period.slice(1), 'Scheduled Time', 'Downtime allowed'],
    allowances.map((row) => [row.label, spellMinutes(row.scheduledMinutes), spellAllowance(row.allowedMinutes)]),
  );
}

function uptimeBlocks(context: DocumentContext, metric: MetricModel): Block[] {
  const blocks: Block[] = [paragraph(uptimeSentence(metric))];
  const allowances = downtimeAllowances(context, metric);
  const first = allowances[0];
  const calendar = metricCalendar(context, metric);
  if (first && metric.objective && calendar) {
    const noun = PERIOD_NOUNS[metric.objective.period];
    blocks.push(
      paragraph(
        `Availability is measured in ${spellTimeZone(calendar.timezone)} local ${noun}s. For example, ${first.label} has ${spellMinutes(first.scheduledMinutes)} of ${calendarTerm(metric.clock)}, so an objective of ${percent(metric.objective.percent)} allows at most ${spellAllowance(first.allowedMinutes)} of Downtime in that ${noun}${metric.excludingMaintenance ? ' (less if Scheduled Maintenance reduces the Scheduled Time)' : ''}. Appendix A lists the Downtime allowed in each ${noun} of the first year.`,
      ),
    );
  }
  return blocks;
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
