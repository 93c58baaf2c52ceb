import { formatDuration } from '../../runtime/clock/index.js';
import { printable } from '../../runtime/report/text.js';
import { titleOf } from '../../runtime/report/metric-titles.js';
import { elapsedText, type TicketTimeline } from './timeline.js';

/**
 * The timeline for the terminal (`slac explain`): a heading, one line per
 * entry (time, kind, sentence), then each metric's verdict and reason, the
 * metric by its title as the document and the sentences name it.
 * Text from the log (ids, statuses) goes through `printable`, so a log
 * cannot write control characters to the terminal.
 */
export function renderTimelineText(timeline: TicketTimeline, agreementTitle: string, titles: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  const facts = [
    timeline.client === undefined ? '' : `client ${timeline.client}`,
    timeline.severity === undefined ? '' : `severity ${timeline.severity}`,
    // Said, as the site's ticket page and the review pack say "(no channel)": left out, the heading read as if it
    // forgot the channel. Without the table label's parentheses, which would nest inside the heading's.
    timeline.channel === undefined ? 'no channel' : `channel ${timeline.channel}`,
  ].filter(Boolean);
  lines.push(`Ticket ${timeline.ticket}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`);
  lines.push(`Agreement: ${agreementTitle}`);
  if (timeline.asOf !== undefined) lines.push(`As of: ${timeline.asOf}`);
  lines.push('', `Timeline${timeline.zone === undefined ? '' : ` (wall times in ${timeline.zone})`}:`);
  // A reduce, not Math.max(...entries): a ticket of 130,000 events overflowed the stack.
  const kindWidth = timeline.entries.reduce((widest, entry) => Math.max(widest, entry.kind.length), 0);
  // An instant with milliseconds is 4 characters longer: the others are padded to it, so the kinds stay in a column.
  const timeWidth = timeline.entries.reduce((widest, entry) => Math.max(widest, entry.local.length), 0);
  for (const entry of timeline.entries) lines.push(`  ${entry.local.padEnd(timeWidth)}  ${entry.kind.padEnd(kindWidth)}  ${entry.text}`);
  lines.push('', 'Metrics:');
  if (timeline.metrics.length === 0) lines.push('  No ticket metric applies to this ticket.');
  for (const metric of timeline.metrics) {
    const target = metric.targetMinutes === undefined ? '' : ` of ${formatDuration(metric.targetMinutes)}`;
    const due = metric.due === null ? '' : `, due ${metric.due}`;
    lines.push(`  ${titleOf(titles, metric.metric)}: ${metric.status}, ${elapsedText(metric)}${target}${due}`);
    lines.push(`    ${metric.reason}`);
  }
  return `${lines.map(printable).join('\n')}\n`;
}
