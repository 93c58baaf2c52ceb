import type { CompletionItem } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import { declarationItem, declarationSnippets, keywordItem, snippetItem, valueItem, type SnippetSurroundings } from './completion-items.js';
import type { ServiceDocument } from './document.js';
import {
  blockContextAt,
  blockDescriptions,
  MEASURE_KINDS,
  PERIOD_KINDS,
  onceOnlyDeclarations,
  statementKeywords,
  type BlockContext,
  type DeclarationSymbol,
} from './language.js';
import { siblingFileItems } from './file-paths.js';
import { holidayCodeItems } from './holiday-code-items.js';
import { holidayEntryBodies } from './holiday-entry-snippets.js';
import { afterKeyword11 } from './completion-v11.js';
import { closingQuote, pauseStatusItems } from './completion-v11-values.js';
import { statementAtEnd } from './statement-at-end.js';
import { insideComment } from './comment-at.js';
import { midStatementItems, OVERRIDABLE_NAMED_KINDS, timeRangeItems, weekdayItems } from './completion-contexts.js';
import { lineOf, withinLine } from './lines.js';
import { timeZoneItems } from './time-zones.js';
import { tokenAt } from './tokens.js';
import { withoutTypedIdentifier } from './typed-word.js';
import { withoutBlockComments } from './block-comments.js';
import { hasObjective, isTicketMetric, metricFitsHere } from './completion-metrics.js';
import { unitItems } from './completion-units.js';
import { awaitsValue } from './completion-unfinished.js';
import { keywordsTheMeasureTakes, measuresTheMetricTakes } from './completion-measure.js';
import { keywordsStillAllowed, topLevelAllows } from './completion-once.js';

/** Typing these opens completion: a space after `clock`, a quote after `timezone`. */
export const completionTriggerCharacters = [' ', '"'];

type DeclarationKind = DeclarationSymbol['kind'];

/**
 * What may be written at the cursor, from where it is: the statements of
 * the current block, declared names after the words that take them
 * (`clock`, `hours`, `target`, `of`, `when`, `client`...), time zones inside
 * `timezone "`, weekdays after `hours`, units after a number, measure kinds,
 * periods after an objective's percentage, and snippets for new
 * declarations.
 */
export function completion(document: ServiceDocument, asked: Position, triggerCharacter?: string): CompletionItem[] {
  const position = withinLine(document.text, asked);
  if (insideComment(document.text, position)) return [];
  const line = lineOf(document.text, position.line);
  const prefix = withoutBlockComments(line.slice(0, position.character));
  const token = tokenAt(document, position);
  if (token?.type === 'textBlock' && !touchesEnd(token, position)) return [];
  const zone = /\btimezone\s+"([^"]*)$/.exec(prefix);
  if (zone) return timeZoneItems(position, zone[1]!.length, line);
  const context = String(blockContextAt(document.parse.document, position) ?? '');
  const quoted = quotedPathOrCode(document, context, position, prefix, line);
  if (quoted) return closingQuote(quoted, position, line);
  if (insideString(prefix)) return [];
  const before = withoutTypedIdentifier(prefix);
  const words = before.split(/[\s{},]+/).filter(Boolean);
  const previous = words[words.length - 1];
  const afterWord =
    previous === undefined
      ? undefined
      : (midStatementItems(document, context, words, before, position, line) ??
        afterKeyword11(document, context, words, position, line) ?? afterKeyword(document, context, position, previous, words[words.length - 2]));
  if (afterWord) return afterWord;
  if (namesNewDeclaration(context, before, previous)) return [];
  const statementStart = /(^|[{}])\s*$/.test(before);
  if (!statementStart && (triggerCharacter === ' ' || awaitsValue(context, words))) return [];
  // Right after part of a value (`hours Fri 09:`, `effective 2026-`, `target 1.`): a keyword accepted there
  // is glued to it (`09:hours`), so a statement is offered only after a space.
  if (!statementStart && !/\s$/.test(before)) return [];
  return statementItems(document, context, position);
}

/** The keywords that begin a declaration whose name the author invents next. */
const declaring = new Set(['agreement', 'calendar', 'channel', 'severity', 'metric', 'param', 'portfolio']);

/**
 * Whether the cursor is where a new declaration is named (`calendar Cal|`,
 * `channel Ho| {`): a name the author invents, so no statement or keyword
 * is offered (accepting one would write `calendar calendar`). The context
 * is the enclosing block or, once `{` follows, the declaration's own.
 */
function namesNewDeclaration(context: string, before: string, previous: string | undefined): boolean {
  if (previous === undefined || !declaring.has(previous)) return false;
  if (context !== 'top' && context !== previous) return false;
  return new RegExp(`(^|[{}])\\s*${previous}\\s+$`).test(before);
}

/** Completions that follow one particular word, or undefined when the word takes nothing special. */
function afterKeyword(document: ServiceDocument, context: string, position: Position, previous: string, beforePrevious?: string): CompletionItem[] | undefined {
  const names = (kind: DeclarationKind, fits: (symbol: DeclarationSymbol) => boolean = () => true) =>
    document.analysis.symbols
      .visibleDeclarations(document.file, kind)
      .filter(fits)
      .map((symbol, i) => declarationItem(document, symbol, i));
  const inCalendar = context === 'calendar' || context === 'holidays';
  switch (previous) {
    case 'clock':
      return names('calendar');
    case 'hours':
      // `4 hours`: the unit of a complete duration, not the `hours` statement.
      if (isAmount(beforePrevious)) break;
      if (context === 'holidays') return timeRangeItems(); // a short day: `2026-12-24 hours 08:00-12:00`
      return inCalendar ? weekdayItems() : names('calendar');
    case 'target':
      return names('severity');
    case 'of':
      return names('metric', metricFitsHere(document, position, lineOf(document.text, position.line), isTicketMetric));
    case 'when':
      if (context === 'credits') return names('metric', metricFitsHere(document, position, lineOf(document.text, position.line), hasObjective));
      return context === 'top' ? [keywordItem('status')] : undefined; // `pause when status`
    case 'client':
    case 'provider':
      return names('param');
    case 'measures':
      return measuresTheMetricTakes(document, position, MEASURE_KINDS).map((kind) => keywordItem(kind, 'measures'));
    case 'business':
      return [keywordItem('days'), keywordItem('day')];
    case 'excluding':
      return [keywordItem('maintenance')];
    case 'also':
      return [keywordItem('on request'), keywordItem('after major incident')];
    case 'notify':
      return [keywordItem('changes by email')];
    case 'pause':
      return [keywordItem('when status')];
    case 'override':
      return overridableKeywords(document, position).map((k) => keywordItem(k));
    case 'responsibilities':
      return [valueItem('Provider'), valueItem('Client')];
  }
  if (context === 'review') {
    // `also on request`, `also after major incident`: the rest of the phrase, not another statement (SLA1012).
    if (beforePrevious === 'also' && previous === 'on') return [keywordItem('request', context)];
    if (beforePrevious === 'also' && previous === 'after') return [keywordItem('major incident', context)];
    if (beforePrevious === 'after' && previous === 'major') return [keywordItem('incident', context)];
  }
  if (context === 'escalation' && previous.endsWith('"') && previous.length > 1) {
    return [keywordItem('at', context), keywordItem('after', context)];
  }
  if (/^\d+(\.\d+)?%$/.test(previous)) {
    if (beforePrevious === 'objective') return (PERIOD_KINDS as readonly string[]).map((p) => keywordItem(p));
    if (beforePrevious === 'at') return [keywordItem('of')];
    if (beforePrevious === 'below') return [keywordItem('credit')];
    return undefined;
  }
  if (isAmount(previous) && beforePrevious !== undefined && takesPercentage.has(beforePrevious)) return []; // `95%` is one word: nothing follows `95 `
  if (isAmount(previous) && beforePrevious !== 'level') return unitItems(document, context, Number(previous), position);
  if (inCalendar && beforePrevious === 'hours' && /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-\w+)?$/.test(previous)) return timeRangeItems();
  const severityAfterTarget = beforePrevious === 'target' && !/^\d/.test(previous);
  if (severityAfterTarget) return [];
  return undefined;
}

/**
 * What `override` may start: the named kinds an import brings one of, and
 * the once-only declarations (`escalation`, `agreement`...) an import
 * brings and the file has not replaced yet. Nothing in a portfolio file.
 */
function overridableKeywords(document: ServiceDocument, position: Position): string[] {
  const allows = topLevelAllows(document, position);
  return [...OVERRIDABLE_NAMED_KINDS, ...onceOnlyDeclarations].filter((keyword) => allows(keyword, true));
}

/** The words a percentage follows (`objective 95%`, `at 50% of`, `below 99.9% credit 5%`, `cap 20%`), never a bare number. */
const takesPercentage = new Set(['objective', 'at', 'below', 'credit', 'cap']);

/** A number as written in a duration or a level: `4`, `1.5`. */
function isAmount(word: string | undefined): boolean {
  return word !== undefined && /^\d+(\.\d+)?$/.test(word);
}

/**
 * Inside the quotes of `holidays "` (country and subdivision codes),
 * `holidays from "` (.ics files beside the file), a portfolio's `uses "` /
 * `use "` and an `import "` (.sla files beside the file), and of `pause
 * when status "` (the statuses the agreement names elsewhere).
 */
function quotedPathOrCode(
  document: ServiceDocument,
  context: string,
  position: Position,
  prefix: string,
  line: string,
): CompletionItem[] | undefined {
  if (context === 'calendar') {
    const code = statementAtEnd(prefix, /(?:^|[{}\s])holidays\s+"([^"]*)$/);
    if (code) return holidayCodeItems(position, code[1]!.length, line);
    const ics = statementAtEnd(prefix, /(?:^|[{}\s])holidays\s+from\s+"([^"]*)$/);
    if (ics) return siblingFileItems(document, 'ics', position, ics[1]!, line);
  }
  const uses = context === 'portfolio' ? /\buses?\s+"([^"]*)$/.exec(prefix) : null;
  if (uses) return siblingFileItems(document, 'uses', position, uses[1]!, line);
  const imported = context === 'top' ? /^\s*import\s+"([^"]*)$/.exec(prefix) : null;
  if (imported) return siblingFileItems(document, 'import', position, imported[1]!, line);
  const inStatusList = /(?:^|[{}\s])pause\s+when\s+status\s+("(?:[^"\\]|\\.)*"\s*,\s*)*"[^"]*$/;
  if ((context === 'top' || context === 'metric') && statementAtEnd(prefix, inStatusList)) return pauseStatusItems(document, position, line, true);
  return undefined;
}

/** Blocks whose entries start with a value, not a keyword: an example entry to tab through (a holiday's: holidayEntryBodies). */
const entrySnippets: Record<string, { label: string; body: string }> = {
  holidays: { label: 'holiday (date and name)', body: '' },
  responsibilities: { label: 'obligation', body: '"${1:What this party undertakes to do.}"' },
  agenda: { label: 'agenda item', body: '"${1:Item title}" "${2:What is discussed.}"' },
  report: { label: 'report line', body: '"${1:What the report contains.}"' },
};

function statementItems(document: ServiceDocument, context: string, position: Position): CompletionItem[] {
  const entry = entrySnippets[context];
  const keywords = (statementKeywords as Record<string, readonly string[]>)[context] ?? [];
  const stillAllowed = context === 'top' ? topLevelKeywords(document, position, keywords) : keywordsStillAllowed(document, context, position, keywords);
  const allowed = new Set(context === 'metric' ? keywordsTheMeasureTakes(document, position, stillAllowed) : stillAllowed);
  const items = keywords.flatMap((keyword, i) => (allowed.has(keyword) ? [keywordItem(keyword, context, String(i).padStart(3, '0'))] : []));
  if (entry) {
    const holiday = context === 'holidays' ? holidayEntryBodies(document, position) : undefined;
    items.unshift(snippetItem(entry.label, blockDescriptions[context as BlockContext]?.entries ?? entry.label, holiday?.dated ?? entry.body));
    if (holiday) items.push(snippetItem('annually (every year)', 'A holiday on the same day every year', holiday.annual));
    return items;
  }
  if (keywords.includes('calendar') && keywords.includes('metric')) {
    // A ready-made block only where its keyword is: no calendar beside a portfolio (SLA3094), no second escalation.
    const snippets = declarationSnippets(snippetSurroundings(document));
    items.push(...snippets.filter((item) => allowed.has(String(item.label).split(' ')[0]!)));
  }
  return items;
}

/**
 * The top-level keywords the file may still take (`topLevelAllows`);
 * `override` only while there is something it may start: in a file that
 * imports nothing, whatever follows it replaces nothing (SLA2005).
 */
function topLevelKeywords(document: ServiceDocument, position: Position, keywords: readonly string[]): readonly string[] {
  const allows = topLevelAllows(document, position);
  const overrides = overridableKeywords(document, position).length > 0;
  return keywords.filter((keyword) => allows(keyword, false) && (keyword !== 'override' || overrides));
}

function snippetSurroundings(document: ServiceDocument): SnippetSurroundings {
  const visible = document.analysis.symbols.visibleDeclarations(document.file);
  const declared = (kind: string) =>
    [...document.analysis.files.values()].some((parse) => (parse.document?.declarations ?? []).some((declaration) => declaration?.kind === kind));
  const ownKinds = new Set((document.parse.document?.declarations ?? []).map((declaration) => declaration?.kind));
  const calendar = visible.find((symbol) => symbol.kind === 'calendar');
  const mayDeclarePortfolio = !ownKinds.has('Portfolio') && !declared('Agreement');
  const siblings = mayDeclarePortfolio ? siblingFileItems(document, 'uses', { line: 0, character: 0 }, '', '') : [];
  return {
    calendarName: calendar?.name ?? 'Calendar',
    metricName: visible.find((symbol) => symbol.kind === 'metric')?.name ?? 'Metric',
    taken: new Set(visible.map((symbol) => symbol.name)),
    hasEscalation: declared('Escalation'),
    hasMaintenance: declared('Maintenance'),
    hasCalendar: calendar !== undefined,
    ...(siblings[0] ? { portfolioPath: String(siblings[0].label) } : {}),
  };
}

/** True when the line prefix ends inside a one-line string. */
function insideString(prefix: string): boolean {
  let inside = false;
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] === '\\' && inside) i++;
    else if (prefix[i] === '"') inside = !inside;
  }
  return inside;
}

function touchesEnd(token: { range: { end: Position } }, position: Position): boolean {
  return token.range.end.line === position.line && token.range.end.character === position.character;
}
