import { createToken, Lexer, type TokenType } from 'chevrotain';
import { matchOneLineString } from './string-matcher.js';

/**
 * The token vocabulary of `.sla`. Keywords are reserved only where they would
 * be ambiguous: every keyword also belongs to the `Name` category, so a
 * position that expects a name accepts a keyword-looking word too.
 */

/** Every real token belongs to `Any`; stray-input rules consume it. */
export const Any = createToken({ name: 'Any', pattern: Lexer.NA });
/** Identifiers and keywords: whatever can stand where a name is expected. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
/** A one-line string, closed or not (an unclosed one is reported by the lexer). */
export const StringLike = createToken({ name: 'StringLike', pattern: Lexer.NA });
export const TextBlockLike = createToken({ name: 'TextBlockLike', pattern: Lexer.NA });
export const Weekday = createToken({ name: 'Weekday', pattern: Lexer.NA });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\uFEFF\u00A0]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
export const UnclosedBlockComment = createToken({ name: 'UnclosedBlockComment', pattern: /\/\*[\s\S]*/, group: 'comments', line_breaks: true });

export const TextBlock = createToken({ name: 'TextBlock', pattern: /"""[\s\S]*?"""/, categories: [TextBlockLike, Any], line_breaks: true });
export const UnclosedTextBlock = createToken({ name: 'UnclosedTextBlock', pattern: /"""[\s\S]*/, categories: [TextBlockLike, Any], line_breaks: true });
// One-line strings are matched by a loop, not by the regex they follow,
// `"(?:[^"\\\r\n]|\\[^\r\n])*"`: V8's regex engine recursed once a
// character on it, and a string of 8.4 MB (under the 10 MiB source limit)
// overflowed the stack. The matchers take exactly what that regex took.
/** A one-line string token matched by `matchOneLineString`; `closed`: up to its closing quote, else up to where the line ends. */
function oneLineStringToken(name: string, closed: boolean): TokenType {
  return createToken({
    name,
    pattern: (text: string, offset: number) => matchOneLineString(text, offset, closed),
    start_chars_hint: ['"'],
    line_breaks: false,
    categories: [StringLike, Any],
  });
}
export const StringLiteral = oneLineStringToken('String', true);
/** A string the line or the text ends in: what `"(?:[^"\\\r\n]|\\[^\r\n])*\\?` took (tried after `StringLiteral`). */
export const UnclosedString = oneLineStringToken('UnclosedString', false);

export const DateToken = createToken({ name: 'Date', pattern: /\d{4}-\d{2}-\d{2}(?![\d])/, categories: [Any] });
/** `12-24` after `annually`: a month and a day (tried after dates, before numbers). */
export const MonthDayToken = createToken({ name: 'MonthDay', pattern: /\d{2}-\d{2}(?![\d:-])/, categories: [Any] });
export const TimeToken = createToken({ name: 'Time', pattern: /\d{1,2}:\d{2}(?!\d)/, categories: [Any] });
export const PercentToken = createToken({ name: 'Percent', pattern: /\d+(?:\.\d+)?%/, categories: [Any] });
export const NumberToken = createToken({ name: 'Number', pattern: /\d+(?:\.\d+)?/, categories: [Any] });

export const Dash = createToken({ name: 'Dash', pattern: /-/, categories: [Any] });
export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: [Any] });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, categories: [Any] });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, categories: [Any] });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [Name, Any] });

/** Words that start a top-level declaration. */
export const DECLARATION_WORDS = [
  'import', 'override', 'agreement', 'param', 'calendar', 'channel', 'severity', 'pause',
  'metric', 'escalation', 'credits', 'responsibilities', 'clause', 'review', 'maintenance', 'portfolio',
  // Contract terms (issue 9)
  'severities', 'measurement', 'term',
] as const;

/** Words of statements and phrases inside declarations. */
const STATEMENT_WORDS = [
  'title', 'version', 'effective', 'provider', 'client', 'contact', 'purpose', 'timezone', 'hours', 'holidays',
  'description', 'default', 'when', 'status', 'measures', 'first', 'response', 'resolution', 'estimate',
  'update', 'interval', 'uptime', 'clock', 'target', 'objective', 'monthly', 'quarterly', 'yearly', 'weekly',
  'excluding', 'maintenance', 'level', 'at', 'of', 'after', 'below', 'credit', 'cap', 'every', 'also', 'on',
  'request', 'major', 'incident', 'participants', 'agenda', 'report', 'notify', 'changes', 'by', 'amendments',
  // Language 1.1
  'annually', 'from', 'matches', 'next', 'reply', 'never', 'via', 'window', 'notice', 'most', 'uses', 'use',
  'others', 'with',
  // Contract terms (issue 9)
  'assigned', 'changed', 'fee', 'claim', 'within', 'sole', 'remedy', 'records',
] as const;

/** Words that may follow the number of a duration. */
export const UNIT_WORDS = [
  'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'business', 'week', 'weeks', 'month', 'months',
] as const;

export const WEEKDAY_WORDS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const allKeywordWords = [...new Set<string>([...DECLARATION_WORDS, ...STATEMENT_WORDS, ...UNIT_WORDS])];

/** Keyword token types by their word (`keyword.metric`). */
export const keyword: Record<string, TokenType> = {};
for (const word of allKeywordWords) {
  keyword[word] = createToken({ name: `kw_${word}`, pattern: new RegExp(word), longer_alt: Identifier, categories: [Name, Any] });
}
export const weekday: Record<string, TokenType> = {};
for (const word of WEEKDAY_WORDS) {
  weekday[word] = createToken({ name: `day_${word}`, pattern: new RegExp(word), longer_alt: Identifier, categories: [Weekday, Name, Any] });
}

/** Token types whose word starts a declaration; blocks stop at them when a `}` is missing. */
export const declarationStarters: ReadonlySet<TokenType> = new Set(DECLARATION_WORDS.map((word) => keyword[word]!));
export const unitWords: ReadonlySet<string> = new Set(UNIT_WORDS);
export const keywordTypes: ReadonlySet<TokenType> = new Set(Object.values(keyword));
export const weekdayTypes: ReadonlySet<TokenType> = new Set(Object.values(weekday));

// A longer word must be tried before its prefix ("hours" before "hour"): the
// lexer takes the first pattern that matches, not the longest.
const keywordsLongestFirst = [...allKeywordWords].sort((a, b) => b.length - a.length).map((word) => keyword[word]!);

/** Lexer order: comments and text blocks before strings, dates and times before numbers. */
export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnclosedBlockComment,
  TextBlock, UnclosedTextBlock, StringLiteral, UnclosedString,
  DateToken, MonthDayToken, TimeToken, PercentToken, NumberToken,
  Dash, Comma, LCurly, RCurly,
  ...keywordsLongestFirst, ...Object.values(weekday), Identifier,
  Any, Name, StringLike, TextBlockLike, Weekday,
];
