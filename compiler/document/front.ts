import { spellDate } from '../english.js';
import { isTicketMetric, resolveText, runsTicketClocks, unfilledParams, type DocumentContext } from './context.js';
import { emphasis, paragraph, section, strong, text, type Block, type Section } from './document.js';
import { reviewSection } from './review.js';

/** The lines under the title: version, effective date, the parties, and a note on blanks. */
export function frontMatter(context: DocumentContext): Block[] {
  const agreement = context.model.agreement!;
  const rows: [string, ReturnType<typeof resolveText>][] = [];
  if (agreement.version) rows.push(['Version', text(agreement.version)]);
  if (agreement.effective) rows.push(['Effective date', text(spellDate(agreement.effective))]);
  rows.push(['Provider', resolveText(context, agreement.provider, 'the Provider')]);
  rows.push(['Client', resolveText(context, agreement.client, 'the Client')]);
  if (agreement.contact) rows.push(['Contact', text(agreement.contact)]);
  const blocks: Block[] = rows.map(([label, value]) => paragraph(strong(`${label}:`), ' ', value));
  blocks.push(
    paragraph(
      'This Service Level Agreement (the ',
      strong('Agreement'),
      ') is made between ',
      resolveText(context, agreement.provider, 'the Provider'),
      ' (the ',
      strong('Provider'),
      ') and ',
      resolveText(context, agreement.client, 'the Client'),
      ' (the ',
      strong('Client'),
      ')',
      agreement.effective ? ` and takes effect on ${spellDate(agreement.effective)}.` : '.',
    ),
  );
  if (unfilledParams(context.model, context.params).length > 0) {
    blocks.push(paragraph(emphasis('Highlighted blanks are to be completed before the Agreement is signed.')));
  }
  return blocks;
}

/** True when the Provider gives support the agreement speaks of: a channel, a Severity Level, or a clock on Tickets. */
function givesSupport(context: DocumentContext): boolean {
  const { model } = context;
  return model.channels.length > 0 || model.severities.length > 0 || runsTicketClocks(model);
}

/** True when the agreement commits to a level of service: a ticket service level or an availability objective. */
function commitsToLevels(context: DocumentContext): boolean {
  return context.model.metrics.some((metric) => isTicketMetric(metric) || metric.objective !== undefined);
}

/**
 * What the agreement sets out, naming only what it has: an agreement without
 * metrics commits to no level of service, and one without a review section
 * (no review block, or an empty one) is not reviewed (a lawyer reads the
 * generated purpose as a term).
 */
function generatedPurpose(context: DocumentContext): string {
  const support = givesSupport(context) ? 'the support the Provider gives the Client' : undefined;
  const reviewed = reviewSection(context) !== undefined;
  if (commitsToLevels(context)) {
    const how = `how those levels are measured${reviewed ? ' and reviewed' : ''}`;
    const levels = 'the levels of service the Provider commits to';
    return support ? `${support}, ${levels}, and ${how}` : `${levels} and ${how}`;
  }
  const subject = support ?? 'the terms agreed between the Provider and the Client';
  return reviewed ? `${subject} and how the Agreement is reviewed` : subject;
}

/** Section "Purpose": the author's text, or a generated statement when there is none. */
export function purposeSection(context: DocumentContext): Section {
  const purpose = context.model.agreement?.purpose;
  if (purpose && purpose.trim() !== '') return section('Purpose', [{ kind: 'prose', markdown: purpose }]);
  return section('Purpose', [paragraph(`The Agreement sets out ${generatedPurpose(context)}.`)]);
}
