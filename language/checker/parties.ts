import type { Name, PauseDeclaration, ResponsibilitiesDeclaration, ReviewDeclaration, StringLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { checkDuration } from './durations.js';

function checkParty(context: CheckContext, party: Name | undefined): void {
  if (party && party.text !== 'Provider' && party.text !== 'Client') {
    context.report('SLA3030', party.range, { name: party.text });
  }
}

/** Responsibilities belong to `Provider` or `Client` (SLA3030). */
export function checkResponsibilities(context: CheckContext, declaration: ResponsibilitiesDeclaration): void {
  checkParty(context, declaration.party);
}

/** The review cadence's unit and the participants' parties. */
export function checkReview(context: CheckContext, review: ReviewDeclaration): void {
  for (const statement of review.statements ?? []) {
    if (statement?.kind === 'Every') checkDuration(context, statement.duration, { kind: 'every' });
    if (statement?.kind === 'Participants') for (const entry of statement.entries ?? []) checkParty(context, entry?.party);
  }
}

/** An empty (or blank) pause status, which no ticket can have once trimmed (SLA3078). */
export function checkPauseStatusesNotEmpty(context: CheckContext, statuses: readonly (StringLiteral | undefined)[]): void {
  for (const status of statuses) {
    if (status && status.value.trim() === '') context.report('SLA3078', status.range);
  }
}

/** Statuses listed twice across a file's pause lines, compared as the runtime does (SLA3029), and empty ones (SLA3078). */
export function checkPauses(context: CheckContext, pauses: PauseDeclaration[]): void {
  const seen = new Set<string>();
  for (const status of pauses.flatMap((pause) => pause.statuses ?? [])) {
    if (!status) continue;
    checkPauseStatusesNotEmpty(context, [status]);
    const key = status.value.trim().toLowerCase();
    if (seen.has(key)) context.report('SLA3029', status.range, { status: status.value });
    seen.add(key);
  }
}
