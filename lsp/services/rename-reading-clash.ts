import { calendarTermKey } from '../../language/checker/calendar-terms.js';
import { logKey, valuesOf } from '../../language/checker/matches.js';
import type { SeverityDeclaration } from '../../language/syntax/ast.js';
import { calendarTerm } from '../../language/model/calendar-term.js';
import type { DeclarationSymbol } from './language.js';

// A new name no other declaration has may still read as another one, and
// `slac validate` refuses the file the rename would leave: two calendars
// whose names read as one defined term (SLA3088), a severity named as
// another severity's `matches` value (SLA3045). The comparisons are the
// checker's own, so the rename refuses exactly what validation would.

/** Why `candidate`, another declaration of the renamed kind, reads as `newName`; undefined when it does not. */
export function readsAlike(candidate: DeclarationSymbol, newName: string): string | undefined {
  if (candidate.kind === 'calendar' && calendarTermKey(candidate.name) === calendarTermKey(newName)) {
    return `reads as the defined term '${calendarTerm(candidate.name)}'`;
  }
  if (candidate.kind === 'severity') {
    const value = valuesOf(candidate.declaration as SeverityDeclaration).find((literal) => logKey(literal.value) === logKey(newName));
    if (value !== undefined) return `matches '${value.value}' in ticket logs`;
  }
  return undefined;
}
