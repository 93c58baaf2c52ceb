import type { AgreementModel, MetricModel } from '../../language/model/model.js';

/**
 * Whether an agreement sets service credits and escalation levels. A report
 * of one that sets none says so instead of a zero count: "Credits: none
 * due." or "0 late, 0 missed" read as credits or levels agreed and none
 * earned or owed.
 */
export interface AgreementSets {
  credits: boolean;
  escalation: boolean;
}

/** What every report (text, site, review pack) says for an agreement without `credits`. */
export const NO_CREDITS_TEXT = 'The agreement sets no service credits.';

/** What every report says for an agreement without `escalation`. */
export const NO_ESCALATION_TEXT = 'The agreement sets no escalation levels.';

/**
 * A block that is written but sets nothing (`credits { cap 10% }` with no
 * tier, SLA3101; `escalation { clock Office }` with no level, SLA3097) sets
 * none: the report said "Credits: none due." and counted escalations beside
 * a document that has no such section.
 */
export function agreementSets(model: Pick<AgreementModel, 'credits' | 'escalation'>): AgreementSets {
  return { credits: (model.credits?.tiers.length ?? 0) > 0, escalation: (model.escalation?.levels.length ?? 0) > 0 };
}

/**
 * The uptime metrics that credit tiers rest on: measured from the outage log
 * alone, so without one their credits go uncounted (SLA4064, and the site's
 * and pack's uptime sentence).
 */
export function creditedUptimeMetrics(model: Pick<AgreementModel, 'credits' | 'metrics'>): MetricModel[] {
  const credited = new Set((model.credits?.tiers ?? []).map((tier) => tier.metric));
  return model.metrics.filter((metric) => metric.measures === 'uptime' && credited.has(metric.name));
}
