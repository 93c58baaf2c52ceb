import type { AgreementModel } from '../../language/model/model.js';
import { workedExamplesAppendix } from './appendix.js';
import { withOneApostrophe } from './apostrophes.js';
import { availabilitySection } from './availability.js';
import { channelsSection, severitySection } from './channels.js';
import { clauseSections, creditsSection, escalationSection, responsibilitiesSection } from './commitments.js';
import type { DocumentContext } from './context.js';
import { measurementSection, withAuthorTerms, withCreditClaims, withSeverityAssignment } from './contract-terms.js';
import { definitionsSection } from './definitions.js';
import { documentFingerprint } from './fingerprint.js';
import { listCalendarHolidays, type HolidayLister } from './holiday-dates.js';
import type { AgreementDocument, Section } from './document.js';
import { frontMatter, purposeSection } from './front.js';
import { reviewSection, signaturesSection } from './review.js';
import { serviceHoursSection } from './service-hours.js';
import { serviceLevelsSection } from './service-levels.js';

/** An agreement that uses no defined term (no calendar, metric or credit) has no Definitions section. */
function withoutEmptyDefinitions(definitions: Section): Section | undefined {
  return definitions.blocks.some((block) => block.kind !== 'list' || block.items.length > 0) ? definitions : undefined;
}

/**
 * The agreement as a document: sections in the order a drafter would write
 * them, each generated from the model. The model must have an agreement block.
 * `listHolidays` gives a calendar's holidays per year (the clock's own source
 * unless a test supplies another).
 */
export function buildAgreementDocument(
  model: AgreementModel,
  params: Readonly<Record<string, string>> = {},
  listHolidays: HolidayLister = listCalendarHolidays,
): AgreementDocument {
  const agreement = model.agreement;
  if (!agreement) throw new Error('buildAgreementDocument needs a model with an agreement block.');
  const fingerprint = documentFingerprint(model, params);
  const context: DocumentContext = { model, params, listHolidays, fingerprint };
  const sections = [
    purposeSection(context),
    withoutEmptyDefinitions(withAuthorTerms(context, definitionsSection(context))),
    serviceHoursSection(context),
    channelsSection(context),
    withSeverityAssignment(context, severitySection(context)),
    serviceLevelsSection(context),
    measurementSection(context),
    escalationSection(context),
    availabilitySection(context),
    withCreditClaims(context, creditsSection(context)),
    responsibilitiesSection(context),
    ...clauseSections(context),
    reviewSection(context),
    signaturesSection(context),
  ].filter((entry): entry is Section => entry !== undefined);
  const appendix = workedExamplesAppendix(context);
  const title = agreement.title ?? agreement.name;
  return withOneApostrophe({
    title,
    front: frontMatter(context),
    sections,
    appendices: appendix ? [appendix] : [],
    fingerprint,
    footer: { title, ...(agreement.version ? { version: agreement.version } : {}), sourceHash: fingerprint },
  });
}
