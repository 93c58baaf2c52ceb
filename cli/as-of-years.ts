import { PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../language/model/model.js';
import { formatInstant } from '../runtime/clock/index.js';
import { createEvaluationContext } from '../runtime/evaluate/index.js';
import { parseLogInstant } from '../runtime/log/instant.js';
import { BeforeFirstYearError, PastLastYearError, refuseDateOutsideYears, type DatedOutput } from '../review/data/window.js';
import { UserError } from './user-error.js';

/**
 * An as-of instant outside the years 0000 to 9999 in the report zone
 * (9999-12-31T23:59:59-12:00 is 10000-01-01 in New York) is refused, as
 * slac report refuses it: a check's report read "As of 10000-01-01" with
 * its next review on "+010000-01-01", and explain's timeline the same.
 * A portfolio's clients each report in their own agreement's zone.
 */
export function refuseAsOfOutsideYears(model: AgreementModel | PortfolioModel, asOf: number, subject: DatedOutput): void {
  const agreements = model.format === PORTFOLIO_FORMAT ? [...model.clients, ...(model.others ? [model.others] : [])].map((member) => member.agreement) : [model];
  try {
    for (const agreement of agreements) refuseDateOutsideYears(formatInstant(asOf, createEvaluationContext(agreement).reportZone), subject);
  } catch (error) {
    if (error instanceof PastLastYearError) throw new UserError(`${error.message}: give an earlier --as-of.`);
    if (error instanceof BeforeFirstYearError) throw new UserError(`${error.message}: give a later --as-of.`);
    throw error;
  }
}

/** `refuseAsOfOutsideYears` for `--as-of` as typed; a value that is no instant is left to the check, which names it (SLA4018). */
export function refuseAsOfOptionOutsideYears(model: AgreementModel | PortfolioModel, asOf: string | undefined): void {
  const instant = asOf === undefined ? undefined : parseLogInstant(asOf.trim(), undefined);
  if (instant !== undefined) refuseAsOfOutsideYears(model, instant, 'report');
}
