import { findCalendar, type MaintenanceModel } from '../../language/model/model.js';
import type { DocumentContext } from './context.js';
import { calendarTerm, spellDuration, spellZone } from './context.js';
import { list, paragraph, section, strong, text, type Inline, type Section } from './document.js';
import { hasHolidays } from './holiday-dates.js';
import { summarizeWeek } from './service-hours.js';
import { PERIOD_NOUNS } from './service-levels.js';

const hasUptime = (context: DocumentContext): boolean => context.model.metrics.some((metric) => metric.measures === 'uptime');

/** `Sunday 02:00–06:00, Central European Time (Europe/Berlin)`: the window calendar's hours in words. */
export function spellWindowHours(context: DocumentContext, window: string): string | undefined {
  const calendar = findCalendar(context.model, window);
  if (!calendar) return undefined;
  const holidays = hasHolidays(calendar) ? ', except on its holidays' : '';
  return `${summarizeWeek(calendar)}, ${spellZone(context, calendar.timezone)}${holidays}`;
}

/** Notice and cap are real elapsed time, so they are spelled as around the clock: `5 days`, `48 hours`. */
function spellNotice(maintenance: MaintenanceModel): string | undefined {
  return maintenance.notice ? spellDuration(maintenance.notice, true) : undefined;
}

/** `8 hours` and `month`. */
function spellCap(maintenance: MaintenanceModel): { amount: string; period: string } | undefined {
  const cap = maintenance.atMost;
  return cap ? { amount: spellDuration(cap.duration, true), period: PERIOD_NOUNS[cap.period] } : undefined;
}

/**
 * `Months are counted in UK Time (Europe/London).`: the zone whose periods
 * the cap is counted in, as slac check cuts them (maintenanceRulesFor): the
 * window calendar's, else the clock of the availability objective it serves.
 * Without an availability objective the cap is counted for none: no sentence.
 */
function capZoneSentence(context: DocumentContext, period: string): string {
  const maintenance = context.model.maintenance;
  const windowZone = maintenance?.window === undefined ? undefined : findCalendar(context.model, maintenance.window)?.timezone;
  const uptimeZones = context.model.metrics
    .filter((metric) => metric.measures === 'uptime')
    .map((metric) => findCalendar(context.model, metric.clock)?.timezone);
  const zones = new Set(windowZone === undefined ? uptimeZones : [windowZone]);
  if (zones.size === 0 || zones.has(undefined)) return '';
  const periods = `${period.charAt(0).toUpperCase()}${period.slice(1)}s`;
  if (zones.size > 1) return ` ${periods} are counted in the time zone of the hours of the availability objective the maintenance is counted for.`;
  return ` ${periods} are counted in ${spellZone(context, [...zones][0]!)}.`;
}

/**
 * The definition of Scheduled Maintenance from the `maintenance` declaration:
 * only the terms it declares (window, notice, cap), then what happens to
 * maintenance outside them.
 */
export function scheduledMaintenanceMeaning(context: DocumentContext, excluded: boolean): string {
  const maintenance = context.model.maintenance;
  const tail = excluded ? ' Where an availability objective excludes it, Scheduled Maintenance is not counted as Scheduled Time or as Downtime.' : '';
  if (!maintenance) return `means maintenance the Provider carries out in a maintenance window.${tail}`;
  const terms: string[] = [];
  if (maintenance.window) terms.push(` within ${calendarTerm(maintenance.window)}`);
  const notice = spellNotice(maintenance);
  if (notice) terms.push(`, announced to the Client at least ${notice} before it starts`);
  const cap = spellCap(maintenance);
  if (cap) terms.push(`, up to ${cap.amount} in each ${cap.period}`);
  const outside = hasUptime(context) && terms.length > 0 ? ' Any maintenance, or part of it, that falls outside these terms counts as Downtime.' : '';
  return `means planned maintenance of the Service that the Provider carries out${terms.join('')}.${outside}${tail}`;
}

/**
 * What maintenance outside a term becomes: Downtime where an availability
 * objective measures it, otherwise (with no Downtime to speak of) simply not
 * Scheduled Maintenance.
 */
function outsideTerms(context: DocumentContext): string {
  return hasUptime(context) ? 'counts as Downtime' : 'is not Scheduled Maintenance';
}

/** `**Window.** Planned maintenance ...`: one term of the list, its name in bold. */
const term = (name: string, sentence: string): Inline => [strong(`${name}.`), text(` ${sentence}`)];

/** Subsection "Scheduled Maintenance": each declared term in full, with what happens outside it. */
export function maintenanceTermsSection(context: DocumentContext): Section | undefined {
  const maintenance = context.model.maintenance;
  if (!maintenance) return undefined;
  const terms: Inline[] = [];
  const outside = outsideTerms(context);
  if (maintenance.window) {
    const hours = spellWindowHours(context, maintenance.window);
    const open = hours ? `, which is open ${hours}` : '';
    terms.push(
      term(
        'Window',
        `Planned maintenance takes place within ${calendarTerm(maintenance.window)}${open}. The part of any maintenance outside these hours ${outside}.`,
      ),
    );
  }
  const notice = spellNotice(maintenance);
  if (notice) {
    terms.push(
      term(
        'Notice',
        `The Provider announces planned maintenance to the Client at least ${notice} before it starts. Maintenance announced later, or not announced, ${outside}.`,
      ),
    );
  }
  const cap = spellCap(maintenance);
  if (cap) {
    terms.push(
      term(
        'Limit',
        `No more than ${cap.amount} of maintenance in each ${cap.period}${cap.period === 'week' ? ' (from Monday to Sunday)' : ''} is Scheduled Maintenance, counted in the order the maintenance takes place.${capZoneSentence(context, cap.period)} Maintenance beyond that ${outside}.`,
      ),
    );
  }
  return section('Scheduled Maintenance', [
    paragraph(
      `Planned maintenance is Scheduled Maintenance only when it keeps to ${terms.length === 1 ? 'the following term' : 'all of the following terms'}:`,
    ),
    list(terms),
  ]);
}
