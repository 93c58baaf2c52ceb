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
import { ownValue } from './own-keys.js';

export const MODEL_FORMAT = 'slac-model';
/** Bumped on any incompatible change of the model's JSON shape. */
export const MODEL_VERSION = 2;

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
  /** Language 1.1: when planned maintenance may take place without counting as downtime. */
  maintenance?: MaintenanceModel;
  /** `severities { ... }`: who assigns a ticket's severity and who may change it. */
  severityAssignment?: SeverityAssignmentModel;
  /** `measurement { records "..." }`: the system whose records are the measurement of record. */
  measurement?: MeasurementModel;
  /** `term "Name" "..."`: defined terms the author writes, in declaration order (absent when there are none). */
  terms?: TermModel[];
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
  /** Dated lines (`2026-12-25 "..."`), sorted by date. They win over every other source. */
  holidays: HolidayModel[];
  /** `annually MM-DD` lines, sorted by month and day. They win over files and country sets. */
  annualHolidays: AnnualHolidayModel[];
  /** `holidays "DE-BE"`: country (and subdivision) codes as written, in declaration order. */
  holidaySets: string[];
  /**
   * `holidays from "x.ics"`: each file's path as written and its whole text,
   * so that the model stays self-contained (`--emit model`, `--emit evaluator`).
   */
  holidayFiles: HolidayFileModel[];
}

export interface AnnualHolidayModel {
  /** `MM-DD`, in the calendar's time zone (checked to be a possible day; `02-29` only in leap years). */
  monthDay: string;
  name: string;
  /** A short day: these ranges replace the weekday's hours. Absent: closed all day. */
  hours?: MinuteRange[];
}

export interface HolidayFileModel {
  /** As written, relative to the `.sla` file that declares it. */
  path: string;
  /** The iCalendar text. */
  ics: string;
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
  /** `matches "email", "web form"`: log values that mean this channel, as written. */
  matches: string[];
}

export interface SeverityModel {
  name: string;
  description?: string;
  isDefault: boolean;
  /** `matches "urgent", "Highest"`: log values that mean this severity, as written. */
  matches: string[];
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

export type Measure = 'firstResponse' | 'resolution' | 'firstEstimate' | 'updateInterval' | 'nextReply' | 'uptime';
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
  /** `target [Severity] via Channel DURATION`, in declaration order. */
  channelTargets: ChannelTargetModel[];
  objective?: ObjectiveModel;
  excludingMaintenance: boolean;
  /**
   * The metric's own pauses: absent, the agreement-wide `pause when status`
   * applies; `{ statuses: [] }` is `pause never`.
   */
  pause?: PauseModel;
}

export interface ChannelTargetModel {
  /** Absent: every severity. */
  severity?: string;
  channel: string;
  duration: DurationModel;
}

export interface MaintenanceModel {
  /** Calendar name: maintenance outside its open time is downtime. */
  window?: string;
  /** Real elapsed time: announced at least this long before the start. */
  notice?: DurationModel;
  /** Real elapsed time: at most this much Scheduled Maintenance per period. */
  atMost?: { duration: DurationModel; period: Period };
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
  /** `fee "..."`: what the credit percentages are a percentage of, as prose. */
  fee?: string;
  /** `claim within ... by "..."`: by when (after the end of the period the credit is for) and how credits are claimed. */
  claim?: CreditClaimModel;
  /** `sole remedy`: credits are the Client's only remedy for a missed service level. */
  soleRemedy?: true;
}

export interface CreditClaimModel {
  /** Real elapsed time after the end of the period the credit is for. */
  within?: DurationModel;
  /** How a claim is made, as prose. */
  how?: string;
}

export type Party = 'Provider' | 'Client';

export interface SeverityAssignmentModel {
  /** `assigned by Party [condition]`. */
  assignedBy: { party: Party; condition?: string };
  /** `changed by Party [condition]`, in declaration order, one per party. */
  changedBy: { party: Party; condition?: string }[];
}

export interface MeasurementModel {
  /** The system of record, as prose: `the Provider's Zendesk instance`. */
  records: string;
}

export interface TermModel {
  /** As written. */
  term: string;
  /** Markdown. */
  definition: string;
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

/**
 * The target that applies to a severity (and channel), or undefined when the
 * metric does not apply. The most specific wins (LANGUAGE.md 1.1): severity
 * and channel, then channel, then severity, then the plain target.
 */
export function targetFor(metric: MetricModel, severity: string, channel?: string): DurationModel | undefined {
  if (channel !== undefined && metric.channelTargets.length > 0) {
    const both = metric.channelTargets.find((target) => target.channel === channel && target.severity === severity);
    if (both) return both.duration;
    const channelOnly = metric.channelTargets.find((target) => target.channel === channel && target.severity === undefined);
    if (channelOnly) return channelOnly.duration;
  }
  return ownValue(metric.targets, severity) ?? metric.defaultTarget;
}

export function findCalendar(model: AgreementModel, name: string): CalendarModel | undefined {
  return model.calendars.find((calendar) => calendar.name === name);
}

export function findMetric(model: AgreementModel, name: string): MetricModel | undefined {
  return model.metrics.find((metric) => metric.name === name);
}

// ---------------------------------------------------------------- portfolios

export const PORTFOLIO_FORMAT = 'slac-portfolio';

/**
 * A portfolio (LANGUAGE.md 1.1): which agreement each client's tickets are
 * checked against. Each agreement is a full model, with that client's
 * `with` params recorded for the document.
 */
export interface PortfolioModel {
  format: typeof PORTFOLIO_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  /** In declaration order. */
  clients: PortfolioClientModel[];
  /** `others use "..."`: every client not listed, and tickets with no client. */
  others?: PortfolioMemberModel;
  /** The portfolio file and every file its agreements were built from. */
  sources: SourceInfo[];
}

export interface PortfolioMemberModel {
  /** The agreement file, relative to the portfolio file, as written. */
  path: string;
  /** `with Param "value"`, by param name. */
  params: Record<string, string>;
  agreement: AgreementModel;
}

export interface PortfolioClientModel extends PortfolioMemberModel {
  /** The names the log may give this client; the first is the one reports show. */
  names: string[];
}

/**
 * A client's name as names are compared: trimmed, case-insensitive and in
 * Unicode NFC, so that "Café" typed precomposed and "Cafe\u0301" (e and a
 * combining accent, as some exports write it) are one client.
 */
export function clientNameKey(name: string): string {
  return name.trim().toLowerCase().normalize('NFC');
}

/** The name reports and documents give the `others` member: no client may be listed by it beside `others` (SLA3092). */
export const OTHERS_CLIENT = 'others';

/** The member a log's client value goes to (compared by `clientNameKey`), or `others`. */
export function memberForClient(portfolio: PortfolioModel, client: string | undefined): PortfolioMemberModel | undefined {
  const wanted = client === undefined ? undefined : clientNameKey(client);
  if (wanted) {
    const listed = portfolio.clients.find((member) => member.names.some((name) => clientNameKey(name) === wanted));
    if (listed) return listed;
  }
  return portfolio.others;
}
