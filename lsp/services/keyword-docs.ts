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
  'holidays:hours': '`2026-12-24 hours 08:00-12:00`: a short day: the calendar is open only during these hours that day, instead of closed.',
  holidays: 'Days on which the calendar is closed: `holidays "DE-BE"` (the public holidays of a country or subdivision, every year), `holidays from "days.ics"` (the all-day events of an iCalendar file) or a block of dated and `annually` lines. `hours 08:00-12:00` on a line makes it a short day instead.',
  annually: '`annually 12-24 "Christmas Eve"`: a holiday on the same day every year (month-day). A dated line for the same day wins over it; it wins over a country set and a file.',
  from: '`holidays from "file.ics"`: every all-day event of that iCalendar file is a holiday, and recurring events recur. The path is relative to this file.',
  matches: 'The values the helpdesk records for this, e.g. `matches "urgent", "Highest"`: a log value equal to one of them (ignoring case and surrounding spaces) means this severity or channel.',
  via: '`target via Phone 2 minutes`, `target P1 via Email 30 minutes`: a target for tickets that came in through that channel. The most specific target wins: severity and channel, then channel, then severity, then the plain target.',
  never: '`pause never`: this metric\'s clock never stops, whatever the ticket\'s status.',
  'metric:pause': 'This metric\'s own pauses: `pause when status "On hold"` replaces the agreement-wide pause statuses for this metric; `pause never` turns pausing off for it.',
  'metric:when': '`pause when status ...`: the statuses during which this metric\'s clock stops (instead of the agreement-wide ones).',
  'top:maintenance': 'When planned maintenance may take place without counting as downtime: its `window` (a calendar), the `notice` it must be announced with, and `at most` how much a period. Maintenance outside these terms counts as downtime.',
  'maintenance:maintenance': 'When planned maintenance may take place without counting as downtime: its `window` (a calendar), the `notice` it must be announced with, and `at most` how much a period. Maintenance outside these terms counts as downtime.',
  window: '`window Calendar`: planned maintenance may take place only during that calendar\'s open hours; any part outside them counts as downtime.',
  notice: '`notice 48 hours`: maintenance counts as planned only when it was announced at least this long (real elapsed time) before it starts.',
  most: '`at most 4 hours monthly`: at most this much planned maintenance (real elapsed time) a period is excluded from uptime; the rest counts as downtime.',
  'maintenance:at': '`at most 4 hours monthly`: at most this much planned maintenance (real elapsed time) a period is excluded from uptime; the rest counts as downtime.',
  portfolio: 'Many clients served by one helpdesk: which agreement each client\'s tickets are checked against. `slac check` writes a report per client, `slac compile` a document per client.',
  'portfolio:client': '`client "Name", "Other name" uses "file.sla"`: tickets of a client logged under any of these names are checked against that agreement.',
  uses: 'The agreement file this client\'s tickets are checked against, relative to the portfolio file.',
  use: '`others use "file.sla"`: the agreement for every client not listed, and for tickets with no client.',
  others: '`others use "file.sla"`: every client not listed above (and tickets with no client). Without it, a ticket of an unlisted client is an error.',
  with: '`with Param "value"`: fills that param of the agreement for this client, as `--param` does when compiling.',
  severities: 'Who assigns a ticket\'s severity and who may change it: `assigned by Provider`, `changed by Provider "on the Client\'s reasonable request"`. Printed as a clause of the agreement.',
  assigned: '`assigned by Provider`: the party that assigns each ticket\'s severity, with an optional condition in quotes.',
  changed: '`changed by Client "with the Provider\'s agreement"`: a party that may change a ticket\'s severity, and on what condition.',
  'severities:by': 'The party, `Provider` or `Client`, followed by an optional condition in quotes.',
  measurement: 'Which system\'s records are the measurement of record: `records "the Provider\'s Zendesk instance"`. Every figure of the agreement is computed from them.',
  records: '`records "the Provider\'s Zendesk instance"`: the system whose ticket and monitoring records are the measurement of record.',
  term: '`term "Business Hours" "..."`: a defined term, printed in the Definitions section. Each term is defined once; `override term` replaces an imported one.',
  fee: '`fee "the monthly service fee"`: what the credit percentages are a percentage of. Printed as the definition of the Fee.',
  claim: '`claim within 30 days by "email to billing@example.com"`: by when (real elapsed time after the end of the period the credit is for) and how the Client claims a credit.',
  within: '`claim within 30 days`: a credit must be claimed within this much real elapsed time after the end of the period it is for.',
  'credits:by': '`claim ... by "email to billing@example.com"`: how a credit is claimed.',
  sole: '`sole remedy`: service credits are the Client\'s sole and exclusive remedy for a missed service level.',
  remedy: '`sole remedy`: service credits are the Client\'s sole and exclusive remedy for a missed service level.',
  description: 'What this severity means, in words both parties recognise.',
  default: 'Marks the severity a ticket gets when it is logged without one. Exactly one severity is the default.',
  when: 'In credits: `when Metric below P% credit Q%` gives a credit when the metric falls below P% in a period.',
  'pause:when': 'Introduces the statuses during which ticket clocks stop.',
  status: 'Ticket statuses, compared without regard to case or surrounding spaces.',
  measures: 'What the metric measures: `first response`, `first estimate`, `resolution`, `update interval` (longest gap between updates), `next reply` (every answer to the customer) or `uptime`.',
  reply: '`next reply`: every answer to the customer, not only the first. Each customer message after the first agent reply starts a cycle that the next agent reply (or the resolution) stops; a ticket breaches when any cycle goes over the target.',
  clock: 'The calendar whose open time the metric counts. Time outside it, and paused time, does not count.',
  'escalation:clock': 'The calendar whose open time the `after` levels count (`after 4 hours`, `after 2 business days`). Time outside it, and paused time, does not count. A level `at P% of Metric` follows that metric\'s own clock.',
  target: 'The longest a ticket may take, in open time: `target 4 hours` for every severity, or `target P1 15 minutes` for one.',
  objective: 'The share of tickets (or, for uptime, of scheduled time) that must meet the target in each period, e.g. `objective 95% monthly`.',
  excluding: '`excluding maintenance`: planned maintenance, on the terms of the `maintenance` declaration, does not count as downtime for uptime.',
  maintenance: '`excluding maintenance`: planned maintenance, on the terms of the `maintenance` declaration, does not count as downtime for uptime.',
  level: 'One escalation step: `level 1 "Team lead" at 50% of Resolution`, or `after 4 hours` of the escalation clock.',
  at: '`at P% of Metric`: the level is due when the ticket has used that share of its target.',
  of: 'Names the metric whose target the percentage is taken of.',
  after: '`after DURATION`: the level is due after that much open time of the escalation block\'s clock.',
  'review:after': '`also on request` or `also after major incident`: further occasions for a review.',
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

/**
 * The units of durations that are not open time of a clock: `notice` and
 * `at most` of maintenance and a claim's `within` are real elapsed time,
 * and a review cadence is calendar time counted from the effective date.
 * The docs above speak of the clock's open time, which these places have
 * none of (a `days` there is allowed on no calendar at all).
 */
const elapsedUnits: Record<string, string> = {
  minutes: 'Minutes of real elapsed time',
  hours: 'Hours of real elapsed time',
  days: 'Days of 24 hours of real elapsed time',
  weeks: 'Weeks of 7 days of real elapsed time',
};
const elapsedWhere: Record<string, string> = {
  maintenance: 'the notice and the limit of planned maintenance count every hour, open or not, whatever any calendar says.',
  credits: 'a claim\'s `within` counts every hour after the end of the period the credit is for, open or not, whatever any calendar says.',
};
for (const [context, where] of Object.entries(elapsedWhere)) {
  for (const [unit, what] of Object.entries(elapsedUnits)) docs[`${context}:${unit}`] = `${what}, not open time: ${where}`;
}
docs['review:days'] = 'Calendar days: the review cadence counts whole days from the `effective` date, whatever any calendar says.';
docs['review:weeks'] = 'Calendar weeks of 7 days: the review cadence counts whole weeks from the `effective` date, whatever any calendar says.';

const aliases: Record<string, string> = {
  minute: 'minutes',
  hours: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  first: 'response',
  update: 'interval',
  next: 'reply',
  on: 'also',
  request: 'also',
  major: 'also',
  incident: 'also',
  changes: 'notify',
  by: 'notify',
  email: 'notify',
};

/** Words that mean nothing alone: the word after them says which phrase they begin (`first estimate`). */
const phraseStarts: Record<string, readonly string[]> = { first: ['response', 'estimate'] };

/** Words that end a phrase: `days` after `business` is the unit `business days`, not days of 24 hours. */
const phraseEnds: Record<string, { after: string; doc: string }> = { days: { after: 'business', doc: 'business' }, day: { after: 'business', doc: 'business' } };

/** The units written in the singular (`1 day`): a place's doc is keyed by the plural. */
const singularUnits: Record<string, string> = { minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks', month: 'months' };

/**
 * The explanation of a keyword, preferring the one for the block it is used
 * in (`channel:hours`, `credits:days`) and, for the first or last word of
 * a phrase, the phrase the next or previous word makes (`first estimate`,
 * `business days`); undefined for a word that is not a keyword.
 */
export function keywordDoc(word: string, context?: string, nextWord?: string, previousWord?: string): string | undefined {
  if (nextWord !== undefined && phraseStarts[word]?.includes(nextWord)) return docs[nextWord];
  if (previousWord !== undefined && phraseEnds[word]?.after === previousWord) return docs[phraseEnds[word].doc];
  if (context && docs[`${context}:${word}`]) return docs[`${context}:${word}`];
  const plural = singularUnits[word];
  if (context && plural && docs[`${context}:${plural}`]) return docs[`${context}:${plural}`];
  if (word === 'hours' && context && context !== 'calendar' && context !== 'holidays') return docs.hour;
  return docs[word] ?? (aliases[word] ? docs[aliases[word]] : undefined);
}
