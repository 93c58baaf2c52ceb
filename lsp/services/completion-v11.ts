import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { PortfolioDeclaration } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { isSlaPath, resolveImport } from '../../language/workspace/paths.js';
import { declarationItem, keywordItem, valueItem } from './completion-items.js';
import type { ServiceDocument } from './document.js';
import { MEASURE_KINDS, PERIOD_KINDS, type DeclarationSymbol } from './language.js';
import { paramValueItem, pauseStatusItems, quotedFileItems } from './completion-v11-values.js';
import { statementAtEnd } from './statement-at-end.js';
import { channelTargetFits, severityTargetFits } from './completion-target-slots.js';
import { unitItems } from './completion-units.js';
import { withoutTypedIdentifier } from './typed-word.js';

/**
 * Completion after the words of language 1.1: `holidays` (a country code,
 * `from` a file, or a block), `annually` (a month-day, then `hours`),
 * `matches` (nothing: the values are the helpdesk's), `measures next`,
 * `target [Severity] via Channel`, a metric's own `pause` (and the statuses
 * in quotes), the statements of `maintenance` and `portfolio` (and the
 * files in quotes after `uses`, a param's value after `with Param`);
 * and of the contract terms: `assigned by` / `changed by` a party, `claim
 * within`, `sole remedy`.
 * Undefined when the words before the cursor are none of these, so that the
 * general rules apply.
 */
export function afterKeyword11(
  document: ServiceDocument,
  context: string,
  words: string[],
  position: Position,
  line: string,
): CompletionItem[] | undefined {
  const previous = words[words.length - 1];
  const beforePrevious = words[words.length - 2];
  const names = (kind: DeclarationSymbol['kind'], fits: (name: string) => boolean = () => true) =>
    document.analysis.symbols
      .visibleDeclarations(document.file, kind)
      .filter((symbol) => fits(symbol.name))
      .map((symbol, i) => declarationItem(document, symbol, i));
  const before = withoutTypedIdentifier(line.slice(0, position.character));
  switch (context) {
    case 'calendar':
      if (previous === 'holidays') return holidaysForms();
      if (previous === 'from' && beforePrevious === 'holidays') return quotedFileItems(document, 'ics', position, line);
      return undefined;
    case 'holidays':
      if (previous === 'annually') return monthDayItems();
      // `annually 12-24 |` and `2026-12-24 |`: a short day's hours, or the name in quotes.
      if (previous && /^(\d{4}-)?\d{2}-\d{2}$/.test(previous) && (beforePrevious === 'annually' || previous.length === 10)) return [keywordItem('hours', 'holidays')];
      return undefined;
    case 'channel':
    case 'severity':
      // `matches "..."`: the helpdesk's own words, which only the author knows.
      return statementAtEnd(before, /(?:^|[{}\s])matches\b/) ? [] : undefined;
    case 'metric':
      if (previous === 'target') {
        const channels = document.analysis.symbols.visibleDeclarations(document.file, 'channel').map((symbol) => symbol.name);
        return [...names('severity', severityTargetFits(document, position, line, channels)), keywordItem('via', 'metric', 'zz')];
      }
      if (previous === 'via') return names('channel', channelTargetFits(document, position, beforePrevious === 'target' ? undefined : beforePrevious));
      if (beforePrevious === 'target' && previous && /^[A-Za-z_]\w*$/.test(previous) && previous !== 'via') return [keywordItem('via', 'metric')];
      if (beforePrevious === 'via') return []; // a duration comes next
      if (previous === 'pause') return [keywordItem('when status', 'pause'), keywordItem('never', 'pause')];
      if (previous === 'when' && beforePrevious === 'pause') return [keywordItem('status')];
      if (beforePrevious === 'measures' && previous) return secondMeasureWords(previous);
      return afterStatusWord(document, before, position, line);
    case 'top':
      return afterStatusWord(document, before, position, line);
    case 'maintenance':
      return afterMaintenanceWord(document, position, words, names);
    case 'portfolio':
      return afterPortfolioWord(document, line, position);
    case 'severities':
      // `assigned by Provider`, `changed by Client`
      if (previous === 'assigned' || previous === 'changed') return [keywordItem('by', 'severities')];
      if (previous === 'by') return [valueItem('Provider'), valueItem('Client')];
      return undefined;
    case 'credits':
      // `claim within 30 days by "..."`, `sole remedy`
      if (previous === 'claim') return [keywordItem('within', 'credits'), keywordItem('by', 'credits')];
      if (previous === 'sole') return [keywordItem('remedy', 'credits')];
      return undefined;
    default:
      return undefined;
  }
}

/** `measures next |`: `reply`; `measures first |`: `response`, `estimate`. */
function secondMeasureWords(first: string): CompletionItem[] | undefined {
  const seconds = (MEASURE_KINDS as readonly string[]).filter((kind) => kind.startsWith(`${first} `)).map((kind) => kind.slice(first.length + 1));
  return seconds.length > 0 ? seconds.map((word) => keywordItem(word, 'metric')) : undefined;
}

/** `pause when status |` and after a comma: the statuses in quotes. */
function afterStatusWord(document: ServiceDocument, before: string, position: Position, line: string): CompletionItem[] | undefined {
  const statusList = /(?:^|[{}\s])pause\s+when\s+status\s+("(?:[^"\\]|\\.)*"\s*,\s*)*$/;
  return statementAtEnd(before, statusList) ? pauseStatusItems(document, position, line, false) : undefined;
}

/** `holidays "CC-SUB"`, `holidays from "file.ics"` or `holidays { ... }`. */
function holidaysForms(): CompletionItem[] {
  const suggest = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return [
    {
      label: '"CC-SUB" (public holidays of a country)',
      kind: CompletionItemKind.Snippet,
      detail: 'The public holidays of a country or subdivision, every year: "DE-BE", "US", "GB-ENG"',
      insertText: '"${1:DE}"',
      insertTextFormat: InsertTextFormat.Snippet,
      command: suggest,
      sortText: '0',
    },
    { ...keywordItem('from', 'holidays', '1'), insertText: 'from "${1:holidays.ics}"', insertTextFormat: InsertTextFormat.Snippet, command: suggest },
    {
      label: '{ ... } (dated and yearly holidays)',
      kind: CompletionItemKind.Snippet,
      detail: 'A block of holidays: dated lines and annually lines',
      insertText: '{\n  ${1:2026-12-25} "${2:Christmas Day}"\n}',
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: '2',
    },
  ];
}

function monthDayItems(): CompletionItem[] {
  const days: [string, string][] = [
    ['12-24', 'Christmas Eve'],
    ['12-25', 'Christmas Day'],
    ['12-26', 'Boxing Day'],
    ['12-31', "New Year's Eve"],
    ['01-01', "New Year's Day"],
    ['05-01', 'May Day'],
  ];
  return days.map(([monthDay, name], i) => valueItem(monthDay, `${name}, every year (MM-DD)`, String(i)));
}

const durationUnit = /^(minutes?|hours?|days?|weeks?)$/;

function afterMaintenanceWord(
  document: ServiceDocument,
  position: Position,
  words: string[],
  names: (kind: DeclarationSymbol['kind']) => CompletionItem[],
): CompletionItem[] | undefined {
  const previous = words[words.length - 1];
  if (previous === 'window') return names('calendar');
  if (previous === 'at') return [keywordItem('most', 'maintenance')];
  if (previous === 'notice' || previous === 'most') return []; // an amount comes next
  if (previous && /^\d+(\.\d+)?$/.test(previous)) return unitItems(document, 'maintenance', Number(previous), position);
  const most = words.lastIndexOf('most');
  if (previous && durationUnit.test(previous) && most >= 0 && most >= words.length - 4) {
    return (PERIOD_KINDS as readonly string[]).map((period) => keywordItem(period));
  }
  return undefined;
}

const quoted = '"(?:[^"\\\\]|\\\\.)*"';
const afterClientNames = new RegExp(`(?:^|[{}\\s])client\\s+${quoted}(?:\\s*,\\s*${quoted})*\\s+$`);
const afterPath = new RegExp(`\\buses?\\s+${quoted}(?:\\s+with\\s+\\w+\\s+${quoted})*\\s+$`);

/** `client "A" uses "a.sla" with Param "value"`, `others use "b.sla"`. */
function afterPortfolioWord(document: ServiceDocument, line: string, position: Position): CompletionItem[] | undefined {
  const before = line.slice(0, position.character);
  const typed = withoutTypedIdentifier(before);
  // A portfolio may be written on one line: its statements may follow `{` or another statement.
  if (statementAtEnd(typed, /(?:^|[{}\s])client\s+$/)) return [];
  if (statementAtEnd(typed, /(?:^|[{}\s])others\s+$/)) return [keywordItem('use', 'portfolio')];
  if (statementAtEnd(typed, afterClientNames)) return [keywordItem('uses', 'portfolio')];
  if (afterPath.test(typed)) return [keywordItem('with', 'portfolio')];
  if (/\bwith\s+$/.test(typed)) return portfolioParamItems(document, position, before);
  if (/\buses?\s+$/.test(typed)) return quotedFileItems(document, 'uses', position, line);
  const param = /\bwith\s+([A-Za-z_]\w*)\s+$/.exec(typed);
  if (param) return [paramValueItem(param[1]!, placeholderOf(document, position, before, param[1]!))];
  // Elsewhere in a client line the author writes names and values only they know.
  return statementAtEnd(typed, /(?:^|[{}\s])(client|others)\b/) ? [] : undefined;
}

/** The placeholder a portfolio line's agreement gives its param, the default for its value. */
function placeholderOf(document: ServiceDocument, position: Position, before: string, name: string): string | undefined {
  const path = /\buses?\s+"([^"]*)"/.exec(before)?.[1] ?? pathOnLine(document, position);
  if (!path || !isSlaPath(path)) return undefined; // a file that is not .sla is never opened (SLA2021)
  const file = resolveImport(document.file, path);
  const param = document.analysisOf(file).symbols.visibleDeclarations(file, 'param').find((p) => p.name === name);
  const node = param?.declaration as { placeholder?: { value: string } } | undefined;
  return node?.placeholder?.value;
}

/**
 * The params of the agreement a portfolio line uses (its own and those it
 * imports), for `with Param "value"`; the ones already given on the line
 * come last.
 */
export function portfolioParamItems(document: ServiceDocument, position: Position, before: string): CompletionItem[] {
  const path = pathOnLine(document, position) ?? /\buses?\s+"([^"]*)"/.exec(before)?.[1];
  if (!path || !isSlaPath(path)) return []; // a file that is not .sla is never opened (SLA2021)
  const file = resolveImport(document.file, path);
  const analysis = document.analysisOf(file);
  if (!analysis.files.has(file)) return [];
  const given = new Set([...before.matchAll(/\bwith\s+(\w+)/g)].map((m) => m[1]));
  return analysis.symbols.visibleDeclarations(file, 'param').map((param, i) => ({
    label: param.name,
    kind: CompletionItemKind.Variable,
    detail: `param of ${path}`,
    sortText: `${given.has(param.name) ? 'z' : 'a'}${String(i).padStart(3, '0')}`,
  }));
}

function pathOnLine(document: ServiceDocument, position: Position): string | undefined {
  for (const declaration of document.parse.document?.declarations ?? []) {
    if (declaration?.kind !== 'Portfolio') continue;
    for (const entry of (declaration as PortfolioDeclaration).entries ?? []) {
      if (entry?.path && entry.range.start.line <= position.line && entry.range.end.line >= position.line) return entry.path.value;
    }
  }
  return undefined;
}
