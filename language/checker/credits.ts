import type { CreditsDeclaration, CreditTier, PercentLiteral } from '../syntax/ast.js';
import { resolveMetric, type CheckContext } from './context.js';
import { checkPercent } from './percent.js';

/**
 * Credit tiers: percentages in range, each tier within the cap, one tier per
 * threshold, a lower threshold never giving less, and a period to count in.
 */
export function checkCredits(context: CheckContext, credits: CreditsDeclaration): void {
  const statements = (credits.statements ?? []).filter((s) => s !== undefined);
  const tiers = statements.filter((s): s is CreditTier => s.kind === 'Tier');
  checkHasTier(context, credits, tiers);
  const caps = statements.flatMap((s) => (s.kind === 'Cap' && s.percent ? [s.percent] : []));
  for (const cap of caps) checkPercent(context, cap);
  const cap: PercentLiteral | undefined = caps[0];
  for (const tier of tiers) {
    checkPercent(context, tier.below);
    checkPercent(context, tier.credit);
    if (cap && tier.credit && tier.credit.value > cap.value) {
      context.report('SLA3012', tier.credit.range, { credit: tier.credit.text, cap: cap.text });
    }
    const metric = resolveMetric(context, tier.metric);
    if (metric && !(metric.statements ?? []).some((s) => s?.kind === 'Objective')) {
      context.report('SLA3023', tier.metric!.range, { metric: tier.metric!.text });
    }
  }
  checkTierOrder(context, tiers);
  checkOnePeriod(context, tiers);
}

/**
 * Without a `when` tier nothing is credited and the document has no credits
 * section: a `cap`, `claim` or `sole remedy` written there would vanish
 * unsaid (SLA3101). An empty `override credits { }` removes imported
 * credits on purpose.
 */
function checkHasTier(context: CheckContext, credits: CreditsDeclaration, tiers: CreditTier[]): void {
  if (tiers.length > 0) return;
  const statements = (credits.statements ?? []).filter((s) => s !== undefined);
  if (credits.override && statements.length === 0) return;
  const words: Record<string, string> = { Cap: 'cap', Claim: 'claim', SoleRemedy: 'sole remedy', Fee: 'fee' };
  const written = [...new Set(statements.flatMap((s) => words[s.kind] ?? []))];
  const dropped = written.length === 0 ? '' : `, its ${listOf(written)} ${written.length === 1 ? 'line' : 'lines'} too`;
  context.report('SLA3101', credits.keywordRange, { dropped });
}

function listOf(words: string[]): string {
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Credits are summed per period, so all credited metrics count in the same period (SLA3036). */
function checkOnePeriod(context: CheckContext, tiers: CreditTier[]): void {
  let first: { metric: string; period: string } | undefined;
  const reported = new Set<string>();
  for (const tier of tiers) {
    const metric = resolveMetric(context, tier.metric);
    const objective = (metric?.statements ?? []).find((s) => s?.kind === 'Objective');
    const period = objective?.kind === 'Objective' ? objective.period : undefined;
    if (!tier.metric || !period) continue;
    first ??= { metric: tier.metric.text, period };
    if (period !== first.period && !reported.has(tier.metric.text)) {
      reported.add(tier.metric.text);
      context.report('SLA3036', tier.metric.range, {
        metric: tier.metric.text,
        period,
        other: first.metric,
        otherPeriod: first.period,
      });
    }
  }
}

/** Within one metric: a lower `below` threshold must give a credit at least as large. */
function checkTierOrder(context: CheckContext, tiers: CreditTier[]): void {
  const byMetric = new Map<string, { below: PercentLiteral; credit: PercentLiteral }[]>();
  for (const tier of tiers) {
    const metric = tier.metric?.text;
    const { below, credit } = tier;
    if (metric === undefined || !below || !credit) continue;
    const earlier = byMetric.get(metric) ?? [];
    if (earlier.some((other) => other.below.value === below.value)) {
      context.report('SLA3031', below.range, { metric, below: below.text });
    } else {
      const broken = earlier.some(
        (other) =>
          (other.below.value > below.value && other.credit.value > credit.value) ||
          (other.below.value < below.value && other.credit.value < credit.value),
      );
      if (broken) context.report('SLA3011', credit.range, { metric });
    }
    byMetric.set(metric, [...earlier, { below, credit }]);
  }
}
