import { findMetric, type EscalationLevelModel } from '../../language/model/model.js';
import { formatNumber, lowerFirst, percent } from '../english.js';
import { isAroundTheClock, spellDuration, type DocumentContext } from './context.js';
import { list, paragraph, section, table, type Block, type Section } from './document.js';
import { PERIOD_NOUNS } from './service-levels.js';

/** `when 75% of the incident resolution target has elapsed`. */
export function spellTrigger(context: DocumentContext, level: EscalationLevelModel): string {
  const trigger = level.trigger;
  if (trigger.kind === 'after') {
    const clock = context.model.escalation?.clock;
    const calendar = clock ? context.model.calendars.find((candidate) => candidate.name === clock) : undefined;
    const amount = spellDuration(trigger.duration, isAroundTheClock(calendar));
    return `${amount} after the ticket is opened${clock ? ` (${clock})` : ''}, if it is still unresolved`;
  }
  const metric = findMetric(context.model, trigger.metric);
  const target = `the ${lowerFirst(metric?.title ?? trigger.metric)} target`;
  if (trigger.percent === 100) return `when ${target} is reached`;
  if (trigger.percent === 200) return `when twice ${target} has elapsed`;
  if (trigger.percent === 50) return `when half of ${target} has elapsed`;
  return `when ${percent(trigger.percent)} of ${target} has elapsed`;
}

/** Section "Escalation": who an unresolved ticket goes to, and when. */
export function escalationSection(context: DocumentContext): Section | undefined {
  const escalation = context.model.escalation;
  if (!escalation || escalation.levels.length === 0) return undefined;
  const rows = escalation.levels.map((level) => [`Level ${level.level}`, level.who, spellTrigger(context, level)]);
  const sentences = escalation.levels.map(
    (level) => `A ticket is escalated to level ${level.level} (${level.who}) ${spellTrigger(context, level)}.`,
  );
  return section('Escalation', [
    paragraph(`${sentences.join(' ')}${context.model.pause.statuses.length > 0 ? ' Paused Time does not count towards these times.' : ''}`),
    table(['Level', 'Escalated to', 'When'], rows),
  ]);
}

/** Section "Service Credits": the tiers and the cap, in words and as a table. */
export function creditsSection(context: DocumentContext): Section | undefined {
  const credits = context.model.credits;
  if (!credits || credits.tiers.length === 0) return undefined;
  const blocks: Block[] = [];
  const sentences = credits.tiers.map((tier) => {
    const metric = findMetric(context.model, tier.metric);
    const period = metric?.objective ? PERIOD_NOUNS[metric.objective.period] : 'period';
    const measured = metric?.measures === 'uptime' ? `the ${lowerFirst(metric.title)}` : `the share of tickets meeting the ${lowerFirst(metric?.title ?? tier.metric)} target`;
    return `If ${measured} in a ${period} is below ${percent(tier.belowPercent)}, the Client receives a Service Credit of ${percent(tier.creditPercent)} of that ${period}’s fee.`;
  });
  blocks.push(list(sentences));
  const rows = credits.tiers.map((tier) => [
    findMetric(context.model, tier.metric)?.title ?? tier.metric,
    `Below ${percent(tier.belowPercent)}`,
    `${percent(tier.creditPercent)} of the fee`,
  ]);
  blocks.push(table(['Service level', 'Attainment', 'Service Credit'], rows));
  const cap = credits.capPercent !== undefined ? ` The Service Credits for one period never exceed ${formatNumber(credits.capPercent)}% of that period’s fee in total.` : '';
  blocks.push(
    paragraph(
      `For each service level only the largest Service Credit whose threshold is missed applies; the Service Credits of different service levels are added together.${cap}`,
    ),
  );
  return section('Service Credits', blocks);
}

/** Section "Responsibilities": what each party undertakes, as two lists. */
export function responsibilitiesSection(context: DocumentContext): Section | undefined {
  const { provider, client } = context.model.responsibilities;
  if (provider.length === 0 && client.length === 0) return undefined;
  const subsections: Section[] = [];
  if (provider.length > 0) subsections.push(section('The Provider', [paragraph('The Provider will:'), list(provider)]));
  if (client.length > 0) subsections.push(section('The Client', [paragraph('The Client will:'), list(client)]));
  return section('Responsibilities', [], subsections);
}

/** The author's free clauses, one section each, in declaration order. */
export function clauseSections(context: DocumentContext): Section[] {
  return context.model.clauses.map((clause) => section(clause.title, [{ kind: 'prose', markdown: clause.text }]));
}
