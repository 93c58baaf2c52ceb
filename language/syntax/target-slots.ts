import type { MetricStatement, TargetStatement } from './ast.js';

/**
 * Which of a metric's targets a `target` line sets: the plain target
 * (`''`), a severity's (`P1`), a channel's (` via Phone`) or a severity's
 * via a channel (`P1 via Phone`). A metric has one target per slot; a
 * second is SLA3015, SLA3025 or SLA3046. Here with the syntax because the
 * checker, the binder's "did you mean" and completion all ask it, so that
 * none offers what another rejects. Names have no spaces, so no two slots
 * are written alike.
 */
export function targetSlot(severity: string | undefined, via: boolean, channel: string | undefined): string {
  return via ? `${severity ?? ''} via ${channel ?? ''}` : (severity ?? '');
}

/** The slot of a target as written; undefined while `via` has no channel yet. */
export function slotOfTarget(target: TargetStatement): string | undefined {
  if (target.via && target.channel === undefined) return undefined;
  return targetSlot(target.severity?.text, Boolean(target.via), target.channel?.text);
}

/** The slots the targets of a metric fill, but those `left out` (the one being written or suggested for). */
export function filledTargetSlots(statements: readonly (MetricStatement | undefined)[], leftOut: (target: TargetStatement) => boolean = () => false): Set<string> {
  const filled = new Set<string>();
  for (const statement of statements) {
    if (statement?.kind !== 'Target' || leftOut(statement)) continue;
    const slot = slotOfTarget(statement);
    if (slot !== undefined) filled.add(slot);
  }
  return filled;
}
