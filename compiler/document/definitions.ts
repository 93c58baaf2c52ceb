import { joinWithAnd, spellTimeZone } from '../english.js';
import { isAroundTheClock, isTicketMetric, type DocumentContext } from './context.js';
import { list, section, strong, text, type Inline, type Section } from './document.js';
import { hasHolidayRules, hasHolidays } from './holiday-dates.js';
import { scheduledMaintenanceMeaning } from './maintenance.js';
import { summarizeWeek } from './service-hours.js';

const quoted = (value: string): string => `“${value}”`;

function definition(term: string, meaning: string): Inline {
  return [strong(term), text(` ${meaning}`)];
}

/**
 * Section "Definitions", generated from what the agreement uses: a term is
 * defined only when a service level, credit or calendar relies on it.
 */
export function definitionsSection(context: DocumentContext): Section {
  const { model } = context;
  const measures = new Set(model.metrics.map((metric) => metric.measures));
  const usesBusinessDays = model.metrics.some((metric) =>
    Object.values(metric.targets).concat(metric.defaultTarget ?? []).some((target) => target.unit === 'businessDays'),
  );
  const items: Inline[] = [];
  for (const calendar of model.calendars) {
    const where = !hasHolidays(calendar)
      ? ''
      : hasHolidayRules(calendar)
        ? ', excluding its holidays as set out under Service Hours'
        : ', excluding the holidays listed under Service Hours';
    items.push(
      definition(
        calendar.name,
        `means the hours of the ${calendar.name} calendar: ${summarizeWeek(calendar)}, ${spellTimeZone(calendar.timezone)}${where}.`,
      ),
    );
  }
  if (usesBusinessDays || model.calendars.some((calendar) => !isAroundTheClock(calendar))) {
    items.push(
      definition(
        'Business Time',
        'means time during which the calendar in question is open. Business minutes and business hours are minutes and hours of business time; a target stated in business time is counted only while its calendar is open.',
      ),
    );
    items.push(
      definition(
        'Business Day',
        'means a day on which the calendar in question is open and which is not one of its holidays. A target of N business days falls due at the close of the N-th Business Day after the day the ticket was opened.',
      ),
    );
  }
  if (model.metrics.some(isTicketMetric)) {
    const through = model.channels.length > 0 ? 'through one of the Channels' : 'to the Provider';
    items.push(definition('Ticket', `means a request for support that the Client reports ${through}.`));
    items.push(
      definition('Severity', `means the level of impact given to a ticket; the levels are ${joinWithAnd(model.severities.map((s) => s.name))}.`),
    );
  }
  if (measures.has('firstResponse')) {
    items.push(
      definition(
        'First Response',
        'means the first reply to a ticket written by a person acting for the Provider. Automated replies, such as acknowledgements sent by a ticketing system, do not count. Resolving a ticket before any reply also ends the time to first response.',
      ),
    );
  }
  if (measures.has('firstEstimate')) {
    items.push(definition('Resolution Estimate', 'means the Provider’s first estimate, given to the Client, of when a ticket will be resolved.'));
  }
  if (measures.has('nextReply')) {
    items.push(
      definition(
        'Further Message',
        'means a message the Client sends on a ticket after the Provider’s first reply to it (written by a person, not an automated reply) while the ticket is unresolved. The time to answer it runs from that message, or from the earliest of several messages not yet answered, until the Provider next replies or resolves the ticket. Automated replies neither start nor end it.',
      ),
    );
  }
  if (measures.has('resolution') || measures.has('updateInterval') || measures.has('firstResponse') || measures.has('nextReply')) {
    items.push(
      definition(
        'Resolution',
        'means the Provider marking a ticket resolved or closed. If the ticket is reopened, its clock runs again; the time between the resolution and the reopening does not count.',
      ),
    );
  }
  if (measures.has('updateInterval')) {
    items.push(
      definition(
        'Update Interval',
        'means the time between the opening of a ticket (or the Provider’s last update on it) and the Provider’s next update, while the ticket is unresolved.',
      ),
    );
  }
  const statuses = model.pause.statuses;
  if (statuses.length > 0) {
    items.push(
      definition(
        'Paused Time',
        `means time during which a ticket’s status is ${joinWithAnd(statuses.map(quoted), 'or')}. The clock of every service level${model.metrics.some((metric) => metric.pause) ? ' that does not state its own pauses' : ''} stops while a ticket is paused and runs again when its status changes.`,
      ),
    );
  }
  if (measures.has('uptime')) {
    const maintenance = model.maintenance ? ', including any maintenance that is not Scheduled Maintenance' : '';
    items.push(
      definition('Downtime', `means time within the scheduled hours of an availability objective during which the service is unavailable to the Client${maintenance}.`),
    );
  }
  const excluded = model.metrics.some((metric) => metric.excludingMaintenance);
  if (model.maintenance || excluded) {
    items.push(definition('Scheduled Maintenance', scheduledMaintenanceMeaning(context, excluded)));
  }
  if (model.credits && model.credits.tiers.length > 0) {
    items.push(definition('Service Credit', 'means a reduction of the fee for a period, as a percentage of that period’s fee, that the Client receives when a service level is missed.'));
  }
  return section('Definitions', [list(items)]);
}
