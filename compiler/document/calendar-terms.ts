import type { AgreementModel } from '../../language/model/model.js';
import { CompileError } from '../errors.js';
import { calendarTerm } from './context.js';

/**
 * Each calendar's hours are a defined term read from its name (`OnCall` ->
 * On Call Hours). Two names that read alike (`Office` and `OfficeHours`,
 * `OnCall` and `On_Call`) would define one term twice, with two meanings, in
 * a document a lawyer signs: the compiler refuses, naming both calendars,
 * rather than print an ambiguous agreement.
 */
export function checkCalendarTermsDistinct(model: AgreementModel): void {
  const named = new Map<string, string>();
  for (const calendar of model.calendars) {
    const term = calendarTerm(calendar.name);
    const earlier = named.get(term);
    if (earlier !== undefined) {
      throw new CompileError(
        `${model.sources[0]?.path ?? 'The agreement'}: the calendars ${earlier} and ${calendar.name} both read as the defined term '${term}' in the document, which would define it twice with two meanings. Rename one of them.`,
      );
    }
    named.set(term, calendar.name);
  }
}
