/**
 * One or two plain sentences per keyword, for hovers and completion items.
 * Written for the people who write agreements: what the word means in the
 * agreement, not how the parser reads it. Where a word means different
 * things in different blocks, the entry is keyed `context:word`.
 */
const docs: Record<string, string> = {
  import: 'Brings every declaration of another `.sla` file into this one, e.g. shared corporate terms. The path is relative to this file.',
  agreement: 'The agreement itself: its title, version, parties and purpose. A compiled file has at most one.',
  param: 'A blank to fill when the agreement is compiled (`slac compile --param Name=value`); until then the placeholder is shown.',
  calendar: 'When a clock runs: a time zone, opening hours per weekday and holidays. Targets count only the open time of their calendar.',
  channel: 'A way to reach the provider (phone, email, portal) and the calendar during which it is staffed.',
  severity: 'How serious a ticket is. Declare severities from most to least severe; exactly one is `default`.',
  pause: 'Stops every ticket clock while the ticket has one of these statuses, e.g. while waiting for the customer.',
  metric: 'One measured commitment: what is measured, on which clock, the target per severity and the share of tickets that must meet it.',
  escalation: 'Who a ticket goes to, and when: at a share of a metric\'s target, or after an amount of open time.',
  credits: 'Service credits: the share of the period\'s fee given back when a metric falls below a threshold, up to a cap.',
  responsibilities: 'The obligations of one party, `Provider` or `Client`, listed in the agreement.',
  clause: 'A section of free prose with a title, printed in the agreement in the order written.',
  review: 'How often and on what occasions both parties review the service against the agreement.',
  override: 'Replaces a declaration of the same kind and name brought in by an import, e.g. a stricter metric for one customer.',
  Provider: 'The party that provides the service, as named in the agreement block.',
  Client: 'The party that receives the service, as named in the agreement block.',
  title: 'The human title shown in the agreement.',
  version: 'The version of the agreement document, e.g. "1.2".',
  effective: 'The date from which the agreement applies (YYYY-MM-DD).',
  provider: 'The party that provides the service: a name in quotes or a `param`.',
  client: 'The party that receives the service: a name in quotes or a `param`.',
  contact: 'How to reach the party or channel: an email address, phone number or web address.',
  purpose: 'Why the agreement exists, as prose in a """text block""".',
  timezone: 'The IANA time zone the calendar\'s hours are read in, e.g. "Europe/Berlin". Daylight-saving changes are taken into account.',
  hours: 'Opening hours: weekdays and time ranges, e.g. `hours Mon-Fri 08:00-12:00, 13:00-17:00`. A range ending before it starts crosses midnight.',
  'channel:hours': 'The calendar during which this channel is staffed.',
  holidays: 'Dates on which the calendar is closed, each with a name. `DATE hours 08:00-12:00 "name"` makes it a short day instead.',
  description: 'What this severity means, in words both parties recognise.',
  default: 'Marks the severity a ticket gets when it is logged without one. Exactly one severity is the default.',
  when: 'In credits: `when Metric below P% credit Q%` gives a credit when the metric falls below P% in a period.',
  'pause:when': 'Introduces the statuses during which ticket clocks stop.',
  status: 'Ticket statuses, compared without regard to case or surrounding spaces.',
  measures: 'What the metric measures: `first response`, `first estimate`, `resolution`, `update interval` (longest gap between updates) or `uptime`.',
  clock: 'The calendar whose open time the metric counts. Time outside it, and paused time, does not count.',
  target: 'The longest a ticket may take, in open time: `target 4 hours` for every severity, or `target P1 15 minutes` for one.',
  objective: 'The share of tickets (or, for uptime, of scheduled time) that must meet the target in each period, e.g. `objective 95% monthly`.',
  excluding: '`excluding maintenance`: announced maintenance windows do not count as scheduled time for uptime.',
  maintenance: '`excluding maintenance`: announced maintenance windows do not count as scheduled time for uptime.',
  level: 'One escalation step: `level 1 "Team lead" at 50% of Resolution`, or `after 4 hours` of the escalation clock.',
  at: '`at P% of Metric`: the level is due when the ticket has used that share of its target.',
  of: 'Names the metric whose target the percentage is taken of.',
  after: '`after DURATION`: the level is due after that much open time of the escalation block\'s clock.',
  below: 'The attainment (or uptime) under which this credit tier applies.',
  credit: 'The share of the period\'s fee credited back when this tier applies.',
  cap: 'The most that can be credited in one period, whatever the tiers add up to.',
  every: 'How often the review takes place, e.g. `every 3 months`.',
  also: '`also on request` or `also after major incident`: further occasions for a review.',
  participants: 'Who takes part in the review, per party.',
  agenda: 'The items discussed at each review, each with a title and a description.',
  report: 'What the written review report contains.',
  notify: '`notify changes by email`: how the other party learns of changes to the agreement.',
  amendments: 'How the agreement may be changed.',
  monthly: 'The objective is judged per calendar month in the clock\'s time zone.',
  quarterly: 'The objective is judged per calendar quarter in the clock\'s time zone.',
  yearly: 'The objective is judged per calendar year in the clock\'s time zone.',
  weekly: 'The objective is judged per ISO week in the clock\'s time zone.',
  uptime: 'The share of the calendar\'s open time the service was up, judged by the objective; it has no targets.',
  resolution: 'From when the ticket is created until it is resolved or closed.',
  response: '`first response`: from when the ticket is created until the first reply by an agent; automated replies do not count.',
  estimate: '`first estimate`: from when the ticket is created until the first estimate is given.',
  interval: '`update interval`: the longest gap between updates by an agent while the ticket is open.',
  business: '`N business days`: due at the close of the N-th open day of the clock\'s calendar after the day the ticket was opened.',
  minutes: 'Minutes of the clock\'s open time.',
  hour: 'Hours of the clock\'s open time.',
  days: 'A day is 24 hours of open time, so `days` is only allowed on a calendar open around the clock; elsewhere write `business days`.',
  weeks: 'Weeks of the clock\'s open time (7 times 24 hours on a round-the-clock calendar).',
  months: 'Months are only used for the review cadence, `every 3 months`.',
};

const aliases: Record<string, string> = {
  minute: 'minutes',
  hours: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  first: 'response',
  update: 'interval',
  on: 'also',
  request: 'also',
  major: 'also',
  incident: 'also',
  changes: 'notify',
  by: 'notify',
  email: 'notify',
};

/**
 * The explanation of a keyword, preferring the one for the block it is used
 * in (`channel:hours`), or undefined for a word that is not a keyword.
 */
export function keywordDoc(word: string, context?: string): string | undefined {
  if (context && docs[`${context}:${word}`]) return docs[`${context}:${word}`];
  if (word === 'hours' && context && context !== 'calendar' && context !== 'holidays') return docs.hour;
  return docs[word] ?? (aliases[word] ? docs[aliases[word]] : undefined);
}
