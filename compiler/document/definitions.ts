import { joinWithAnd } from '../english.js';
import { businessDayMeaning, usesBusinessDays } from './business-days.js';
import { calendarTerm, isTicketMetric, runsTicketClocks, spellZone, usesBusinessTime, type DocumentContext } from './context.js';
import { list, section, strong, text, type Inline, type Section } from './document.js';
import { hasHolidayRules, hasHolidays } from './holiday-dates.js';
import { scheduledMaintenanceMeaning } from './maintenance.js';
import { summarizeWeek } from './service-hours.js';

const quoted = (value: string): string => `“${value}”`;

function definition(term: string, meaning: string): Inline {
  return [strong(term), text(` ${meaning}`)];
}

/** True when the agreement has an availability objective, Scheduled Maintenance or a Service Credit to speak of the Service. */
export function mentionsService(context: DocumentContext): boolean {
  return context.model.metrics.some((metric) => metric.measures === 'uptime') || context.model.maintenance !== undefined;
}

/**
 * Section "Definitions", generated from what the agreement uses: a term is
 * defined only when a service level, credit or calendar relies on it, and
 * listed in alphabetical order.
 */
export function definitionsSection(context: DocumentContext): Section {
  const { model } = context;
  const measures = new Set(model.metrics.map((metric) => metric.measures));
  const items: [string, string][] = [];
  const define = (term: string, meaning: string): void => {
    items.push([term, meaning]);
  };
  for (const calendar of model.calendars) {
    const where = !hasHolidays(calendar)
      ? ''
      : hasHolidayRules(calendar)
        ? ', except on its holidays as set out under Service Hours'
        : ', except on the holidays listed under Service Hours';
    define(calendarTerm(calendar.name), `means ${summarizeWeek(calendar)}, ${spellZone(context, calendar.timezone)}${where} (the ${calendar.name} calendar).`);
  }
  if (usesBusinessTime(model)) {
    // An escalation alone has times, not targets (an agreement may escalate without a ticket service level).
    define(
      'Business Time',
      model.metrics.some(isTicketMetric)
        ? 'means the time during which the calendar named with a target is open. A target stated in business minutes or business hours counts only Business Time.'
        : 'means the time during which the calendar the escalation names is open. An escalation time stated in business minutes or business hours counts only Business Time.',
    );
  }
  if (usesBusinessDays(model)) {
    define('Business Day', businessDayMeaning(model));
  }
  // The Severity Levels section speaks of Tickets and their levels even in an agreement without a ticket metric.
  if (model.metrics.some(isTicketMetric) || model.severities.length > 0) {
    const through = model.channels.length > 0 ? 'through one of the channels set out under Channels' : 'to the Provider';
    define('Ticket', `means a request for support that the Client reports ${through}.`);
    const levels = model.severities.map((severity) => severity.name);
    const which = levels.length === 1 ? `the only level is ${levels[0]}` : `the levels are ${joinWithAnd(levels)}`;
    define('Severity Level', `means the level of impact given to a Ticket; ${which}.`);
  }
  if (measures.has('firstResponse')) {
    define(
      'First Response',
      'means the first reply to a Ticket written by a person acting for the Provider. Automated replies, such as acknowledgements sent by a ticketing system, do not count. The Resolution of a Ticket before any reply also ends the time to First Response.',
    );
  }
  if (measures.has('firstEstimate')) {
    define('Resolution Estimate', 'means the Provider’s first estimate, given to the Client, of when a Ticket will reach its Resolution.');
  }
  if (measures.has('nextReply')) {
    define(
      'Further Message',
      // slac check starts a cycle at a customer reply while the ticket is unresolved (SEMANTICS.md, next reply): a reopened
      // ticket is unresolved again, so 'before its Resolution' alone would leave out what it measures.
      'means a message the Client sends on a Ticket after the Provider’s first reply to it (written by a person, not an automated reply) and before its Resolution, or after it is reopened and before its next Resolution. The time to answer it runs from that message, or from the earliest of several messages not yet answered, until the Provider next replies or the Ticket’s Resolution. Automated replies neither start nor end it.',
    );
  }
  // Every ticket service level (a Resolution Estimate too: `or its Resolution if that comes first`) and every escalation level ends at a Resolution.
  if (runsTicketClocks(model)) {
    define(
      'Resolution',
      'means the Provider marking a Ticket resolved or closed. If the Ticket is reopened, its clock runs again; the time between the Resolution and the reopening does not count.',
    );
  }
  if (measures.has('updateInterval')) {
    define(
      'Update Interval',
      // As slac check measures the gaps (SEMANTICS.md, update interval): a Resolution ends one and a reopening starts the next;
      // only an agent's reply ends one, so an automated status message, which a reader could take for an update, is named as none.
      'means the time from the opening of a Ticket, its reopening or the Provider’s last update on it, whichever is latest, to the Provider’s next update or the Ticket’s Resolution, whichever comes first. An update is a reply written by a person acting for the Provider; automated replies, such as status messages sent by a ticketing system, are not updates.',
    );
  }
  const statuses = model.pause.statuses;
  // Pauses stop ticket clocks only: beside an availability objective alone they have nothing to stop. A change
  // from one paused status to another leaves the clock stopped, and statuses match as slac check matches them
  // (LANGUAGE.md: case-insensitively, trimmed).
  if (statuses.length > 0 && runsTicketClocks(model)) {
    define(
      'Paused Time',
      `means time during which a Ticket’s status is ${joinWithAnd(statuses.map(quoted), 'or')}. ${pausedClocks(model)} stops while a Ticket is paused and runs again when its status changes to one not named here. Statuses are compared without regard to capitals or surrounding spaces.`,
    );
  }
  if (mentionsService(context)) {
    const described = model.agreement?.purpose?.trim() ? ', as described under Purpose' : '';
    define('Service', `means the service that the Provider operates for the Client under the Agreement${described}.`);
  }
  const uptime = model.metrics.filter((metric) => metric.measures === 'uptime');
  const excluded = model.metrics.some((metric) => metric.excludingMaintenance);
  if (uptime.length > 0) {
    const less = excluded ? ', less any Scheduled Maintenance where the objective excludes it' : '';
    define(
      'Scheduled Time',
      `means, for an availability objective and a period, the open time in that period of the calendar the objective names${less}.`,
    );
    const maintenance = model.maintenance ? ' Maintenance that is not Scheduled Maintenance is Downtime.' : '';
    define(
      'Downtime',
      `means Scheduled Time during which the Service is unavailable to the Client. The Service is unavailable from the start to the end of each outage of it that the Provider records; time covered by more than one outage counts once.${maintenance}`,
    );
  }
  if (model.maintenance || excluded) {
    define('Scheduled Maintenance', scheduledMaintenanceMeaning(context, excluded));
  }
  if (model.credits && model.credits.tiers.length > 0) {
    define('Fee', 'means the amount the Client pays the Provider under the Agreement for a period, before any Service Credit.');
    define('Service Credit', 'means a reduction of the Fee for a period, as a percentage of that period’s Fee, that the Client receives when a service level falls below a threshold set out under Service Credits.');
  }
  items.sort(([a], [b]) => a.localeCompare(b, 'en'));
  return section('Definitions', [list(items.map(([term, meaning]) => definition(term, meaning)))]);
}

/** Whose clock Paused Time stops: the service levels' (but those stating their own pauses), or only the escalation's when there are none. */
function pausedClocks(model: DocumentContext['model']): string {
  if (!model.metrics.some(isTicketMetric)) return 'The escalation clock';
  return `The clock of every service level${model.metrics.some((metric) => metric.pause) ? ' that does not state its own pauses' : ''}`;
}
