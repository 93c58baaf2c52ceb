import type { BoundWorkspace } from '../binder/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CalendarDeclaration, Declaration, PauseDeclaration } from '../syntax/ast.js';
import type { LoadedFiles } from '../workspace/load-files.js';
import { checkBidiControls } from './bidi-controls.js';
import { checkBlankTexts } from './blank-texts.js';
import { checkCalendar } from './calendar.js';
import { checkCalendarTermsDistinct } from './calendar-terms.js';
import { checkChannelCount } from './channel-limit.js';
import { checkAgreementDates } from './dates.js';
import { createCheckContext, type CheckContext } from './context.js';
import { checkDeclarationOnce } from './declaration-cache.js';
import { checkCreditClaim, checkSeverities, checkTermsDefinedOnce } from './contract-terms.js';
import { checkCredits } from './credits.js';
import { checkSeverityOrder } from './severity-order.js';
import { checkUnstaffedClocks } from './unstaffed-clock.js';
import { checkUnusedCalendars } from './unused-calendars.js';
import { checkZeroAmounts } from './zero-amounts.js';
import { checkClauseTitles } from './clause-titles.js';
import { checkUnusedParams } from './unused-params.js';
import { checkEscalation } from './escalation.js';
import { checkEscalationHasLevel, checkResponsibilitiesHaveItems, checkReviewNotEmpty } from './empty-blocks.js';
import { checkHolidayFileContents } from './holiday-files.js';
import { checkIdlePauses } from './idle-pauses.js';
import { checkExcludingMaintenance, checkMaintenance } from './maintenance.js';
import { checkMatches } from './matches.js';
import { checkMetric } from './metrics.js';
import { checkPortfolio, checkPortfolioFile } from './portfolio.js';
import { checkPauses, checkResponsibilities, checkReview } from './parties.js';
import { checkRepeatedEntries } from './repeated-entries.js';
import { checkReviewHasStart } from './review-dates.js';
import { checkDefaultSeverity, checkSeveritiesHaveTargets } from './severities.js';
import { checkStatementCounts } from './statements.js';

export { isAroundTheClock, weeklyIntervals, minutesOfRange, daysOfSpan } from './hours.js';
export { durationAccepted, type DurationPlace } from './durations.js';
export { onceOnlyStatements } from './statements.js';
export { measureTakes, type MeasureBoundStatement } from './metrics.js';
export { measureOf } from './context.js';
export { onceOnlyDeclarations, topLevelDeclarationAllowed } from './declarations-allowed.js';

/**
 * The semantic checks: every declaration of every loaded file on its own
 * (reported in its file), then the agreement in force as a whole.
 */
export function check(loaded: LoadedFiles, bound: BoundWorkspace): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of loaded.order) {
    const context = createCheckContext(file, bound.resolve, diagnostics);
    const declarations = (loaded.files.get(file)?.parse.document?.declarations ?? []).filter((d) => d !== undefined);
    for (const declaration of declarations) checkDeclarationOnce(file, bound.resolve, declaration, diagnostics, checkDeclaration);
    checkPauses(context, declarations.filter((d): d is PauseDeclaration => d.kind === 'Pause'));
    checkPortfolioFile(context, declarations);
    checkHolidayFileContents(context, loaded, declarations.filter((d): d is CalendarDeclaration => d.kind === 'Calendar'));
  }
  checkDefaultSeverity(bound.entryScope, diagnostics);
  checkReviewHasStart(bound.entryScope, diagnostics);
  checkSeveritiesHaveTargets(bound.entryScope, diagnostics);
  checkExcludingMaintenance(bound.entryScope, diagnostics);
  checkMatches(bound.entryScope, diagnostics);
  checkTermsDefinedOnce(bound.entryScope, diagnostics);
  checkClauseTitles(bound.entryScope, diagnostics);
  checkRepeatedEntries(bound.entryScope, diagnostics);
  checkCalendarTermsDistinct(bound.entryScope, diagnostics);
  checkSeverityOrder(bound.entryScope, diagnostics);
  checkUnusedCalendars(loaded.entry, bound.entryScope, diagnostics);
  checkUnusedParams(loaded.entry, bound.entryScope, diagnostics);
  checkUnstaffedClocks(bound.entryScope, diagnostics);
  checkChannelCount(bound.entryScope, diagnostics);
  checkIdlePauses(bound.entryScope, diagnostics);
  return diagnostics;
}

function checkDeclaration(context: CheckContext, declaration: Declaration): void {
  checkStatementCounts(context, declaration);
  checkBlankTexts(context, declaration);
  checkBidiControls(context, declaration);
  checkZeroAmounts(context, declaration);
  switch (declaration.kind) {
    case 'Agreement':
      return checkAgreementDates(context, declaration);
    case 'Calendar':
      return checkCalendar(context, declaration);
    case 'Metric':
      return checkMetric(context, declaration);
    case 'Escalation':
      checkEscalationHasLevel(context, declaration);
      return checkEscalation(context, declaration);
    case 'Credits':
      checkCreditClaim(context, declaration);
      return checkCredits(context, declaration);
    case 'Severities':
      return checkSeverities(context, declaration);
    case 'Responsibilities':
      checkResponsibilitiesHaveItems(context, declaration);
      return checkResponsibilities(context, declaration);
    case 'Review':
      checkReviewNotEmpty(context, declaration);
      return checkReview(context, declaration);
    case 'Maintenance':
      return checkMaintenance(context, declaration);
    case 'Portfolio':
      return checkPortfolio(context, declaration);
    default:
      return;
  }
}
