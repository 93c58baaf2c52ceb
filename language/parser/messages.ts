import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import {
  Comma, Dash, DateToken, keywordTypes, LCurly, MonthDayToken, Name, NumberToken, PercentToken, RCurly, StringLike,
  TextBlockLike, TimeToken, Weekday, weekdayTypes,
} from '../lexer/tokens.js';
import { wholeCharactersUpTo } from '../diagnostics/diagnostic.js';
import { blockDescriptions, type BlockContext } from './grammar-info.js';

/**
 * Parse errors in words an SLA author understands: "a time such as 08:00",
 * never a token type name. Chevrotain asks this provider for a message; the
 * message is only the "expected" part, the parser adds what was found.
 */

const descriptions = new Map<TokenType, string>([
  [Name, 'a name'],
  [StringLike, 'a text in double quotes'],
  [TextBlockLike, 'a text block in """'],
  [DateToken, 'a date such as 2026-12-25'],
  [MonthDayToken, 'a month and day such as 12-24'],
  [TimeToken, 'a time such as 08:00'],
  [PercentToken, 'a percentage such as 95%'],
  [NumberToken, 'a number'],
  [Weekday, 'a weekday such as Mon'],
  [Dash, "'-'"],
  [Comma, "','"],
  [LCurly, "'{'"],
  [RCurly, "'}' to close the block"],
  [EOF, 'the end of the file'],
]);

/** Where a rule gives a token a more specific meaning. */
const descriptionsInRule: Record<string, Map<TokenType, string>> = {
  duration: new Map([[NumberToken, 'a duration such as 4 hours'], [Name, 'a unit such as hours or business days']]),
  timeRange: new Map([[TimeToken, 'a time range such as 08:00-17:00']]),
  timeRanges: new Map([[TimeToken, 'a time range such as 08:00-17:00']]),
  hoursStatement: new Map([[Weekday, 'weekdays such as Mon-Fri']]),
  levelStatement: new Map([[NumberToken, 'a level number such as 1'], [StringLike, 'who the ticket goes to, in double quotes']]),
  importDeclaration: new Map([[StringLike, 'a file path in double quotes such as "corporate.sla"']]),
  timezoneStatement: new Map([[StringLike, 'a time zone in double quotes such as "Europe/Berlin"']]),
  holidayEntry: new Map([[StringLike, 'the name of the holiday in double quotes']]),
  holidaysBlock: new Map([[StringLike, 'a country code such as "DE-BE"']]),
  matchesStatement: new Map([[StringLike, 'a value of the helpdesk in double quotes']]),
  windowStatement: new Map([[Name, 'the name of a calendar']]),
  portfolioDeclaration: new Map([[Name, 'a name for the portfolio']]),
  portfolioClient: new Map([[StringLike, 'a client name or an agreement file in double quotes']]),
  portfolioOthers: new Map([[StringLike, 'an agreement file in double quotes such as "standard.sla"']]),
  portfolioParam: new Map([[Name, 'the name of a param of the agreement'], [StringLike, 'its value in double quotes']]),
  clockStatement: new Map([[Name, 'the name of a calendar']]),
  channelHoursStatement: new Map([[Name, 'the name of a calendar']]),
  atTrigger: new Map([[Name, 'the name of a metric']]),
  creditTier: new Map([[Name, 'the name of a metric']]),
  clauseDeclaration: new Map([[StringLike, 'the title of the clause in double quotes']]),
  agreementDeclaration: new Map([[Name, 'a name for the agreement']]),
  paramDeclaration: new Map([[Name, 'a name for the parameter'], [StringLike, 'a placeholder in double quotes']]),
  calendarDeclaration: new Map([[Name, 'a name for the calendar']]),
  channelDeclaration: new Map([[Name, 'a name for the channel']]),
  severityDeclaration: new Map([[Name, 'a name for the severity']]),
  metricDeclaration: new Map([[Name, 'a name for the metric']]),
  responsibilitiesDeclaration: new Map([[Name, 'Provider or Client']]),
  partyStatement: new Map([[Name, 'the name of a param']]),
  notifyStatement: new Map([[Name, 'how changes are notified, such as email']]),
  participantEntry: new Map([[Name, 'Provider or Client']]),
};

/**
 * Where a rule expects one kind of token in two places with two meanings,
 * the word before the place tells which: `holidays from "x.ics"` is a file,
 * `holidays "DE-BE"` a country code.
 */
const descriptionsAfterWord: Record<string, Map<TokenType, Record<string, string>>> = {
  holidaysBlock: new Map([[StringLike, { from: 'an iCalendar file in double quotes such as "company-days.ics"' }]]),
  portfolioClient: new Map([[StringLike, {
    client: 'a client name in double quotes',
    ',': 'a client name in double quotes',
    uses: 'an agreement file in double quotes such as "standard.sla"',
  }]]),
};

/**
 * `'}' to close the agreement block`: the closing brace is missed where the
 * next declaration starts, often lines below the `{`, so the message names
 * the block left open (the rule is `agreementDeclaration`, `holidaysBlock`...).
 */
function closingBrace(ruleName: string): string | undefined {
  const context = ruleName.replace(/(Declaration|Block)$/, '');
  const block = Object.hasOwn(blockDescriptions, context) ? blockDescriptions[context as BlockContext] : undefined;
  return block && `'}' to close ${block.name.replace(/^an? /, 'the ')}`;
}

function describeExpected(tokenType: TokenType, ruleName: string, previous: IToken | undefined): string {
  if (tokenType === RCurly) return closingBrace(ruleName) ?? describeTokenType(tokenType, ruleName);
  const afterWord = previous && descriptionsAfterWord[ruleName]?.get(tokenType)?.[previous.image];
  return afterWord ?? describeTokenType(tokenType, ruleName);
}

export function describeTokenType(tokenType: TokenType, ruleName = ''): string {
  const specific = descriptionsInRule[ruleName]?.get(tokenType);
  if (specific) return specific;
  if (keywordTypes.has(tokenType) || weekdayTypes.has(tokenType)) return `'${String(tokenType.PATTERN).replace(/^\/|\/$/g, '')}'`;
  return descriptions.get(tokenType) ?? tokenType.name;
}

/** What was found, for a message: `'Fri'`, or "the end of the file". */
export function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return 'the end of the file';
  if (token.tokenType.CATEGORIES?.includes(TextBlockLike)) return 'a text block';
  const firstLine = token.image.split(/\r\n|\r|\n/)[0] ?? '';
  const shown = firstLine.length > 30 ? `${wholeCharactersUpTo(firstLine, 27)}...` : firstLine;
  // A string already shows its own quotes.
  return token.tokenType.CATEGORIES?.includes(StringLike) ? shown : `'${shown}'`;
}

function describePath(path: TokenType[], ruleName: string, previous?: IToken): string {
  if (path.length === 0) return 'nothing';
  const allWords = path.every((tokenType) => keywordTypes.has(tokenType));
  if (allWords) return `'${path.map((tokenType) => describeTokenType(tokenType).slice(1, -1)).join(' ')}'`;
  return describeExpected(path[0]!, ruleName, previous);
}

/** "a, b or c" */
export function listOfChoices(choices: string[]): string {
  const unique = [...new Set(choices)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Choices whose first word alone would read oddly ("'on' or 'after'"), by rule and number of alternatives. */
const choicesInRule: Record<string, { alternatives: number; description: string }> = {
  measuresStatement: { alternatives: 5, description: 'a measure: first response, first estimate, resolution, update interval, next reply or uptime' },
  metricPauseStatement: { alternatives: 2, description: "'when status \"...\"' or 'never'" },
  holidaysBlock: { alternatives: 3, description: '\'{\', a country code such as "DE-BE" or \'from "file.ics"\'' },
  alsoStatement: { alternatives: 2, description: "'on request' or 'after major incident'" },
  levelStatement: { alternatives: 2, description: "'at 50% of Metric' or 'after 4 hours'" },
  // Its second alternative only reads an unquoted name to say how to quote it (SLA1026): never what to write.
  termDeclaration: { alternatives: 2, description: 'the term\'s name in double quotes such as "Business Hours"' },
};

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, previous, ruleName }) => describeExpected(expected, ruleName, previous),
  buildNotAllInputParsedMessage: () => 'the end of the file',
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) => {
    const specific = choicesInRule[ruleName];
    if (specific && specific.alternatives === expectedPathsPerAlt.length) return specific.description;
    return listOfChoices(expectedPathsPerAlt.flatMap((paths) => paths.map((path) => describePath(path, ruleName))));
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, previous, ruleName }) =>
    listOfChoices(expectedIterationPaths.map((path) => describePath(path, ruleName, previous))),
};
