import type { ScopeEntry } from '../binder/scopes.js';
import { termKey } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CreditsDeclaration, SeveritiesDeclaration, TermDeclaration } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { checkDuration } from './durations.js';

/**
 * `severities { assigned by Party  changed by Party "..." }`: each party is
 * Provider or Client (SLA3030), and says `changed by` at most once
 * (SLA3015; `assigned by` once is a statement count rule).
 */
export function checkSeverities(context: CheckContext, declaration: SeveritiesDeclaration): void {
  const changers = new Set<string>();
  for (const statement of declaration.statements ?? []) {
    const party = statement?.party;
    if (!party) continue;
    if (party.text !== 'Provider' && party.text !== 'Client') {
      context.report('SLA3030', party.range, { name: party.text });
      continue;
    }
    if (statement.kind !== 'ChangedBy') continue;
    if (changers.has(party.text)) {
      context.report('SLA3015', statement.range, { statement: `changed by ${party.text}`, context: 'the severities block' });
    }
    changers.add(party.text);
  }
}

/** The claim line of a credits block: something to say (SLA3050), in real elapsed time (SLA3028). */
export function checkCreditClaim(context: CheckContext, credits: CreditsDeclaration): void {
  for (const statement of credits.statements ?? []) {
    if (statement?.kind !== 'Claim') continue;
    if (!statement.within && !statement.how) context.report('SLA3050', statement.range);
    checkDuration(context, statement.within, { kind: 'elapsed', context: 'credits { claim within ... }' });
  }
}

/**
 * A term defined twice in force (SLA3049), compared as `termKey` does,
 * reported at the later definition. Judged on the entry file's scope, so an
 * imported term redefined without `override` is reported too.
 */
export function checkTermsDefinedOnce(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, ScopeEntry>();
  for (const entry of entryScope) {
    if (entry.declaration.kind !== 'Term') continue;
    const term = (entry.declaration as TermDeclaration).term;
    if (!term) continue;
    const key = termKey(term.value);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    const earlierTerm = (earlier.declaration as TermDeclaration).term!;
    const related = [{ file: earlier.file, range: earlierTerm.range, message: 'First defined here.' }];
    diagnostics.push(createDiagnostic('SLA3049', entry.file, term.range, { name: term.value }, { related }));
  }
}
