import type { AgreementDeclaration, DateLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` that names a real calendar date, by the Gregorian rule
 * itself: `Date.UTC` would read years 0000-0099 as 1900-1999.
 */
export function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0);
}

/**
 * The dates an agreement may name (docs/language.md "Limits"). The runtime
 * clock counts open time from 1800 to 2400 only (`EARLIEST_INSTANT`,
 * `LATEST_INSTANT` in runtime/clock/calendar.ts); a century inside it on
 * each side keeps every figure the document derives from a date in that
 * span: the first year's periods, the holiday table of two years, and a due
 * time up to 366 business days after a worked example's ticket.
 */
export const FIRST_SUPPORTED_DATE = '1900-01-01';
export const LAST_SUPPORTED_DATE = '2299-12-31';

/** SLA3076 for a real date outside the supported years (an impossible one is SLA1020 already). */
export function checkDateInRange(context: CheckContext, date: DateLiteral | undefined): void {
  if (!date || !isValidDate(date.text)) return;
  if (date.text >= FIRST_SUPPORTED_DATE && date.text <= LAST_SUPPORTED_DATE) return;
  context.report('SLA3076', date.range, { text: date.text, first: FIRST_SUPPORTED_DATE, last: LAST_SUPPORTED_DATE });
}

/** The agreement's `effective` date within the supported years. */
export function checkAgreementDates(context: CheckContext, agreement: AgreementDeclaration): void {
  for (const statement of agreement.statements ?? []) {
    if (statement?.kind === 'Effective') checkDateInRange(context, statement.date);
  }
}
