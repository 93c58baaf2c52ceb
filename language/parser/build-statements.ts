import type { CstNode } from 'chevrotain';
import type {
  AgreementStatement, CalendarStatement, ChannelStatement, CreditsStatement, EscalationStatement,
  EscalationTrigger, MaintenanceStatement, MatchesStatement, MeasureKind, MetricStatement, MonthDayLiteral, PeriodKind,
  PortfolioEntry, PortfolioParam, ReviewStatement, SeverityStatement, Text,
} from '../syntax/ast.js';
import type { CstReader } from './cst-reader.js';
import { creditTermsStatement } from './build-contract.js';
import { reportStrayInput } from './stray.js';
import {
  dateLiteral, duration, name, numberLiteral, percentLiteral, reference, stringLiteral, text, timeRanges, weekdaySpan,
} from './build-values.js';

/** Statements inside declaration blocks, one builder per grammar rule. */

/** A statement of the block: `title`, `version`, `effective`, `provider`, `client`, `contact`, `purpose`. */
export function agreementStatement(reader: CstReader, key: string, node: CstNode): AgreementStatement | undefined {
  const range = reader.range(node);
  switch (key) {
    case 'titleStatement':
      return { kind: 'Title', range, value: text(reader, reader.node(node, 'text')) };
    case 'contactStatement':
      return { kind: 'Contact', range, value: text(reader, reader.node(node, 'text')) };
    case 'partyStatement': {
      const value = text(reader, reader.node(node, 'text')) ?? reference(reader, reader.token(node, 'Name'), 'param');
      return { kind: reader.token(node, 'kw_client') ? 'Client' : 'Provider', range, value };
    }
    case 'agreementStatement':
      if (reader.token(node, 'kw_version')) return { kind: 'Version', range, value: text(reader, reader.node(node, 'text')) };
      if (reader.token(node, 'kw_effective')) return { kind: 'Effective', range, date: dateLiteral(reader, reader.token(node, 'Date')) };
      return { kind: 'Purpose', range, value: text(reader, reader.node(node, 'text')) };
  }
  return undefined;
}

/** A statement of the block: `timezone`, `hours`, `holidays { ... }`. */
export function calendarStatement(reader: CstReader, key: string, node: CstNode): CalendarStatement | undefined {
  const range = reader.range(node);
  switch (key) {
    case 'timezoneStatement':
      return { kind: 'Timezone', range, zone: stringLiteral(reader, reader.token(node, 'StringLike')) };
    case 'hoursStatement':
      return {
        kind: 'Hours',
        range,
        days: reader.nodes(node, 'weekdaySpan').filter((span) => reader.span(span)).map((span) => weekdaySpan(reader, span)),
        ranges: timeRanges(reader, reader.node(node, 'timeRanges')),
      };
    case 'holidaysBlock': {
      if (reader.token(node, 'kw_from')) return { kind: 'HolidayFile', range, path: stringLiteral(reader, reader.token(node, 'path')) };
      const code = reader.token(node, 'code');
      if (code) return { kind: 'HolidaySet', range, code: stringLiteral(reader, code) };
      reportStrayInput(reader, node, 'holidays');
      return { kind: 'Holidays', range, entries: reader.blockItems(node, ['holidayEntry']).map(({ node: entry }) => holidayEntry(reader, entry)) };
    }
  }
  return undefined;
}

function holidayEntry(reader: CstReader, entry: CstNode) {
  const annually = reader.token(entry, 'kw_annually');
  const monthDay = reader.token(entry, 'MonthDay');
  return {
    kind: 'Holiday' as const,
    range: reader.range(entry),
    date: dateLiteral(reader, reader.token(entry, 'Date')),
    ...(annually ? { annually: reader.tokenRange(annually) } : {}),
    ...(monthDay ? { monthDay: { kind: 'MonthDay', text: monthDay.image, range: reader.tokenRange(monthDay) } satisfies MonthDayLiteral } : {}),
    hours: reader.token(entry, 'kw_hours') ? timeRanges(reader, reader.node(entry, 'timeRanges')) : undefined,
    name: stringLiteral(reader, reader.token(entry, 'StringLike')),
  };
}

/** `matches "a", "b"`. */
function matchesStatement(reader: CstReader, node: CstNode): MatchesStatement {
  return { kind: 'Matches', range: reader.range(node), values: reader.tokens(node, 'StringLike').flatMap((token) => stringLiteral(reader, token) ?? []) };
}

/** A statement of the block: `contact`, `hours Calendar`. */
export function channelStatement(reader: CstReader, key: string, node: CstNode): ChannelStatement | undefined {
  const range = reader.range(node);
  if (key === 'contactStatement') return { kind: 'Contact', range, value: text(reader, reader.node(node, 'text')) };
  if (key === 'channelHoursStatement') return { kind: 'ChannelHours', range, calendar: reference(reader, reader.token(node, 'Name'), 'calendar') };
  if (key === 'matchesStatement') return matchesStatement(reader, node);
  return undefined;
}

/** A statement of the block: `description`, `default`. */
export function severityStatement(reader: CstReader, key: string, node: CstNode): SeverityStatement | undefined {
  const range = reader.range(node);
  if (key === 'descriptionStatement') return { kind: 'Description', range, value: text(reader, reader.node(node, 'text')) };
  if (key === 'defaultStatement') return { kind: 'Default', range };
  if (key === 'matchesStatement') return matchesStatement(reader, node);
  return undefined;
}

const MEASURES: Record<string, MeasureKind> = {
  'first response': 'first response', 'first estimate': 'first estimate', resolution: 'resolution',
  'update interval': 'update interval', 'next reply': 'next reply', uptime: 'uptime',
};

function measureOf(reader: CstReader, node: CstNode): MeasureKind | undefined {
  const words = ['kw_first', 'kw_response', 'kw_estimate', 'kw_resolution', 'kw_update', 'kw_interval', 'kw_next', 'kw_reply', 'kw_uptime']
    .flatMap((key) => reader.tokens(node, key))
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((token) => token.image);
  return MEASURES[words.join(' ')];
}

/** A statement of the block: `title`, `measures`, `clock`, `target`, `objective`, `excluding maintenance`. */
export function metricStatement(reader: CstReader, key: string, node: CstNode): MetricStatement | undefined {
  const range = reader.range(node);
  switch (key) {
    case 'titleStatement':
      return { kind: 'Title', range, value: text(reader, reader.node(node, 'text')) };
    case 'measuresStatement':
      return { kind: 'Measures', range, measure: measureOf(reader, node) };
    case 'clockStatement':
      return { kind: 'Clock', range, calendar: reference(reader, reader.token(node, 'Name'), 'calendar') };
    case 'targetStatement': {
      const via = reader.token(node, 'kw_via');
      return {
        kind: 'Target',
        range,
        severity: reference(reader, reader.token(node, 'severity'), 'severity'),
        ...(via ? { via: reader.tokenRange(via), channel: reference(reader, reader.token(node, 'channel'), 'channel') } : {}),
        duration: duration(reader, reader.node(node, 'duration')),
      };
    }
    case 'metricPauseStatement': {
      const never = reader.token(node, 'kw_never');
      return {
        kind: 'MetricPause',
        range,
        statuses: reader.tokens(node, 'StringLike').flatMap((token) => stringLiteral(reader, token) ?? []),
        ...(never ? { never: reader.tokenRange(never) } : {}),
      };
    }
    case 'objectiveStatement': {
      const period = reader.token(node, 'period');
      return {
        kind: 'Objective',
        range,
        percent: percentLiteral(reader, reader.token(node, 'Percent')),
        period: period?.image as PeriodKind | undefined,
        periodRange: period && reader.tokenRange(period),
      };
    }
    case 'excludingStatement':
      return { kind: 'ExcludingMaintenance', range };
  }
  return undefined;
}

/** A statement of the block: `window Calendar`, `notice DURATION`, `at most DURATION PERIOD`. */
export function maintenanceStatement(reader: CstReader, key: string, node: CstNode): MaintenanceStatement | undefined {
  const range = reader.range(node);
  switch (key) {
    case 'windowStatement':
      return { kind: 'Window', range, calendar: reference(reader, reader.token(node, 'Name'), 'calendar') };
    case 'noticeStatement':
      return { kind: 'Notice', range, duration: duration(reader, reader.node(node, 'duration')) };
    case 'atMostStatement': {
      const period = reader.token(reader.node(node, 'period'), 'period');
      return {
        kind: 'AtMost',
        range,
        duration: duration(reader, reader.node(node, 'duration')),
        period: period?.image as PeriodKind | undefined,
        periodRange: period && reader.tokenRange(period),
      };
    }
  }
  return undefined;
}

function portfolioParams(reader: CstReader, node: CstNode): PortfolioParam[] {
  return reader.nodes(node, 'portfolioParam').filter((param) => reader.span(param)).map((param) => ({
    range: reader.range(param),
    param: name(reader, reader.token(param, 'Name')),
    value: stringLiteral(reader, reader.token(param, 'StringLike')),
  }));
}

/** An entry of a portfolio: `client "A", "B" uses "a.sla" ...` or `others use "b.sla" ...`. */
export function portfolioEntry(reader: CstReader, key: string, node: CstNode): PortfolioEntry | undefined {
  const range = reader.range(node);
  const path = stringLiteral(reader, reader.token(node, 'path'));
  const params = portfolioParams(reader, node);
  if (key === 'portfolioClient') {
    const names = reader.tokens(node, 'names').flatMap((token) => stringLiteral(reader, token) ?? []);
    return { kind: 'PortfolioClient', range, names, path, params };
  }
  if (key === 'portfolioOthers') return { kind: 'PortfolioOthers', range, path, params };
  return undefined;
}

function trigger(reader: CstReader, node: CstNode): EscalationTrigger | undefined {
  const at = reader.node(node, 'atTrigger');
  if (at) {
    return {
      kind: 'At',
      range: reader.range(at),
      percent: percentLiteral(reader, reader.token(at, 'Percent')),
      metric: reference(reader, reader.token(at, 'Name'), 'metric'),
    };
  }
  const after = reader.node(node, 'afterTrigger');
  if (after) return { kind: 'After', range: reader.range(after), duration: duration(reader, reader.node(after, 'duration')) };
  return undefined;
}

/** A statement of the block: `level N "who" at P% of Metric | after DURATION`, `clock Calendar`. */
export function escalationStatement(reader: CstReader, key: string, node: CstNode): EscalationStatement | undefined {
  const range = reader.range(node);
  if (key === 'clockStatement') return { kind: 'Clock', range, calendar: reference(reader, reader.token(node, 'Name'), 'calendar') };
  if (key !== 'levelStatement') return undefined;
  return {
    kind: 'Level',
    range,
    level: numberLiteral(reader, reader.token(node, 'Number')),
    who: stringLiteral(reader, reader.token(node, 'StringLike')),
    trigger: trigger(reader, node),
  };
}

/** A statement of the block: `when Metric below P% credit Q%`, `cap Q%`. */
export function creditsStatement(reader: CstReader, key: string, node: CstNode): CreditsStatement | undefined {
  const range = reader.range(node);
  const terms = creditTermsStatement(reader, key, node);
  if (terms) return terms;
  if (key === 'capStatement') return { kind: 'Cap', range, percent: percentLiteral(reader, reader.token(node, 'Percent')) };
  if (key !== 'creditTier') return undefined;
  return {
    kind: 'Tier',
    range,
    metric: reference(reader, reader.token(node, 'Name'), 'metric'),
    below: percentLiteral(reader, reader.token(node, 'below')),
    credit: percentLiteral(reader, reader.token(node, 'credit')),
  };
}

/** The prose items of a block (`responsibilities`, `report`), skipping stray input. */
function texts(reader: CstReader, node: CstNode): Text[] {
  return reader.blockItems(node, ['text']).flatMap(({ node: item }) => text(reader, item) ?? []);
}

/** A statement of the block: `every`, `also ...`, `participants`, `agenda`, `report`, `notify changes by`, `amendments`. */
export function reviewStatement(reader: CstReader, key: string, node: CstNode): ReviewStatement | undefined {
  const range = reader.range(node);
  switch (key) {
    case 'everyStatement':
      return { kind: 'Every', range, duration: duration(reader, reader.node(node, 'duration')) };
    case 'alsoStatement':
      return { kind: reader.token(node, 'kw_request') || reader.token(node, 'kw_on') ? 'AlsoOnRequest' : 'AlsoAfterMajorIncident', range };
    case 'participantsBlock':
      reportStrayInput(reader, node, 'participants');
      return {
        kind: 'Participants',
        range,
        entries: reader.blockItems(node, ['participantEntry']).map(({ node: entry }) => ({
          range: reader.range(entry),
          party: name(reader, reader.token(entry, 'Name')),
          text: text(reader, reader.node(entry, 'text')),
        })),
      };
    case 'agendaBlock':
      reportStrayInput(reader, node, 'agenda');
      return {
        kind: 'Agenda',
        range,
        items: reader.blockItems(node, ['agendaEntry']).map(({ node: entry }) => ({
          range: reader.range(entry),
          title: stringLiteral(reader, reader.token(entry, 'title')),
          text: text(reader, reader.node(entry, 'text')),
        })),
      };
    case 'reportBlock':
      reportStrayInput(reader, node, 'report');
      return { kind: 'Report', range, items: texts(reader, node) };
    case 'notifyStatement':
      return { kind: 'NotifyChanges', range, medium: name(reader, reader.token(node, 'Name')) };
    case 'amendmentsStatement':
      return { kind: 'Amendments', range, value: text(reader, reader.node(node, 'text')) };
  }
  return undefined;
}

export { texts };
