import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The most channels an agreement may have for `slac check`, which keeps a
 * log event's channel (its index + 1, 0 for none) in 6 bits
 * (runtime/log/event-store.ts): 2^6 - 1. All its bits set, so it is also
 * the mask of those bits.
 */
export const MAX_CHANNELS = 63;

/**
 * SLA3085 at the first channel in force beyond `MAX_CHANNELS` (imports
 * included, in the order of the compiled model): `slac check` refuses such
 * an agreement, so `slac validate` and `compile` say so too, rather than
 * pass an agreement that can be signed but never checked. Once, not per
 * channel beyond.
 */
export function checkChannelCount(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const channels = entryScope.filter((entry) => entry.declaration.kind === 'Channel');
  const first = channels[MAX_CHANNELS];
  if (!first || first.declaration.kind !== 'Channel') return;
  const name = first.declaration.name;
  diagnostics.push(
    createDiagnostic('SLA3085', first.file, name?.range ?? first.declaration.range, {
      name: name?.text ?? '?',
      position: MAX_CHANNELS + 1,
      count: channels.length,
      max: MAX_CHANNELS,
    }),
  );
}
