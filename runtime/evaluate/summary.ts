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
  severity: string;
  metric: string;
  title: string;
  targetMinutes: number;
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
