import { findCalendar, findMetric, type AgreementModel, type DurationModel, type EscalationLevelModel } from '../../language/model/model.js';
import { joinWithAnd, ordinal, percent, withArticle } from '../english.js';
import { calendarTerm, escalatesInBusinessTime, isAroundTheClock, spellDuration, type DocumentContext } from './context.js';
import { list, paragraph, section, table, type Block, type Section } from './document.js';
import { PERIOD_NOUNS } from './service-levels.js';

/** `when 75% of the incident resolution target has elapsed`. */
export function spellTrigger(context: DocumentContext, level: EscalationLevelModel): string {
  const trigger = level.trigger;
  if (trigger.kind === 'after') return `${spellAfterTime(context.model, trigger.duration)}, if it has not reached its Resolution by then`;
  const metric = findMetric(context.model, trigger.metric);
  // The title as written (`the Berlin office fix target`): lower-casing it would change a proper name.
  const target = `the ${metric?.title ?? trigger.metric} target`;
  if (trigger.percent === 100) return `when ${target} is reached`;
  if (trigger.percent === 200) return `when twice ${target} has elapsed`;
  if (trigger.percent === 50) return `when half of ${target} has elapsed`;
  return `when ${percent(trigger.percent)} of ${target} has elapsed`;
}

/**
 * When a level `after D` falls due: `2 business hours after the Ticket is
 * opened (Office Hours)`. `slac explain` says the same of each level it owes.
 */
export function spellAfterTime(model: AgreementModel, duration: DurationModel): string {
  const clock = model.escalation?.clock;
  const calendar = clock ? findCalendar(model, clock) : undefined;
  const hours = clock ? ` (${calendarTerm(clock)})` : '';
  // N business days fall due at the close of the N-th Business Day (SEMANTICS.md, Durations), as slac check times them:
  // `1 Business Day after the Ticket is opened` reads as the same time of day on the next one.
  if (duration.unit === 'businessDays') return `at the close of the ${ordinal(duration.amount)} Business Day after the day the Ticket is opened${hours}`;
  return `${spellDuration(duration, isAroundTheClock(calendar))} after the Ticket is opened${hours}`;
}

/** Section "Escalation": who an unresolved ticket goes to, and when. */
export function escalationSection(context: DocumentContext): Section | undefined {
  const escalation = context.model.escalation;
  if (!escalation || escalation.levels.length === 0) return undefined;
  const rows = escalation.levels.map((level) => [`Level ${level.level}`, level.who, spellTrigger(context, level)]);
  // The table is the statement of the escalation levels; the paragraph adds only what the table cannot show.
  const blocks: Block[] = [
    paragraph('A Ticket without a Resolution is escalated as follows:'),
    table(['Level', 'Escalated to', 'When'], rows),
    // As slac check meets a level (SEMANTICS.md, Escalation): a Ticket taken straight to a higher level keeps the lower ones.
    paragraph('A level is met when the Ticket is escalated to that level, or to a higher one, by the time shown.'),
  ];
  // Business Time is defined for the targets; an escalation time in business hours counts it too, and may be the only use of the term.
  if (escalatesInBusinessTime(context.model)) blocks.push(paragraph('A time in business minutes or business hours counts only Business Time.'));
  for (const sentence of untargetedSentences(context)) blocks.push(paragraph(sentence));
  const pauses = escalationPauses(context);
  if (pauses) blocks.push(paragraph(pauses));
  return section('Escalation', blocks);
}

/**
 * The Tickets a level `at P% of` a service level never falls due for: those of a Severity Level it sets no target
 * for, as `slac check` owes no such level (runtime/evaluate/escalation.ts). `A Ticket without a Resolution is
 * escalated as follows` alone reads as every Ticket, the hosting agreement's P1 first, whose Bug fix has no target.
 */
function untargetedSentences(context: DocumentContext): string[] {
  const levels = context.model.escalation?.levels ?? [];
  const tiedTo = [...new Set(levels.flatMap((level) => (level.trigger.kind === 'at' ? [level.trigger.metric] : [])))];
  return tiedTo.flatMap((name) => {
    const metric = findMetric(context.model, name);
    if (!metric || metric.defaultTarget || metric.channelTargets.some((target) => target.severity === undefined)) return [];
    const hasTarget = (severity: string): boolean =>
      metric.targets[severity] !== undefined || metric.channelTargets.some((target) => target.severity === severity);
    const untargeted = context.model.severities.map((severity) => severity.name).filter((severity) => !hasTarget(severity));
    if (untargeted.length === 0) return [];
    const onlyThese = levels.every((level) => level.trigger.kind === 'at' && level.trigger.metric === name);
    return [
      `A level tied to the ${metric.title} target does not apply to a Ticket for which that service level sets no target: ${withArticle(joinWithAnd(untargeted, 'or'))} Ticket is not escalated${onlyThese ? '' : ' at such a level'}.`,
    ];
  });
}

/**
 * How pauses count towards the escalation times. A level `at P% of` a
 * service level falls due as that service level's own clock runs, so one
 * with its own pauses (or `pause never`) follows them, not the agreement's.
 */
function escalationPauses(context: DocumentContext): string | undefined {
  const levels = context.model.escalation?.levels ?? [];
  const ownPauses = levels.flatMap((level) => {
    if (level.trigger.kind === 'after') return [];
    const metric = findMetric(context.model, level.trigger.metric);
    return metric?.pause === undefined ? [] : [`the ${metric.title} target`];
  });
  const agreementPauses = context.model.pause.statuses.length > 0;
  if (ownPauses.length === 0) return agreementPauses ? 'Paused Time does not count towards these times.' : undefined;
  const tied = joinWithAnd([...new Set(ownPauses)]);
  const rule = `a level tied to ${tied} follows the pauses of that service level, as the “Clock stops” column under Service Levels shows`;
  return agreementPauses ? `Paused Time does not count towards these times, except that ${rule}.` : `${rule.charAt(0).toUpperCase()}${rule.slice(1)}.`;
}

/** Section "Service Credits": the tiers and the cap, in words and as a table. */
export function creditsSection(context: DocumentContext): Section | undefined {
  const credits = context.model.credits;
  if (!credits || credits.tiers.length === 0) return undefined;
  // The table is the statement of the credits: one row per threshold, with the period it is measured over.
  const rows = credits.tiers.map((tier) => {
    const metric = findMetric(context.model, tier.metric);
    const period = metric?.objective ? PERIOD_NOUNS[metric.objective.period] : 'period';
    const measured = metric?.measures === 'uptime' ? 'Availability' : 'Share of Tickets meeting the target';
    return [metric?.title ?? tier.metric, `${measured} in a ${period} below ${percent(tier.belowPercent)}`, `${percent(tier.creditPercent)} of that ${period}’s Fee`];
  });
  const blocks: Block[] = [
    paragraph('The Client receives a Service Credit when a service level falls below a threshold in this table:'),
    table(['Service level', 'When', 'Service Credit'], rows),
  ];
  const cap = credits.capPercent !== undefined ? ` The Service Credits for one period never exceed ${percent(credits.capPercent)} of that period’s Fee in total.` : '';
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
