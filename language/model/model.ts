/**
 * The checked model: what an agreement means, with every name resolved and
 * every import and override applied. It is plain JSON-serialisable data
 * (no AST nodes, no source ranges), so that `slac compile --emit model` can
 * write it and `slac check` can read it back. The runtime and the compiler
 * work from this model only, never from the syntax tree.
 *
 * Conventions: percentages are kept as written (99.9 for `99.9%`); times of
 * day as minutes after local midnight; dates as `YYYY-MM-DD` strings; weekdays
 * as ISO numbers (1 = Monday ... 7 = Sunday).
 */

export const MODEL_FORMAT = 'slac-model';
/** Bumped on any incompatible change of the model's JSON shape. */
export const MODEL_VERSION = 1;

export interface AgreementModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  /** The agreement block; absent in a file of shared terms such as corporate.sla. */
  agreement?: AgreementInfo;
  params: ParamModel[];
  calendars: CalendarModel[];
  channels: ChannelModel[];
  /** Most severe first, as declared (imported files first, in import order). */
  severities: SeverityModel[];
  /** Name of the `default` severity (checked: exactly one exists). */
  defaultSeverity: string;
  pause: PauseModel;
  metrics: MetricModel[];
  escalation?: EscalationModel;
  credits?: CreditsModel;
  responsibilities: ResponsibilitiesModel;
  /** Free clauses in declaration order. */
  clauses: ClauseModel[];
  review?: ReviewModel;
  /** The files the model was built from, entry file first. */
  sources: SourceInfo[];
}

export interface SourceInfo {
  /** Path relative to the entry file's folder (`corporate.sla`), entry file is its own base name. */
  path: string;
  /** Hex SHA-256 of the file's bytes, so a signed PDF can be matched to its source. */
  sha256: string;
}

/** Text that is either literal or filled in from a `param` at compile time. */
export type TextValue = { kind: 'text'; text: string } | { kind: 'param'; param: string };

export interface AgreementInfo {
  name: string;
  title?: string;
  version?: string;
  /** `YYYY-MM-DD` */
  effective?: string;
  provider?: TextValue;
  client?: TextValue;
  contact?: string;
  /** Markdown, indentation removed. */
  purpose?: string;
}

export interface ParamModel {
  name: string;
  placeholder: string;
}

/** `[start, end)` in minutes after the local midnight of the day the range belongs to. */
export interface MinuteRange {
  start: number;
  /** May exceed 1440 for a range that crosses midnight (22:00-06:00 is 1320..1800). */
  end: number;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CalendarModel {
  name: string;
  /** IANA zone name, checked to exist. */
  timezone: string;
  /**
   * Open ranges per ISO weekday (index 0 unused, 1 = Monday ... 7 = Sunday),
   * sorted by start, never overlapping.
   */
  weekly: MinuteRange[][];
  /** Sorted by date. */
  holidays: HolidayModel[];
}

export interface HolidayModel {
  /** `YYYY-MM-DD`, in the calendar's time zone. */
  date: string;
  name: string;
  /** A short day: these ranges replace the weekday's hours. Absent: closed all day. */
  hours?: MinuteRange[];
}

export interface ChannelModel {
  name: string;
  contact?: string;
  /** Calendar name. */
  hours?: string;
}

export interface SeverityModel {
  name: string;
  description?: string;
  isDefault: boolean;
}

export interface PauseModel {
  /** As written, for the document. */
  statuses: string[];
}

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'businessDays' | 'weeks' | 'months';

export interface DurationModel {
  amount: number;
  unit: DurationUnit;
  /**
   * The amount of open time in minutes, for every unit but `businessDays`
   * (which depends on when a ticket opened) and `months` (review cadence only).
   */
  minutes?: number;
  /** As written, `2 business days`. */
  text: string;
}

export type Measure = 'firstResponse' | 'resolution' | 'firstEstimate' | 'updateInterval' | 'uptime';
export type Period = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export interface MetricModel {
  name: string;
  /** Declared title, or the name split into words (`FirstResponse` -> `First response`). */
  title: string;
  measures: Measure;
  /** Calendar name. */
  clock: string;
  /** `target DURATION` without a severity: applies to every severity not listed below. */
  defaultTarget?: DurationModel;
  /** `target Severity DURATION`, keyed by severity name. */
  targets: Record<string, DurationModel>;
  objective?: ObjectiveModel;
  excludingMaintenance: boolean;
}

export interface ObjectiveModel {
  /** 95 for `95%`. */
  percent: number;
  period: Period;
}

export type EscalationTriggerModel =
  | { kind: 'at'; percent: number; metric: string }
  | { kind: 'after'; duration: DurationModel };

export interface EscalationLevelModel {
  level: number;
  who: string;
  trigger: EscalationTriggerModel;
}

export interface EscalationModel {
  /** Calendar name; required when any level uses `after`. */
  clock?: string;
  /** In declaration order (checked to be ascending). */
  levels: EscalationLevelModel[];
}

export interface CreditTierModel {
  metric: string;
  /** Credit applies when attainment (or uptime) is below this percentage. */
  belowPercent: number;
  creditPercent: number;
}

export interface CreditsModel {
  tiers: CreditTierModel[];
  capPercent?: number;
}

export interface ResponsibilitiesModel {
  provider: string[];
  client: string[];
}

export interface ClauseModel {
  title: string;
  /** Markdown. */
  text: string;
}

export interface ReviewModel {
  every?: DurationModel;
  onRequest: boolean;
  afterMajorIncident: boolean;
  participants: { party: 'Provider' | 'Client'; text: string }[];
  agenda: { title: string; text: string }[];
  report: string[];
  /** `notify changes by email` gives `email`. */
  notifyChangesBy?: string;
  amendments?: string;
}

/** The target that applies to a severity, or undefined when the metric does not apply. */
export function targetFor(metric: MetricModel, severity: string): DurationModel | undefined {
  return metric.targets[severity] ?? metric.defaultTarget;
}

export function findCalendar(model: AgreementModel, name: string): CalendarModel | undefined {
  return model.calendars.find((calendar) => calendar.name === name);
}

export function findMetric(model: AgreementModel, name: string): MetricModel | undefined {
  return model.metrics.find((metric) => metric.name === name);
}
