import { createHash } from 'node:crypto';
import { formatDuration } from '../../runtime/clock/index.js';
import { titleOf } from '../../runtime/report/metric-titles.js';
import { elapsedText, type TicketTimeline, type TimelineEntry, type TimelineMetric } from '../timeline/timeline.js';
import { NO_CHANNEL } from '../data/site-data.js';
import { explainCommand } from './explain-command.js';
import { escapeHtml, section, table, textHtml, type Cell } from './html.js';

/** What a ticket page needs from the site around it. */
export interface TicketPageContext {
  /** The agreement (or client) the site is about, shown above the title. */
  agreementTitle: string;
  /** Relative link back to the table of breached tickets. */
  backHref: string;
  /** Relative link to the site's one stylesheet. */
  stylesheetHref: string;
  /** Each metric's title by its name (metricTitles of the model): the page names a metric as the document does. */
  metricTitles: ReadonlyMap<string, string>;
}

/** What each entry kind is called in the timeline's "What" column. */
const KIND_TEXT: Record<TimelineEntry['kind'], string> = {
  created: 'Created',
  reply: 'Reply',
  estimate: 'Estimate',
  status: 'Status',
  pause: 'Paused',
  resume: 'Resumed',
  severity: 'Severity',
  channel: 'Channel',
  resolved: 'Resolved',
  reopened: 'Reopened',
  closed: 'Closed',
  escalation: 'Escalation',
  due: 'Target due',
  met: 'Met',
  breached: 'Breached',
  pending: 'Pending',
};

/**
 * The most timeline entries a ticket page lists: the first half and the
 * last half of them, with one row between that says how many are left out.
 * A ticket with 100,000 events made a page of 18 MB that a browser is slow
 * to open; 1,000 rows are some 200 KB. The metric verdicts above the table
 * are of the whole ticket, and `slac explain` prints every entry.
 */
export const MAX_TIMELINE_ROWS = 1000;

/**
 * The longest encoded id kept whole in a page name: with `.html`, well under
 * the 255 bytes a file name may have on common file systems.
 */
const MAX_ENCODED_ID = 200;

/**
 * The site file of a ticket's page, relative to the agreement's folder:
 * `tickets/<id>.html`, the id URL-encoded (plus the few characters
 * `encodeURIComponent` keeps that some file systems refuse), so that any id
 * makes one safe file name and a link can name it. An id whose encoding is
 * longer than MAX_ENCODED_ID (28 CJK characters are 252 bytes encoded) is
 * cut and ends in `~` and a hash of the whole id: still one name per id, as
 * no whole encoded id holds a `~` (it is encoded as `%7E`). A Windows device
 * name (`CON`) is made safe by `pageFileOf`.
 */
export function ticketPageFile(ticket: string): string {
  const encoded = encodedId(ticket);
  return encoded.length <= MAX_ENCODED_ID ? pageFileOf(encoded) : hashedTicketPageFile(ticket);
}

/** The page file of a ticket named by a cut of its encoded id, `~` and a hash of the whole id. */
function hashedTicketPageFile(ticket: string): string {
  const prefix = encodedId(ticket).slice(0, MAX_ENCODED_ID - 40).replace(/%[0-9A-F]?$/, '');
  return pageFileOf(`${prefix}~${createHash('sha256').update(ticket).digest('hex').slice(0, 32)}`);
}

function encodedId(ticket: string): string {
  return encodeURIComponent(ticket).replace(/[!'()*~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Names Windows keeps for devices, in any case and before any extension
 * (`CON.html`, `nul.old.html` cannot be made there). fileSlug avoids them
 * for documents and client folders the same way.
 */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * `tickets/<safe>.html`, where a leading dot is encoded (a hidden file) and
 * so is the first letter of a Windows device name (`%43ON`): an encoded id
 * never holds a letter encoded, so the name is still one id's only.
 */
function pageFileOf(safe: string): string {
  const shown = safe.startsWith('.') ? `%2E${safe.slice(1)}` : WINDOWS_DEVICE_NAME.test(safe) ? `%${safe.charCodeAt(0).toString(16).toUpperCase()}${safe.slice(1)}` : safe;
  return `tickets/${shown}.html`;
}

/**
 * The page file of each ticket, unique ignoring case: on macOS and Windows
 * `tickets/A.html` and `tickets/a.html` are one file, and the later page
 * would replace the earlier. The later of two such ids gets the hashed name.
 */
export function ticketPageFiles(ids: Iterable<string>): Map<string, string> {
  const files = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    let file = ticketPageFile(id);
    if (taken.has(file.toLowerCase())) file = hashedTicketPageFile(id);
    taken.add(file.toLowerCase());
    files.set(id, file);
  }
  return files;
}

/**
 * A ticket's whole page: its facts, the verdict of each metric with the
 * reason, and the timeline as a table in time order. Static HTML: landmarks,
 * one stylesheet, no script; statuses are words, never colour alone.
 */
export function renderTicketPage(timeline: TicketTimeline, page: TicketPageContext): string {
  const title = `Ticket ${timeline.ticket}`;
  const body = [facts(timeline), verdicts(timeline, page.metricTitles), entries(timeline, page.metricTitles)].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(page.agreementTitle)}</title>
<link rel="stylesheet" href="${escapeHtml(page.stylesheetHref)}">
</head>
<body>
<header><p class="site-name">${escapeHtml(page.agreementTitle)}</p><nav aria-label="Report"><ul><li><a href="${escapeHtml(page.backHref)}">Back to the breached tickets</a></li></ul></nav></header>
<main>
<h1>${textHtml(title)}</h1>
${body}
</main>
<footer><p>${textHtml(`From the same evaluation as slac check --format json${timeline.asOf === undefined ? '' : `, as of ${timeline.asOf}`}. The same timeline in a terminal: ${explainCommand(timeline.ticket)}.`)}</p></footer>
</body>
</html>
`;
}

function facts(timeline: TicketTimeline): string {
  const rows: [string, string | undefined][] = [
    ['Client', timeline.client],
    ['Severity', timeline.severity],
    // As the breached-tickets table and the breaches by channel name it: the line left out read as if the page forgot it.
    ['Channel', timeline.channel ?? NO_CHANNEL],
    ['As of', timeline.asOf],
    ['Times shown in', timeline.zone],
  ];
  const items = rows.filter(([, value]) => value !== undefined).map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${textHtml(value!)}</dd>`);
  return `<dl class="facts">${items.join('')}</dl>`;
}

function verdicts(timeline: TicketTimeline, titles: ReadonlyMap<string, string>): string {
  if (timeline.metrics.length === 0) return section('verdicts', 'Metric verdicts', '<p class="note">No ticket metric applies to this ticket.</p>');
  const rows: Cell[][] = timeline.metrics.map((metric) => [
    metricCell(titles, metric.metric),
    flagged(metric.status, metric.status, metric.status === 'breached'),
    { text: elapsedText(metric), value: metric.elapsedMinutes, className: 'num' },
    metric.targetMinutes === undefined ? '' : { text: formatDuration(metric.targetMinutes), value: metric.targetMinutes, className: 'num' },
    dueText(metric),
    metric.reason,
  ]);
  // A metric on a calendar open around the clock counts plain time, not business time (as explain and the document say).
  const headers = ['Metric', 'Status', 'Time counted', 'Target', 'Due', 'Why'];
  return section('verdicts', 'Metric verdicts', table('metric-verdicts', `Each metric of ticket ${timeline.ticket}, as slac check judged it`, headers, rows));
}

/**
 * The Due cell: the due instant, or for a metric that never fell due (the
 * JSON report's null) why: met while paused (stopped with its clock
 * paused: "never while paused" read as a target still open), or paused now.
 */
function dueText(metric: TimelineMetric): string {
  if (metric.due !== null) return metric.due;
  if (metric.status === 'met') return metric.stoppedAt === undefined ? 'met while paused' : `met ${metric.stoppedAt}, while paused`;
  return 'never while paused';
}

function entries(timeline: TicketTimeline, titles: ReadonlyMap<string, string>): string {
  const entryRow = (entry: TimelineEntry): Cell[] => [
    { text: entry.local, value: entry.time },
    flagged(KIND_TEXT[entry.kind], entry.kind, entry.kind === 'breached'),
    entry.metric === undefined ? '' : metricCell(titles, entry.metric),
    entry.text,
  ];
  const all = timeline.entries;
  const caption = `What happened to ticket ${timeline.ticket}, in time order${timeline.zone === undefined ? '' : ` (times in ${timeline.zone})`}`;
  const headers = ['Time', 'What', 'Metric', 'Event'];
  if (all.length <= MAX_TIMELINE_ROWS) return section('timeline', 'Timeline', table('timeline-entries', caption, headers, all.map(entryRow)));
  const half = MAX_TIMELINE_ROWS / 2;
  const leftOut = all.slice(half, all.length - half);
  const rows = [...all.slice(0, half).map(entryRow), leftOutRow(timeline.ticket, leftOut), ...all.slice(all.length - half).map(entryRow)];
  const note = `<p class="note">${textHtml(
    `This ticket's timeline has ${count(all.length)} entries; this page lists the first ${count(half)} and the last ${count(half)}, and leaves out the ${entriesText(leftOut.length)} between them ` +
      `(the metric verdicts above are of the whole ticket). Every entry: ${explainCommand(timeline.ticket)}.`,
  )}</p>`;
  return section('timeline', 'Timeline', `${note}\n${table('timeline-entries', caption, headers, rows)}`);
}

/** A metric named by its title, as the document names it; sorted by its name, as the site's other tables are. */
function metricCell(titles: ReadonlyMap<string, string>, metric: string): Cell {
  return { text: titleOf(titles, metric), value: metric };
}

/** The row that stands for the entries a page leaves out: how many, and between which times. */
function leftOutRow(ticket: string, leftOut: readonly TimelineEntry[]): Cell[] {
  const first = leftOut[0]!;
  const last = leftOut[leftOut.length - 1]!;
  return [
    { text: '…', value: first.time },
    'Left out',
    '',
    leftOut.length === 1
      ? `1 entry, at ${first.local}, is not listed here: ${explainCommand(ticket)} prints it.`
      : `${entriesText(leftOut.length)}, from ${first.local} to ${last.local}, are not listed here: ${explainCommand(ticket)} prints them.`,
  ];
}

const count = (entries: number): string => entries.toLocaleString('en-US');
const entriesText = (entries: number): string => `${count(entries)} ${entries === 1 ? 'entry' : 'entries'}`;

/** A cell whose word says the outcome; a breach is also bold (`missed`), never told by colour alone. */
function flagged(text: string, value: string, breached: boolean): Cell {
  return breached ? { text, value, className: 'missed' } : { text, value };
}
