import { DateTime } from 'luxon';
import type { DurationModel } from '../../language/model/model.js';
import { joinWithAnd, ordinal, plural, spellDate } from '../english.js';
import { isTicketMetric, resolveText, type DocumentContext } from './context.js';
import { mentionsService } from './definitions.js';
import { FINGERPRINT_DIGITS } from './fingerprint.js';
import { emphasis, list, paragraph, section, strong, text, type Block, type Inline, type Section } from './document.js';

const CADENCE_NOUNS: Partial<Record<DurationModel['unit'], string>> = { months: 'month', weeks: 'week', days: 'day' };

/** The date of the first review, counted from the effective date. */
function firstReviewDate(effective: string | undefined, every: DurationModel): string | undefined {
  const noun = CADENCE_NOUNS[every.unit];
  if (!effective || !noun) return undefined;
  const date = DateTime.fromISO(effective, { zone: 'UTC' }).plus({ [every.unit]: every.amount });
  return date.isValid ? date.toISODate() ?? undefined : undefined;
}

/**
 * Every review is counted from the effective date (SEMANTICS.md, Review), as `slac check` counts it. From the
 * 31st, the first falls on 28 February and the next on 31 March: a reader counting on from the first would
 * take 28 March. Said only when the effective day is one that some month lacks.
 */
function laterReviewsSentence(effective: string | undefined, every: DurationModel): string {
  const day = effective ? Number(effective.slice(8, 10)) : 0;
  if (every.unit !== 'months' || day <= 28) return '';
  const nth = ordinal(day);
  return ` Each later scheduled review falls due on the ${nth} of its month, or on the last day of a month that has no ${nth}.`;
}

/**
 * The Ticket that makes a major incident, as `slac check` finds one (runtime/evaluate/report-builder.ts): breached,
 * with the most severe level as its latest, whatever level the missed target was set for. `An Urgent Ticket that
 * misses its target` let a reader count a Ticket that missed its Urgent target and was then downgraded, which
 * check does not, and not count one upgraded after missing a lower level's target, which check does.
 */
function majorTicketIncident(context: DocumentContext, mostSevere: string): string {
  const targets = context.model.metrics.filter(isTicketMetric).length > 1 ? 'any of its targets' : 'its target';
  if (context.model.severities.length === 1) return `a Ticket that has missed ${targets}`;
  return `a Ticket whose latest Severity Level is ${mostSevere} and that has missed ${targets}, set for that level or another`;
}

function cadenceParagraph(context: DocumentContext): Block | undefined {
  const review = context.model.review!;
  const occasions: string[] = [];
  if (review.every) {
    const noun = CADENCE_NOUNS[review.every.unit];
    // `every month`, not `every 1 month`.
    const every = noun ? (review.every.amount === 1 ? noun : plural(review.every.amount, noun)) : review.every.text;
    occasions.push(`every ${every}`);
  }
  if (review.onRequest) occasions.push('at the request of either party');
  if (review.afterMajorIncident) {
    // A major incident is made only of what the agreement declares: ticket targets and availability objectives.
    const kinds: string[] = [];
    const mostSevere = context.model.severities[0]?.name;
    if (mostSevere && context.model.metrics.some(isTicketMetric)) kinds.push(majorTicketIncident(context, mostSevere));
    if (context.model.metrics.some((metric) => metric.measures === 'uptime' && metric.objective)) kinds.push('a missed availability objective');
    // `…set for that level or another, or a missed availability objective`: without the comma the two `or`s run together.
    const incident = kinds.length === 2 && kinds[0]!.includes(',') ? `${kinds[0]}, or ${kinds[1]}` : joinWithAnd(kinds, 'or');
    if (kinds.length > 0) occasions.push(`after a major incident (${incident})`);
  }
  if (occasions.length === 0) return undefined;
  const first = review.every ? firstReviewDate(context.model.agreement?.effective, review.every) : undefined;
  const scheduled = first ? ` The first scheduled review falls due on ${spellDate(first)}.${laterReviewsSentence(context.model.agreement?.effective, review.every!)}` : '';
  return paragraph(`The Provider and the Client will review the Agreement and the ${mentionsService(context) ? 'Service' : 'service'} delivered under it ${joinWithAnd(occasions)}.${scheduled}`);
}

/** Section "Review and Amendment": cadence, participants, agenda, report, notification, amendments; none when it would be empty. */
export function reviewSection(context: DocumentContext): Section | undefined {
  const review = context.model.review;
  if (!review) return undefined;
  const blocks: Block[] = [];
  const cadence = cadenceParagraph(context);
  if (cadence) blocks.push(cadence);
  if (review.participants.length > 0) {
    const items: Inline[] = review.participants.map((participant) => [
      strong(participant.party === 'Provider' ? 'For the Provider' : 'For the Client'),
      text(`: ${participant.text}`),
    ]);
    blocks.push(paragraph('The review is attended by:'), list(items));
  }
  if (review.agenda.length > 0) {
    const items: Inline[] = review.agenda.map((item) => [strong(item.title), text(`: ${item.text}`)]);
    blocks.push(paragraph('The agenda of a review covers:'), list(items, true));
  }
  if (review.report.length > 0) {
    blocks.push(paragraph('After each review the Provider issues a report containing:'), list(review.report));
  }
  if (review.notifyChangesBy) {
    blocks.push(
      paragraph(
        'The Provider will notify ',
        resolveText(context, context.model.agreement?.client, 'the Client'),
        ` of any change to the Agreement by ${review.notifyChangesBy}.`,
      ),
    );
  }
  if (review.amendments) blocks.push(paragraph(review.amendments));
  // An empty review block (SLA3097), or one whose only occasion makes no incident here, has nothing to say: no heading without text.
  return blocks.length === 0 ? undefined : section('Review and Amendment', blocks);
}

/** Section "Signatures": one block per party with name, title, date and signature lines. */
export function signaturesSection(context: DocumentContext): Section {
  const agreement = context.model.agreement;
  return section('Signatures', [
    paragraph('Signed on behalf of the parties by their authorised representatives:'),
    {
      kind: 'signatures',
      parties: [
        { role: 'Provider', party: [resolveText(context, agreement?.provider, 'the Provider')] },
        { role: 'Client', party: [resolveText(context, agreement?.client, 'the Client')] },
      ],
    },
    ...(context.fingerprint ? [fingerprintNote(context.fingerprint)] : []),
  ]);
}

/** What the fingerprint in the footer identifies, so a signed copy can be matched to its sources. */
export function fingerprintNote(fingerprint: string): Block {
  return paragraph(
    emphasis(
      `Document fingerprint: ${fingerprint.slice(0, FINGERPRINT_DIGITS)}. These are the first ${FINGERPRINT_DIGITS} hex digits of a SHA-256 hash over every source file of the Agreement (the main file, every file it imports and every holiday calendar file) and every value filled in for a blank. Any change to them changes the fingerprint.`,
    ),
  );
}
