import type { ScopeEntry } from '../binder/scopes.js';
import { termKey } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { calendarTerm } from '../model/calendar-term.js';
import type { CalendarDeclaration, Name } from '../syntax/ast.js';
import { pathFromEntry } from '../workspace/paths.js';

/** A calendar in force with its name, and the file that declares it. */
interface NamedCalendar {
  file: string;
  name: Name;
  term: string;
}

/**
 * Two calendars in force whose names read as one defined term (SLA3088):
 * each calendar's hours are a term of the compiled agreement, spelt by
 * `calendarTerm` (`OnCall` and `On_Call` are both On Call Hours), and one
 * term with two meanings in a document the parties sign is ambiguous.
 * Judged on the entry file's scope, in the order the model lists calendars
 * (imports first), and reported at the later name, in its own file.
 */
export function checkCalendarTermsDistinct(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, NamedCalendar>();
  for (const entry of entryScope) {
    const name = entry.declaration.kind === 'Calendar' ? (entry.declaration as CalendarDeclaration).name : undefined;
    if (!name) continue;
    const term = calendarTerm(name.text);
    const key = calendarTermKey(name.text);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, { file: entry.file, name, term });
      continue;
    }
    const related = [{ file: earlier.file, range: earlier.name.range, message: `${earlier.name.text} reads as '${earlier.term}' here.` }];
    const args = { first: earlier.name.text, where: placeOf(earlier, entry.file), second: name.text, term: earlier.term };
    diagnostics.push(createDiagnostic('SLA3088', entry.file, name.range, args, { related }));
  }
}

/**
 * What two calendars must not share: the term their names read as, compared
 * as terms are (SLA3049), since `OFFICE` and `Office` would print "OFFICE
 * Hours" and "Office Hours", one term to a reader. The import's draft names
 * calendars by it too, so that a draft it writes passes this check.
 */
export function calendarTermKey(name: string): string {
  return termKey(calendarTerm(name));
}

/** `line 4` in the same file; `shared/office.sla line 4`, as seen from the reporting file's folder, in another. */
function placeOf(calendar: NamedCalendar, reportedIn: string): string {
  const line = `line ${calendar.name.range.start.line + 1}`;
  return calendar.file === reportedIn ? line : `${pathFromEntry(reportedIn, calendar.file)} ${line}`;
}
