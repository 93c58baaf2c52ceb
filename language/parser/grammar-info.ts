import type { DurationUnit, MeasureKind, PeriodKind, SlaDocument, WeekdayName } from '../syntax/ast.js';
import { comparePositions, rangeContains, type Position, type Range } from '../syntax/range.js';

/**
 * Facts about the grammar that editors need (completion, hover): which
 * statements each block allows and which words fill each slot. The parser's
 * "not a statement allowed here" message uses the same lists.
 */

export type BlockContext =
  | 'top' | 'agreement' | 'calendar' | 'holidays' | 'channel' | 'severity' | 'metric' | 'escalation'
  | 'credits' | 'responsibilities' | 'review' | 'participants' | 'agenda' | 'report' | 'maintenance' | 'portfolio'
  | 'severities' | 'measurement';

/** The first word(s) of each statement allowed in a block. Entry-only blocks list none. */
export const statementKeywords: Record<BlockContext, string[]> = {
  top: ['import', 'override', 'agreement', 'param', 'calendar', 'channel', 'severity', 'pause', 'metric', 'escalation', 'credits', 'responsibilities', 'clause', 'review', 'maintenance', 'portfolio', 'severities', 'measurement', 'term'],
  agreement: ['title', 'version', 'effective', 'provider', 'client', 'contact', 'purpose'],
  calendar: ['timezone', 'hours', 'holidays'],
  holidays: ['annually'],
  channel: ['contact', 'hours', 'matches'],
  severity: ['description', 'default', 'matches'],
  metric: ['title', 'measures', 'clock', 'target', 'objective', 'excluding', 'pause'],
  escalation: ['level', 'clock'],
  credits: ['when', 'cap', 'fee', 'claim', 'sole remedy'],
  responsibilities: [],
  review: ['every', 'also', 'participants', 'agenda', 'report', 'notify', 'amendments'],
  participants: ['Provider', 'Client'],
  agenda: [],
  report: [],
  maintenance: ['window', 'notice', 'at most'],
  portfolio: ['client', 'others'],
  severities: ['assigned by', 'changed by'],
  measurement: ['records'],
};

/** How each block is named in messages, and what its entries look like when they are not keywords. */
export const blockDescriptions: Record<BlockContext, { name: string; entries?: string }> = {
  top: { name: 'the top level of a file' },
  agreement: { name: 'an agreement block' },
  calendar: { name: 'a calendar block' },
  holidays: { name: 'a holidays block', entries: 'a date such as 2026-12-25 or \'annually 12-24\' followed by the holiday\'s name' },
  channel: { name: 'a channel block' },
  severity: { name: 'a severity block' },
  metric: { name: 'a metric block' },
  escalation: { name: 'an escalation block' },
  credits: { name: 'a credits block' },
  responsibilities: { name: 'a responsibilities block', entries: 'an obligation in double quotes' },
  review: { name: 'a review block' },
  participants: { name: 'a participants block', entries: 'Provider or Client followed by a text in double quotes' },
  agenda: { name: 'an agenda block', entries: 'an item title in double quotes followed by its text' },
  report: { name: 'a report block', entries: 'a line of the report in double quotes' },
  maintenance: { name: 'a maintenance block' },
  portfolio: { name: 'a portfolio block' },
  severities: { name: 'a severities block' },
  measurement: { name: 'a measurement block' },
};

export const MEASURE_KINDS: readonly MeasureKind[] = ['first response', 'resolution', 'first estimate', 'update interval', 'next reply', 'uptime'];
export const PERIOD_KINDS: readonly PeriodKind[] = ['weekly', 'monthly', 'quarterly', 'yearly'];
export const DURATION_UNITS: readonly DurationUnit[] = ['minute', 'hour', 'day', 'business day', 'week', 'month'];
export const WEEKDAYS: readonly WeekdayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const declarationContexts: Record<string, BlockContext> = {
  Agreement: 'agreement', Calendar: 'calendar', Channel: 'channel', Severity: 'severity', Metric: 'metric',
  Escalation: 'escalation', Credits: 'credits', Responsibilities: 'responsibilities', Review: 'review',
  Maintenance: 'maintenance', Portfolio: 'portfolio', Severities: 'severities', Measurement: 'measurement',
};

const nestedContexts: Record<string, BlockContext> = {
  Holidays: 'holidays', Participants: 'participants', Agenda: 'agenda', Report: 'report',
};

/** Inside the braces: after the `{`, so a cursor on the declaration line before it is not "inside". */
function insideBraces(range: Range, keywordRange: Range, position: Position): boolean {
  return rangeContains(range, position) && comparePositions(position, keywordRange.end) > 0;
}

/**
 * The innermost block containing a position: `metric` inside `metric X { | }`,
 * `holidays` inside a calendar's holidays, `top` outside every declaration.
 * A position right after a block's `}` is outside it.
 */
export function blockContextAt(document: SlaDocument, position: Position): BlockContext {
  for (const declaration of document.declarations) {
    const context = declarationContexts[declaration.kind];
    if (!context || !insideBraces(declaration.range, declaration.keywordRange, position)) continue;
    if (!declaration.unclosed && isAtClosingEdge(declaration.range, position)) return 'top';
    const statements = 'statements' in declaration ? (declaration.statements as { kind: string; range: Range }[]) : [];
    for (const statement of statements) {
      const nested = nestedContexts[statement.kind];
      if (nested && rangeContains(statement.range, position) && !isAtClosingEdge(statement.range, position)) {
        const keywordEnd = { start: statement.range.start, end: { line: statement.range.start.line, character: statement.range.start.character + 1 } };
        if (insideBraces(statement.range, keywordEnd, position)) return nested;
      }
    }
    return context;
  }
  return 'top';
}

/** True when the position is just after the block's last character (after `}`). */
function isAtClosingEdge(range: Range, position: Position): boolean {
  return comparePositions(position, range.end) === 0;
}
