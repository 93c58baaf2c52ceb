import type { Range } from './range.js';

/**
 * The syntax tree of one `.sla` file. Every node carries its source range.
 * The parser recovers from errors, so any child may be missing (`undefined`)
 * in a tree built from broken text: every consumer must tolerate that.
 *
 * Blocks keep their statements as a list in source order, so that the
 * checker can report duplicates and the formatter can keep the author's
 * order and comments.
 */

export interface NodeBase {
  range: Range;
}

/** A name as written: a declaration's own name, or a reference to one. */
export interface Name extends NodeBase {
  text: string;
}

/** A reference to a declaration; `kind` is what the position expects. */
export interface Reference extends Name {
  expects: ReferenceKind;
}

export type ReferenceKind = 'calendar' | 'severity' | 'metric' | 'param' | 'channel';

export interface StringLiteral extends NodeBase {
  kind: 'String';
  /** The value with escapes resolved. */
  value: string;
}

/** `"""..."""`: Markdown prose with the common indentation removed. */
export interface TextBlock extends NodeBase {
  kind: 'TextBlock';
  value: string;
}

/** Prose positions accept a one-line string or a text block. */
export type Text = StringLiteral | TextBlock;

/** `12-24` after `annually`: a month and day that recur every year. */
export interface MonthDayLiteral extends NodeBase {
  kind: 'MonthDay';
  /** As written, `12-24`; valid or not (the checker reports impossible days). */
  text: string;
}

export interface DateLiteral extends NodeBase {
  kind: 'Date';
  /** As written, `2026-12-25`; valid or not (the parser reports invalid dates). */
  text: string;
}

export interface TimeOfDay extends NodeBase {
  kind: 'Time';
  text: string;
  /** Minutes after local midnight, 0..1440 (24:00 is 1440). */
  minutes: number;
}

/** `08:00-18:00`; a range whose end is before its start crosses midnight. */
export interface TimeRange extends NodeBase {
  kind: 'TimeRange';
  start?: TimeOfDay;
  end?: TimeOfDay;
}

export type WeekdayName = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

/** `Mon`, or `Mon-Fri`, or a wrapping range `Sun-Thu`. */
export interface WeekdaySpan extends NodeBase {
  kind: 'WeekdaySpan';
  from?: WeekdayName;
  to?: WeekdayName;
}

export interface NumberLiteral extends NodeBase {
  kind: 'Number';
  value: number;
  text: string;
}

export interface PercentLiteral extends NodeBase {
  kind: 'Percent';
  /** `99.9%` is 99.9. */
  value: number;
  text: string;
}

export type DurationUnit = 'minute' | 'hour' | 'day' | 'business day' | 'week' | 'month';

export interface DurationLiteral extends NodeBase {
  kind: 'Duration';
  amount?: number;
  unit?: DurationUnit;
  /** As written, `2 business days`. */
  text: string;
}

export type MeasureKind = 'first response' | 'resolution' | 'first estimate' | 'update interval' | 'next reply' | 'uptime';
export type PeriodKind = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/** A keyword-only statement or flag, e.g. `default`, `also on request`. */
export interface Flag<K extends string> extends NodeBase {
  kind: K;
}

// ---------------------------------------------------------------- comments

export interface Comment extends NodeBase {
  kind: 'LineComment' | 'BlockComment';
  /** The comment as written, with its delimiters. */
  text: string;
}

// ---------------------------------------------------------------- document

export interface SlaDocument extends NodeBase {
  kind: 'Document';
  /** Absolute path or URI of the file. */
  file: string;
  declarations: Declaration[];
  /** Every comment, in source order; the formatter puts them back. */
  comments: Comment[];
}

export type Declaration =
  | ImportDeclaration
  | AgreementDeclaration
  | ParamDeclaration
  | CalendarDeclaration
  | ChannelDeclaration
  | SeverityDeclaration
  | PauseDeclaration
  | MetricDeclaration
  | EscalationDeclaration
  | CreditsDeclaration
  | ResponsibilitiesDeclaration
  | ClauseDeclaration
  | ReviewDeclaration
  | MaintenanceDeclaration
  | PortfolioDeclaration
  | SeveritiesDeclaration
  | MeasurementDeclaration
  | TermDeclaration;

export type DeclarationKind = Declaration['kind'];

/** Present on every declaration: `override metric X {...}` sets `override`. */
export interface DeclarationBase extends NodeBase {
  /** The range of the `override` keyword, when written. */
  override?: Range;
  /** The range of the leading keyword (`metric`, `calendar`...). */
  keywordRange: Range;
  /**
   * Set when the block's closing `}` is missing: the range then runs to the
   * next declaration (or the end of the file), so editors treat the lines
   * below the last statement as inside the block.
   */
  unclosed?: true;
}

export interface ImportDeclaration extends DeclarationBase {
  kind: 'Import';
  path?: StringLiteral;
}

export interface AgreementDeclaration extends DeclarationBase {
  kind: 'Agreement';
  name?: Name;
  statements: AgreementStatement[];
}

export type AgreementStatement =
  | { kind: 'Title'; range: Range; value?: Text }
  | { kind: 'Version'; range: Range; value?: Text }
  | { kind: 'Effective'; range: Range; date?: DateLiteral }
  | { kind: 'Provider'; range: Range; value?: Text | Reference }
  | { kind: 'Client'; range: Range; value?: Text | Reference }
  | { kind: 'Contact'; range: Range; value?: Text }
  | { kind: 'Purpose'; range: Range; value?: Text };

export interface ParamDeclaration extends DeclarationBase {
  kind: 'Param';
  name?: Name;
  placeholder?: StringLiteral;
}

export interface CalendarDeclaration extends DeclarationBase {
  kind: 'Calendar';
  name?: Name;
  statements: CalendarStatement[];
}

export type CalendarStatement = TimezoneStatement | HoursStatement | HolidaysBlock | HolidaySetStatement | HolidayFileStatement;

/** `holidays "DE-BE"`: the public holidays of a country (and subdivision), every year. */
export interface HolidaySetStatement extends NodeBase {
  kind: 'HolidaySet';
  code?: StringLiteral;
}

/** `holidays from "company-days.ics"`: the all-day events of an iCalendar file. */
export interface HolidayFileStatement extends NodeBase {
  kind: 'HolidayFile';
  path?: StringLiteral;
}

export interface TimezoneStatement extends NodeBase {
  kind: 'Timezone';
  zone?: StringLiteral;
}

/** `hours Mon-Fri 08:00-12:00, 13:00-17:00` (days may be a list: `Mon, Wed-Fri`). */
export interface HoursStatement extends NodeBase {
  kind: 'Hours';
  days: WeekdaySpan[];
  ranges: TimeRange[];
}

export interface HolidaysBlock extends NodeBase {
  kind: 'Holidays';
  entries: HolidayEntry[];
}

/**
 * `2026-12-25 "Christmas Day"`, `2026-12-24 hours 08:00-12:00 "Christmas Eve"`,
 * or a yearly line `annually 12-24 hours 08:00-12:00 "Christmas Eve"`.
 */
export interface HolidayEntry extends NodeBase {
  kind: 'Holiday';
  /** A dated line. */
  date?: DateLiteral;
  /** The range of the `annually` keyword, on a yearly line. */
  annually?: Range;
  /** A yearly line's month and day. */
  monthDay?: MonthDayLiteral;
  /** Present for a short day: these hours replace the day's usual hours. */
  hours?: TimeRange[];
  name?: StringLiteral;
}

export interface ChannelDeclaration extends DeclarationBase {
  kind: 'Channel';
  name?: Name;
  statements: ChannelStatement[];
}

export type ChannelStatement =
  | { kind: 'Contact'; range: Range; value?: Text }
  | { kind: 'ChannelHours'; range: Range; calendar?: Reference }
  | MatchesStatement;

/** `matches "urgent", "Highest"`: the helpdesk's values that mean this severity or channel. */
export interface MatchesStatement extends NodeBase {
  kind: 'Matches';
  values: StringLiteral[];
}

export interface SeverityDeclaration extends DeclarationBase {
  kind: 'Severity';
  name?: Name;
  statements: SeverityStatement[];
}

export type SeverityStatement = { kind: 'Description'; range: Range; value?: Text } | Flag<'Default'> | MatchesStatement;

/** `pause when status "A", "B"` */
export interface PauseDeclaration extends DeclarationBase {
  kind: 'Pause';
  statuses: StringLiteral[];
}

export interface MetricDeclaration extends DeclarationBase {
  kind: 'Metric';
  name?: Name;
  statements: MetricStatement[];
}

export type MetricStatement =
  | { kind: 'Title'; range: Range; value?: Text }
  | { kind: 'Measures'; range: Range; measure?: MeasureKind }
  | { kind: 'Clock'; range: Range; calendar?: Reference }
  | TargetStatement
  | ObjectiveStatement
  | MetricPauseStatement
  | Flag<'ExcludingMaintenance'>;

/** `target 20 minutes`, `target P1 15 minutes`, `target via Phone 2 minutes`, `target P1 via Email 30 minutes`. */
export interface TargetStatement extends NodeBase {
  kind: 'Target';
  severity?: Reference;
  /** The range of `via`, when written. */
  via?: Range;
  channel?: Reference;
  duration?: DurationLiteral;
}

/** Inside a metric: `pause when status "A", "B"` (replaces the agreement-wide statuses) or `pause never`. */
export interface MetricPauseStatement extends NodeBase {
  kind: 'MetricPause';
  statuses: StringLiteral[];
  /** The range of `never`, for `pause never`. */
  never?: Range;
}

/** `objective 95% monthly` */
export interface ObjectiveStatement extends NodeBase {
  kind: 'Objective';
  percent?: PercentLiteral;
  period?: PeriodKind;
  periodRange?: Range;
}

export interface EscalationDeclaration extends DeclarationBase {
  kind: 'Escalation';
  statements: EscalationStatement[];
}

export type EscalationStatement = EscalationLevel | { kind: 'Clock'; range: Range; calendar?: Reference };

/** `level 1 "Senior engineer" at 50% of Fix` or `level 2 "Head" after 4 hours`. */
export interface EscalationLevel extends NodeBase {
  kind: 'Level';
  level?: NumberLiteral;
  who?: StringLiteral;
  trigger?: EscalationTrigger;
}

export type EscalationTrigger =
  | { kind: 'At'; range: Range; percent?: PercentLiteral; metric?: Reference }
  | { kind: 'After'; range: Range; duration?: DurationLiteral };

export interface CreditsDeclaration extends DeclarationBase {
  kind: 'Credits';
  statements: CreditsStatement[];
}

export type CreditsStatement =
  | CreditTier
  | { kind: 'Cap'; range: Range; percent?: PercentLiteral }
  /** `fee "the monthly service fee"`: what credits are a percentage of. */
  | { kind: 'Fee'; range: Range; value?: Text }
  /** `claim within 30 days by "email to billing@example.com"`: either part may be left out, not both. */
  | CreditClaimStatement
  /** `sole remedy`: credits are the Client's only remedy for a missed service level. */
  | Flag<'SoleRemedy'>;

export interface CreditClaimStatement extends NodeBase {
  kind: 'Claim';
  /** Real elapsed time after the end of the period the credit is for. */
  within?: DurationLiteral;
  /** How a claim is made, as prose. */
  how?: Text;
}

/** `when Uptime below 99.9% credit 5%` */
export interface CreditTier extends NodeBase {
  kind: 'Tier';
  metric?: Reference;
  below?: PercentLiteral;
  credit?: PercentLiteral;
}

export interface ResponsibilitiesDeclaration extends DeclarationBase {
  kind: 'Responsibilities';
  /** `Provider` or `Client` as written; the checker rejects anything else. */
  party?: Name;
  items: Text[];
}

export interface ClauseDeclaration extends DeclarationBase {
  kind: 'Clause';
  title?: StringLiteral;
  text?: Text;
}

export interface ReviewDeclaration extends DeclarationBase {
  kind: 'Review';
  statements: ReviewStatement[];
}

export type ReviewStatement =
  | { kind: 'Every'; range: Range; duration?: DurationLiteral }
  | Flag<'AlsoOnRequest'>
  | Flag<'AlsoAfterMajorIncident'>
  | { kind: 'Participants'; range: Range; entries: { range: Range; party?: Name; text?: Text }[] }
  | { kind: 'Agenda'; range: Range; items: { range: Range; title?: StringLiteral; text?: Text }[] }
  | { kind: 'Report'; range: Range; items: Text[] }
  | { kind: 'NotifyChanges'; range: Range; medium?: Name }
  | { kind: 'Amendments'; range: Range; value?: Text };

/** `maintenance { window Calendar  notice 48 hours  at most 4 hours monthly }` */
export interface MaintenanceDeclaration extends DeclarationBase {
  kind: 'Maintenance';
  statements: MaintenanceStatement[];
}

export type MaintenanceStatement =
  | { kind: 'Window'; range: Range; calendar?: Reference }
  | { kind: 'Notice'; range: Range; duration?: DurationLiteral }
  | { kind: 'AtMost'; range: Range; duration?: DurationLiteral; period?: PeriodKind; periodRange?: Range };

/** `severities { assigned by Provider  changed by Provider "on the Client's reasonable request" }` */
export interface SeveritiesDeclaration extends DeclarationBase {
  kind: 'Severities';
  statements: SeveritiesStatement[];
}

/** `assigned by Party [condition]` or `changed by Party [condition]`. */
export interface SeverityPartyStatement extends NodeBase {
  kind: 'AssignedBy' | 'ChangedBy';
  /** `Provider` or `Client` as written; the checker rejects anything else. */
  party?: Name;
  condition?: Text;
}

export type SeveritiesStatement = SeverityPartyStatement;

/** `measurement { records "the Provider's Zendesk instance" }` */
export interface MeasurementDeclaration extends DeclarationBase {
  kind: 'Measurement';
  statements: MeasurementStatement[];
}

/** `records "..."`: the system whose records are the measurement of record. */
export type MeasurementStatement = { kind: 'Records'; range: Range; value?: Text };

/** `term "Business Hours" "..."` (or a text block): a defined term the author writes. */
export interface TermDeclaration extends DeclarationBase {
  kind: 'Term';
  /** Not `name`: a term is not a declaration other declarations refer to. */
  term?: StringLiteral;
  text?: Text;
}

/** `portfolio Customers { client "A", "B" uses "a.sla" with P "v"  others use "b.sla" }` */
export interface PortfolioDeclaration extends DeclarationBase {
  kind: 'Portfolio';
  name?: Name;
  entries: PortfolioEntry[];
}

export type PortfolioEntry = PortfolioClient | PortfolioOthers;

/** `client "Acme", "Acme Ltd" uses "acme.sla" with ClientName "Acme"` */
export interface PortfolioClient extends NodeBase {
  kind: 'PortfolioClient';
  names: StringLiteral[];
  path?: StringLiteral;
  params: PortfolioParam[];
}

/** `others use "standard.sla"` (params allowed as for a client). */
export interface PortfolioOthers extends NodeBase {
  kind: 'PortfolioOthers';
  path?: StringLiteral;
  params: PortfolioParam[];
}

/** `with Param "value"`: a param of the used agreement, filled for this client. */
export interface PortfolioParam extends NodeBase {
  /** Not a `Reference`: it names a param of the other file, checked when that file is loaded. */
  param?: Name;
  value?: StringLiteral;
}

/** Declarations that introduce a name other declarations can refer to. */
export type NamedDeclaration =
  | AgreementDeclaration
  | ParamDeclaration
  | CalendarDeclaration
  | ChannelDeclaration
  | SeverityDeclaration
  | MetricDeclaration
  | PortfolioDeclaration;

export function isNamedDeclaration(declaration: Declaration): declaration is NamedDeclaration {
  return 'name' in declaration;
}
