/**
 * The aggregate part of a `slac check` report, ready to be written as JSON:
 * keys in camelCase, instants as ISO 8601 strings with offset, fractions
 * rounded to 6 decimals, minutes to 4.
 */
export interface ReportSummary {
  /** The agreement's name (`PoologicsSupport`). */
  agreement: string;
  /** The agreement's title, when declared. */
  title?: string;
  asOf: string;
  objectives: ObjectiveRow[];
  uptime: UptimeRow[];
  escalations: EscalationRow[];
  credits: CreditRow[];
  review: ReviewSummary;
  invalidRows: number;
  skipped: SkippedRow[];
  totals: ReportTotals;
}

/** Attainment of a ticket metric's objective in one period. */
export interface ObjectiveRow {
  metric: string;
  title: string;
  /** `2026-03`, `2026-Q1`, `2026`, `2026-W09`, in the metric clock's zone. */
  period: string;
  met: number;
  breached: number;
  /** Tickets of the period still running within target: not counted. */
  pending: number;
  /** met / (met + breached); null when no ticket is counted (no verdict). */
  attainment: number | null;
  /** The objective as a fraction (0.95); null for a metric with no objective (listed for credits). */
  objective: number | null;
  /** null when there is no verdict or no objective. */
  ok: boolean | null;
}

/** Availability of an uptime metric in one period (the last one clipped at the as-of instant). */
export interface UptimeRow {
  metric: string;
  title: string;
  period: string;
  /** The measured part of the period. */
  from: string;
  to: string;
  scheduledMinutes: number;
  downtimeMinutes: number;
  /** 1 - downtime / scheduled; null when nothing was scheduled. */
  uptime: number | null;
  objective: number | null;
  ok: boolean | null;
  /** The period's `maintenance` rows: what was excluded and what counted as downtime, and why. */
  maintenance: UptimeMaintenance;
}

/**
 * Maintenance in one uptime period. Minutes are open time of the metric's
 * calendar (what scheduled and downtime are made of); rows are distinct
 * outage-log lines.
 */
export interface UptimeMaintenance {
  /** Scheduled Maintenance taken out of scheduled time; 0 without `excluding maintenance`. */
  excludedMinutes: number;
  excludedRows: number;
  /** Maintenance counted as downtime (part of downtimeMinutes; time also covered by an outage counts once there). */
  countedMinutes: number;
  countedRows: number;
  parts: MaintenancePartRow[];
}

/** One part of a `maintenance` row inside the period (clipped to it), in time order. */
export interface MaintenancePartRow {
  /** ISO instants in the metric clock's zone. */
  start: string;
  end: string;
  /** Open minutes of the metric's calendar in the part. */
  minutes: number;
  /** True when the part counts as downtime; false for Scheduled Maintenance. */
  counted: boolean;
  /** True for Scheduled Maintenance taken out of scheduled time (`excluding maintenance`). */
  excluded: boolean;
  /** Why a counted part is not Scheduled Maintenance. */
  reason?: 'outside the window' | 'short notice' | 'over the cap';
  /** With 'short notice': real minutes from `announced` to the row's start (null: not announced). */
  noticeMinutes?: number | null;
  requiredNoticeMinutes?: number;
  /** With 'over the cap': the cap in real minutes and the cap period it was reached in. */
  capMinutes?: number;
  capPeriod?: string;
  /** The row's line in the outage log, and its description. */
  line: number;
  description?: string;
}

export interface EscalationRow {
  ticket: string;
  level: number;
  who: string;
  /** For `at P% of Metric` levels. */
  metric?: string;
  due: string;
  status: 'met' | 'late' | 'missed' | 'pending';
  escalatedAt?: string;
  /** Real (wall-clock) minutes late. */
  lateMinutes?: number;
}

/** Credits owed for one period label. */
export interface CreditRow {
  period: string;
  /** After the cap. */
  percent: number;
  /** The sum before the cap. */
  uncappedPercent: number;
  tiers: { metric: string; value: number; belowPercent: number; creditPercent: number }[];
}

export interface ReviewSummary {
  /** `YYYY-MM-DD`, or null when the agreement sets no `every` or no `effective`. */
  next: string | null;
  triggers: ReviewTrigger[];
}

/** Why a review is due now (`also after major incident`). */
export type ReviewTrigger =
  | { kind: 'breach'; ticket: string; severity: string; metrics: string[] }
  | { kind: 'uptime'; metric: string; period: string; uptime: number | null; objective: number | null };

/** A log row that `--skip-invalid` left out. */
export interface SkippedRow {
  file: string;
  line: number;
  /** The key (column) at fault, when there is one. */
  key?: string;
  /** The error's code (`SLA4002`). */
  code?: string;
  message: string;
}

export interface ReportTotals {
  tickets: number;
  /** Tickets with at least one breached metric. */
  breachedTickets: number;
  met: number;
  breached: number;
  pending: number;
  escalations: { met: number; late: number; missed: number; pending: number };
}

/** A breached ticket metric, for the text report. */
export interface BreachRow {
  ticket: string;
  /** The ticket's severity at the as-of instant. */
  severity: string;
  /** The severity whose target this is (`MetricVerdict.targetSeverity`): another when the severity changed after the metric stopped. */
  targetSeverity: string;
  /** The ticket's channel, when the metric has channel targets (it then helps pick the target). */
  channel?: string;
  metric: string;
  title: string;
  targetMinutes: number;
  /**
   * `2 business days` (the target as written), when it is in business days: its minutes are
   * this ticket's open time to the due day's close, which alone (`20h 19m`)
   * reads as a target the agreement does not state.
   */
  businessDays?: string;
  elapsedMinutes: number;
  /** elapsed - target. */
  overMinutes: number;
  /** When the target was reached (ISO), or null. */
  due: string | null;
  /** Used for ordering: epoch ms of due (or created). */
  order: number;
}

/** The first `rows` breaches in report order, and how many there were in all. */
export interface BreachList {
  rows: BreachRow[];
  total: number;
}
