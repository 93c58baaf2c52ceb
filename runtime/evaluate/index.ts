/**
 * The evaluator: one agreement model plus a ticket's events give its
 * verdicts (`evaluateTicket`); verdicts plus outages give objectives, uptime,
 * escalations, credits and review dates (`ReportBuilder`). The rules are
 * SEMANTICS.md's; the choices it leaves open are in docs/check-semantics.md.
 */
export { createEvaluationContext, type EvaluationContext } from './context.js';
export { evaluateTicket, metricVerdictsByIndex, type MetricVerdict, type TicketVerdict } from './verdict.js';
export type { EscalationVerdict } from './escalation.js';
export { EscalationList, isOwed, type EscalationFields, type TicketIds } from './escalation-list.js';
export { ReportBuilder, type OutageRowsBeforeReporting, type ReportBuilderOptions, type ReportPart } from './report-builder.js';
export type {
  BreachList,
  BreachRow,
  CreditRow,
  EscalationRow,
  MaintenancePartRow,
  ObjectiveRow,
  ReportSummary,
  ReportTotals,
  ReviewSummary,
  ReviewTrigger,
  SkippedRow,
  UptimeMaintenance,
  UptimeRow,
} from './summary.js';
export { toMinutes } from './metric-clock.js';
export { classifyMaintenance, maintenanceRulesFor, type MaintenancePart, type MaintenanceReason, type MaintenanceRules } from './maintenance.js';
