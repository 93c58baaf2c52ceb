import type { Party } from '../../language/model/model.js';
import { findMetric } from '../../language/model/model.js';
import { termKey } from '../../language/binder/scopes.js';
import type { DocumentContext } from './context.js';
import { paragraph, section, strong, text, type Block, type Inline, type Section } from './document.js';
import { PERIOD_NOUNS } from './service-levels.js';

/**
 * The contract terms the author declares (issue 9): defined terms and the
 * Fee in the Definitions, who assigns a severity in Severity Levels, the
 * measurement of record, and how Service Credits are claimed. Each sentence
 * here comes from one declaration and is absent without it. The sections
 * these functions add to are built elsewhere; they only append to them.
 */

/** Prose as one line: a term's definition is one item of the Definitions list. */
const oneLine = (prose: string): string => prose.replace(/\s+/g, ' ').trim();
/**
 * A clause the author wrote to follow a sentence, without its own full stop.
 * A loop from the end, not `/[.;,]+$/`, which was quadratic in a run of
 * stops inside the text: a condition of 100,000 dots then a word took 12 s.
 */
function clauseOf(prose: string): string {
  const line = oneLine(prose);
  let end = line.length;
  while (end > 0 && '.;,'.includes(line[end - 1]!)) end -= 1;
  return line.slice(0, end);
}
const theParty = (party: Party): string => `the ${party}`;
const capitalised = (phrase: string): string => phrase[0]!.toUpperCase() + phrase.slice(1);

/**
 * An author's definition as it completes "**Term** means ...": a leading
 * "means" is not doubled, a leading article is lower-cased, and the
 * sentence ends with a full stop.
 */
function meaningOf(definition: string): string {
  const prose = oneLine(definition).replace(/^(The|A|An) /, (article) => article.toLowerCase());
  const sentence = /[.!?]$/.test(prose) ? prose : `${prose}.`;
  return /^means\b/i.test(sentence) ? sentence : `means ${sentence}`;
}

function definitionItem(term: string, meaning: string): Inline {
  return [strong(term), text(` ${meaning}`)];
}

function termOf(item: Inline): string | undefined {
  const first = item[0];
  return first?.kind === 'strong' ? first.text : undefined;
}

/**
 * The Definitions section with the author's `term` declarations and the
 * `fee` of the credits: an author's term replaces a generated definition of
 * the same term (compared case-insensitively), and the list stays in
 * alphabetical order.
 */
export function withAuthorTerms(context: DocumentContext, definitions: Section): Section {
  const { model } = context;
  // The generated text writes a term as it is generated (`the Service`): an author's `term "service"` that replaces it keeps that spelling, so that the definition and every use read alike.
  const generated = new Map(
    definitions.blocks.flatMap((block) => (block.kind === 'list' ? block.items.flatMap((item) => termOf(item) ?? []) : [])).map((term) => [termKey(term), term]),
  );
  const authored: Inline[] = [];
  if (model.credits?.fee && model.credits.tiers.length > 0) authored.push(definitionItem('Fee', `means ${clauseOf(model.credits.fee)}.`));
  for (const term of model.terms ?? []) authored.push(definitionItem(generated.get(termKey(term.term)) ?? term.term, meaningOf(term.definition)));
  if (authored.length === 0) return definitions;
  const replaced = new Set(authored.map((item) => termKey(termOf(item)!)));
  const blocks = definitions.blocks.map((block): Block => {
    if (block.kind !== 'list') return block;
    const kept = block.items.filter((item) => !replaced.has(termKey(termOf(item) ?? '')));
    const items = [...kept, ...authored].sort((a, b) => (termOf(a) ?? '').localeCompare(termOf(b) ?? '', 'en'));
    return { ...block, items };
  });
  if (!blocks.some((block) => block.kind === 'list')) blocks.push({ kind: 'list', ordered: false, items: authored });
  return { ...definitions, blocks };
}

/** The Severity Levels section with who assigns a Ticket's Severity Level and who may change it. */
export function withSeverityAssignment(context: DocumentContext, severities: Section | undefined): Section | undefined {
  const assignment = context.model.severityAssignment;
  if (!assignment || !severities) return severities;
  const { assignedBy } = assignment;
  const sentences = [
    `${capitalised(theParty(assignedBy.party))} assigns the Severity Level of each Ticket${assignedBy.condition ? ` ${clauseOf(assignedBy.condition)}` : ''}.`,
    ...assignment.changedBy.map(
      (change) => `${capitalised(theParty(change.party))} may change the Severity Level of a Ticket${change.condition ? ` ${clauseOf(change.condition)}` : ''}.`,
    ),
  ];
  return { ...severities, blocks: [...severities.blocks, paragraph(sentences.join(' '))] };
}

/** Section "Measurement": the system whose records are the measurement of record. */
export function measurementSection(context: DocumentContext): Section | undefined {
  const measurement = context.model.measurement;
  if (!measurement) return undefined;
  const credits = (context.model.credits?.tiers.length ?? 0) > 0 ? ', and every Service Credit computed,' : '';
  return section('Measurement', [
    paragraph(`The records of ${clauseOf(measurement.records)} are the measurement of record: every service level is measured${credits} from them.`),
  ]);
}

/** The Service Credits section with how and by when a credit is claimed, and whether credits are the sole remedy. */
export function withCreditClaims(context: DocumentContext, credits: Section | undefined): Section | undefined {
  const model = context.model.credits;
  if (!credits || !model) return credits;
  const sentences: string[] = [];
  if (model.claim) {
    const metric = model.tiers.map((tier) => findMetric(context.model, tier.metric)).find((m) => m?.objective);
    const period = metric?.objective ? PERIOD_NOUNS[metric.objective.period] : 'period';
    const how = model.claim.how ? ` by ${clauseOf(model.claim.how)}` : '';
    const within = model.claim.within ? ` within ${model.claim.within.text} after the end of the ${period} for which it is due` : '';
    sentences.push(`The Client claims a Service Credit${how}${within}.`);
    if (model.claim.within) sentences.push('A Service Credit that is not claimed in that time is not due.');
  }
  if (model.soleRemedy) {
    sentences.push('Service Credits are the Client’s sole and exclusive remedy for a failure to meet a service level.');
  }
  if (sentences.length === 0) return credits;
  return { ...credits, blocks: [...credits.blocks, paragraph(sentences.join(' '))] };
}
