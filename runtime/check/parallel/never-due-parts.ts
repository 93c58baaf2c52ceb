import type { LogError } from '../../log/log-error.js';
import type { NeverDueTargets } from '../evaluation-warnings.js';

/**
 * A never-due warning of one partition, with the place of its ticket in the
 * one-thread order (created, then first appearance) and its place among the
 * warnings of that ticket.
 */
export interface PlacedNeverDue {
  created: number;
  firstLine: number;
  /** Its index among the warnings its ticket gave. */
  rank: number;
  metric: string;
  warning: LogError;
}

/**
 * The never-due warnings of one partition, each with its place: what
 * `mergeNeverDue` needs to give the warnings one thread would give.
 */
export class PlacedNeverDueList {
  readonly placed: PlacedNeverDue[] = [];

  /** Places the warnings `targets` gave since it held `before` of them, for the ticket at (created, firstLine). */
  placeNew(targets: NeverDueTargets, before: number, created: number, firstLine: number): void {
    for (let index = before; index < targets.warnings.length; index++) {
      this.placed.push({ created, firstLine, rank: index - before, metric: targets.metrics[index]!, warning: targets.warnings[index]! });
    }
  }
}

/**
 * The warnings of every partition as one thread gives them: a metric is
 * warned about once, at its first ticket in the one-thread order, so of each
 * metric's warnings (one per partition at most) the earliest placed is kept,
 * and they are listed in the order their tickets were evaluated.
 */
export function mergeNeverDue(parts: readonly (readonly PlacedNeverDue[])[]): LogError[] {
  const first = new Map<string, PlacedNeverDue>();
  for (const part of parts) {
    for (const entry of part) {
      const kept = first.get(entry.metric);
      if (!kept || comparePlaces(entry, kept) < 0) first.set(entry.metric, entry);
    }
  }
  return [...first.values()].sort(comparePlaces).map((entry) => entry.warning);
}

function comparePlaces(a: PlacedNeverDue, b: PlacedNeverDue): number {
  return a.created - b.created || a.firstLine - b.firstLine || a.rank - b.rank;
}
