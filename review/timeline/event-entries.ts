import { targetFor, type MetricModel } from '../../language/model/model.js';
import { joinWithAnd } from '../../compiler/english.js';
import { normaliseStatus, type EvaluationContext } from '../../runtime/evaluate/context.js';
import type { MetricRuns } from '../../runtime/evaluate/metric-runs.js';
import type { TicketTimeline as EvaluatedTimeline } from '../../runtime/evaluate/timeline.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import { formatWallTime } from './clock-breakdown.js';
import type { TimelineEntry } from './timeline.js';

/** A timeline entry before its wall time is written out. */
export type DraftEntry = Omit<TimelineEntry, 'local'>;

/** What the log entries need from the evaluation: its ordered events, pause sets and each metric's runs. */
export interface EventEntryInputs {
  context: EvaluationContext;
  timeline: EvaluatedTimeline;
  /** Each applicable ticket metric and when its clock runs. */
  runs: ReadonlyMap<MetricModel, MetricRuns>;
}

const AUTHOR_TEXT: Record<string, string> = { agent: 'An agent', customer: 'The customer', system: 'The system' };

/**
 * ` Fix sets no target for P2: ...`: the service levels that had a target for
 * the old severity and have none for the new one. slac check applies none of
 * them if the change comes while its clock runs (SEMANTICS.md), as the
 * document's Severity Levels section says; without this the metric simply
 * vanished from the verdicts.
 */
function droppedText(metrics: readonly MetricModel[], before: string, after: string, channel: string | undefined): string {
  const dropped = metrics.filter((metric) => targetFor(metric, before, channel) !== undefined && targetFor(metric, after, channel) === undefined);
  if (dropped.length === 0) return '';
  const one = dropped.length === 1;
  return ` ${joinWithAnd(dropped.map((metric) => metric.title))} ${one ? 'sets' : 'set'} no target for ${after}: if ${one ? 'its clock is' : 'their clocks are'} still running, ${one ? 'it no longer applies' : 'they no longer apply'} to the ticket.`;
}

/**
 * One entry per log event the evaluation read (those after the as-of
 * instant and before `created` are left out, as the evaluator leaves them
 * out), in evaluation order. Status changes that start or end a pause say
 * which running clocks they stop or restart.
 */
export function eventEntries(inputs: EventEntryInputs): DraftEntry[] {
  const { context, timeline } = inputs;
  const entries: DraftEntry[] = [];
  const pausedSince: (number | undefined)[] = context.pauseSets.map(() => undefined);
  let severity = timeline.severityAfter[0]!;
  timeline.events.forEach((event, index) => {
    const line = ` (log line ${event.line})`;
    if (index === 0) {
      entries.push({ time: event.time, kind: 'created', text: createdText(event, severity, timeline.channel, line) });
    } else if (event.event === 'status' && event.status !== undefined) {
      entries.push(statusEntry(inputs, event, pausedSince, line));
    } else if (event.event === 'severity') {
      const after = timeline.severityAfter[index]!;
      const text =
        after === severity
          ? `Severity set to ${after} again (no change)${line}.`
          : `Severity changed from ${severity} to ${after}${line}; targets follow the severity the ticket has when each clock stops.${droppedText(context.ticketMetrics, severity, after, timeline.channel)}`;
      severity = after;
      entries.push({ time: event.time, kind: 'severity', text });
    } else {
      entries.push(plainEntry(event, line));
    }
    const channelEntry = channelChange(event, timeline.channel, index, line);
    if (channelEntry) entries.push(channelEntry);
  });
  return entries;
}

function createdText(event: TicketEvent, severity: string, channel: string | undefined, line: string): string {
  return `Ticket ${event.ticket} was created at severity ${severity}${viaChannel(channel)}${line}; the clocks start.`;
}

/**
 * ` via Chat`, or ` with no channel` for a ticket whose log gives none: left
 * out, the sentence read as if it forgot the channel the site's ticket page
 * and the review pack name "(no channel)".
 */
export function viaChannel(channel: string | undefined): string {
  return channel === undefined ? ' with no channel' : ` via ${channel}`;
}

/** Replies, resolutions, reopenings, estimates and escalations, as they read in the log. */
function plainEntry(event: TicketEvent, line: string): DraftEntry {
  switch (event.event) {
    case 'reply': {
      const who = AUTHOR_TEXT[event.author ?? 'agent'] ?? 'Someone';
      return { time: event.time, kind: 'reply', text: `${who} replied${line}.` };
    }
    case 'resolved':
      return { time: event.time, kind: 'resolved', text: `The ticket was resolved${line}.` };
    case 'closed':
      return { time: event.time, kind: 'closed', text: `The ticket was closed${line}.` };
    case 'reopened':
      return { time: event.time, kind: 'reopened', text: `The ticket was reopened${line}; the resolution clock runs again.` };
    case 'estimate':
      return { time: event.time, kind: 'estimate', text: `An estimate was given${line}.` };
    case 'escalated':
      return { time: event.time, kind: 'escalation', text: `The ticket was escalated to level ${event.level ?? '?'}${line}.` };
    default:
      return { time: event.time, kind: 'status', text: `A ${event.event} event${line}.` };
  }
}

/** A later event naming another channel: the ticket keeps its first (SEMANTICS.md 1.1). */
function channelChange(event: TicketEvent, channel: string | undefined, index: number, line: string): DraftEntry | undefined {
  if (index === 0 || event.channel === undefined || event.channel === '' || event.channel === channel) return undefined;
  return { time: event.time, kind: 'channel', text: `The channel was given as ${event.channel}${line}; targets keep the first channel, ${channel}.` };
}

/** A status change: a pause or resume of the clocks whose pause statuses it enters or leaves, else a plain status. */
function statusEntry(inputs: EventEntryInputs, event: TicketEvent, pausedSince: (number | undefined)[], line: string): DraftEntry {
  const status = normaliseStatus(event.status!);
  const paused: string[] = [];
  // Each pause set was entered at its own time: the clocks it governs were paused for their own length.
  const resumedFor = new Map<number, string[]>();
  inputs.context.pauseSets.forEach((statuses, set) => {
    const pausing = statuses.has(status);
    if (pausing && pausedSince[set] === undefined) {
      pausedSince[set] = event.time;
      for (const clock of clocksOfSet(inputs, set, event.time)) paused.push(clock);
    } else if (!pausing && pausedSince[set] !== undefined) {
      const length = event.time - pausedSince[set]!;
      pausedSince[set] = undefined;
      const clocks = clocksOfSet(inputs, set, event.time);
      if (clocks.length > 0) resumedFor.set(length, [...(resumedFor.get(length) ?? []), ...clocks]);
    }
  });
  const changed = `Status changed to "${event.status!.trim()}"${line}`;
  if (paused.length > 0) return { time: event.time, kind: 'pause', text: `${changed}: ${andList(paused)} ${plural(paused) ? 'pause' : 'pauses'}.` };
  if (resumedFor.size > 0) return { time: event.time, kind: 'resume', text: `${changed}: ${resumeText([...resumedFor])}.` };
  return { time: event.time, kind: 'status', text: `${changed}.` };
}

/**
 * `the clock of A and the escalation clock resume after 2h paused; the clock
 * of B after 1h paused`: the clocks grouped by how long they were paused.
 */
function resumeText(groups: readonly (readonly [length: number, clocks: readonly string[]])[]): string {
  return groups
    .map(([length, clocks], index) => `${andList(clocks)}${index === 0 ? ` ${plural(clocks) ? 'resume' : 'resumes'}` : ''} after ${formatWallTime(length)} paused`)
    .join('; ');
}

function plural(names: readonly string[]): boolean {
  return names.length > 1 || names[0]!.startsWith('the clocks');
}

/** The clocks a pause set governs that run at `instant`: metrics, and for the agreement-wide set, the escalation clock. */
function clocksOfSet(inputs: EventEntryInputs, set: number, instant: number): string[] {
  const metrics: string[] = [];
  for (const [metric, runs] of inputs.runs) {
    if ((inputs.context.pauseSetOf.get(metric.name) ?? 0) === set && runsAt(runs, instant)) metrics.push(metric.title);
  }
  const names = metrics.length === 0 ? [] : [`the ${metrics.length === 1 ? 'clock' : 'clocks'} of ${andList(metrics)}`];
  // The escalation clock runs like the resolution clock, under the agreement-wide pauses (SEMANTICS.md).
  const escalation = inputs.context.model.escalation;
  if (set === 0 && escalation?.clock !== undefined && escalation.levels.some((level) => level.trigger.kind === 'after')) {
    const resolution = [...inputs.runs].find(([metric]) => metric.measures === 'resolution')?.[1];
    if (!resolution || runsAt(resolution, instant)) names.push('the escalation clock');
  }
  return names;
}

function runsAt(runs: MetricRuns, instant: number): boolean {
  return runs.spans.some((span) => span.running.some(([start, end]) => start <= instant && instant < Math.min(end, span.open ? Infinity : span.reference)));
}

/** `A`, `A and B`, `A, B and C`. */
function andList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
