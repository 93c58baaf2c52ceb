import type { Position } from '../../language/syntax/range.js';
import { filledTargetSlots, targetSlot } from '../../language/syntax/target-slots.js';
import { metricStatementsAround } from './completion-measure.js';
import type { ServiceDocument } from './document.js';

/*
 * A metric has one target per slot: its plain target, one per severity,
 * one per channel and one per severity via a channel (`targetSlot`, as the
 * checker judges SLA3025 and SLA3046). After `target` completion offers a
 * severity only while a slot is left for it: its own, or, while the line
 * does not go on with a duration, one via some channel. After `via`, the
 * channels left for the severity. The target on the cursor's line does not
 * count: the author may be retyping it.
 */

/** What the line goes on with after the word at the cursor: a duration, `via` a channel, or not yet said. */
type TargetRest = { kind: 'duration' } | { kind: 'via'; channel?: string } | { kind: 'unsaid' };

function restOfTarget(line: string, position: Position): TargetRest {
  // The word at the cursor is the one being chosen, unless it is `via` itself (`target |via Email`).
  const rest = line.slice(position.character).replace(/^(?!via\b)[A-Za-z_]\w*/, '');
  const via = /^\s*via\b\s*([A-Za-z_]\w*)?/.exec(rest);
  if (via) return { kind: 'via', channel: via[1] };
  if (/^\s*\d/.test(rest)) return { kind: 'duration' };
  return { kind: 'unsaid' };
}

/** Whether a severity (after `target`) leaves the metric at the cursor one target per slot. */
export function severityTargetFits(document: ServiceDocument, position: Position, line: string, channels: readonly string[]): (severity: string) => boolean {
  const statements = metricStatementsAround(document, position);
  if (statements === undefined) return () => true;
  const filled = filledTargetSlots(statements);
  const rest = restOfTarget(line, position);
  const viaFree = (severity: string, channel: string) => !filled.has(targetSlot(severity, true, channel));
  return (severity) => {
    if (rest.kind === 'via') return rest.channel === undefined ? channels.some((channel) => viaFree(severity, channel)) : viaFree(severity, rest.channel);
    const ownFree = !filled.has(targetSlot(severity, false, undefined));
    return ownFree || (rest.kind === 'unsaid' && channels.some((channel) => viaFree(severity, channel)));
  };
}

/** Whether a channel (after `target via` or `target Severity via`) leaves the metric at the cursor one target per slot. */
export function channelTargetFits(document: ServiceDocument, position: Position, severity: string | undefined): (channel: string) => boolean {
  const statements = metricStatementsAround(document, position);
  if (statements === undefined) return () => true;
  const filled = filledTargetSlots(statements);
  return (channel) => !filled.has(targetSlot(severity, true, channel));
}
