import { findCalendar, type MetricModel } from '../../language/model/model.js';
import { joinWithAnd } from '../english.js';
import { isTicketMetric, spellZone, type DocumentContext } from './context.js';
import { emphasis, paragraph, section, table, text, type Block, type Inline, type Section } from './document.js';
import { summarizeWeek } from './service-hours.js';
import { setsNoTargetForSomeLevel } from './service-levels.js';

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `“email” or “mail”`: how the helpdesk records a severity or channel, as the `matches` line has it. */
export function spellMatches(matches: readonly string[]): string {
  return matches.length === 0 ? '—' : joinWithAnd(matches.map((value) => `“${value}”`), 'or');
}

/**
 * The sentence that explains the "Recorded as" column of a table of `kind` (`severity level`, `channel`).
 * slac check reads a name only in its own capitals (names are case-sensitive, LANGUAGE.md) and a
 * `matches` value in any; both trimmed. The sentence says which is which, lest the names seem loose too.
 */
export function recordedAsSentence(kind: string): string {
  return `In the Provider’s ticketing system a ${kind} is recorded by its name, in the capitals shown, or by one of the values under “Recorded as”, in any capitals; surrounding spaces are ignored.`;
}

/** Section "Channels": how the Client reaches the Provider, and when each channel is staffed. */
export function channelsSection(context: DocumentContext): Section | undefined {
  const { channels } = context.model;
  if (channels.length === 0) return undefined;
  const recorded = channels.some((channel) => channel.matches.length > 0);
  const rows = channels.map((channel) => {
    const calendar = channel.hours ? findCalendar(context.model, channel.hours) : undefined;
    const hours = calendar
      ? `${capitalize(summarizeWeek(calendar))}, ${spellZone(context, calendar.timezone)}`
      : 'As announced by the Provider';
    const row: Inline[] = [[text(channel.name)], channel.contact ? [text(channel.contact)] : [emphasis('As announced by the Provider')], [text(hours)]];
    if (recorded) row.push([text(spellMatches(channel.matches))]);
    return row;
  });
  const blocks: Block[] = [
    paragraph('The Client reports incidents and requests through the following channels, which are staffed during the hours shown:'),
    table(['Channel', 'Contact', 'Hours', ...(recorded ? ['Recorded as'] : [])], rows),
  ];
  if (recorded) blocks.push(paragraph(recordedAsSentence('channel')));
  return section('Channels', blocks);
}

const SEVERITY_CHANGE =
  'A change of severity applies the targets of the new level, counted from the start, to each service level still being measured; a service level whose clock has already stopped keeps the target of the level the Ticket had when it stopped.';

// slac check applies no service level to a Ticket whose severity, when its clock stops (or at the as-of instant), has no
// target in it (SEMANTICS.md): a change to such a level drops it, missed or not. The dash alone did not say so.
const NO_TARGET_AFTER_CHANGE =
  'A service level still being measured that sets no target for the new level no longer applies to the Ticket, even if its target under the old level has already passed.';

/**
 * Section "Severity Levels": the severities from most to least severe, the
 * default marked. An agreement without severities (allowed when it has no
 * ticket metric, docs/language.md) has no such section.
 */
export function severitySection(context: DocumentContext): Section | undefined {
  const { severities, defaultSeverity } = context.model;
  if (severities.length === 0) return undefined;
  const recorded = severities.some((severity) => severity.matches.length > 0);
  const rows = severities.map((severity, index) => [
    String(index + 1),
    severity.name + (severity.name === defaultSeverity ? ' (default)' : ''),
    severity.description ?? '',
    ...(recorded ? [spellMatches(severity.matches)] : []),
  ]);
  const blocks: Block[] = [
    paragraph(
      'Each Ticket has one of the following Severity Levels, listed from most to least severe. A Ticket reported without a Severity Level has the default level, ',
      defaultSeverity,
      // Only a ticket service level has targets by severity: without one a change of severity changes no target.
      context.model.metrics.some(isTicketMetric)
        ? `. ${SEVERITY_CHANGE}${setsNoTargetForSomeLevel(context) ? ` ${NO_TARGET_AFTER_CHANGE}` : ''}${cycleRetargetSentence(context.model.metrics)}`
        : '.',
    ),
    table(['Rank', 'Severity', 'Description', ...(recorded ? ['Recorded as'] : [])], rows),
  ];
  if (recorded) blocks.push(paragraph(recordedAsSentence('Severity Level')));
  return section('Severity Levels', blocks);
}

/**
 * Next reply and update interval are measured until the Ticket's Resolution
 * (SEMANTICS.md, "Target": the severity when the metric stopped), so a
 * change of severity re-targets every earlier Further Message and Update
 * Interval too, answered or not: said where such a metric's target depends
 * on the severity, since "a clock that has already stopped" could be read
 * as one answered message's.
 */
function cycleRetargetSentence(metrics: readonly MetricModel[]): string {
  const bySeverity = (metric: MetricModel) => Object.keys(metric.targets).length > 0 || metric.channelTargets.some((target) => target.severity !== undefined);
  const measured = new Set(metrics.filter(bySeverity).map((metric) => metric.measures));
  const parts = [...(measured.has('nextReply') ? ['Further Message'] : []), ...(measured.has('updateInterval') ? ['Update Interval'] : [])];
  if (parts.length === 0) return '';
  const measuredFor = [...(measured.has('nextReply') ? ['for each Further Message'] : []), ...(measured.has('updateInterval') ? ['by Update Intervals'] : [])].join(' or ');
  return ` A service level measured ${measuredFor} is measured until the Ticket’s Resolution, so the new level’s target applies to every ${parts.join(' and every ')} of the Ticket, earlier ones included.`;
}
