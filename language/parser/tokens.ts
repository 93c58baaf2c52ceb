import type { IToken, TokenType } from 'chevrotain';
import {
  BlockComment, Comma, Dash, DateToken, keywordTypes, MonthDayToken, LCurly, LineComment, NumberToken, PercentToken, RCurly,
  StringLiteral, TextBlock, TimeToken, UnclosedBlockComment, UnclosedString, UnclosedTextBlock, weekdayTypes,
} from '../lexer/tokens.js';
import type { LineMap } from '../lexer/line-map.js';
import type { Range } from '../syntax/range.js';
import type { TokenRole } from './cst-reader.js';

export type SlaTokenType =
  | 'keyword' | 'name' | 'string' | 'textBlock' | 'number' | 'percent' | 'date' | 'time' | 'weekday' | 'unit'
  | 'comment' | 'punctuation';

/** One token as the editor sees it (semantic highlighting, completion). */
export interface SlaToken {
  type: SlaTokenType;
  text: string;
  range: Range;
  offset: number;
  length: number;
}

const lexicalTypes = new Map<TokenType, SlaTokenType>([
  [LineComment, 'comment'], [BlockComment, 'comment'], [UnclosedBlockComment, 'comment'],
  [StringLiteral, 'string'], [UnclosedString, 'string'], [TextBlock, 'textBlock'], [UnclosedTextBlock, 'textBlock'],
  [NumberToken, 'number'], [PercentToken, 'percent'], [DateToken, 'date'], [MonthDayToken, 'date'], [TimeToken, 'time'],
  [Dash, 'punctuation'], [Comma, 'punctuation'], [LCurly, 'punctuation'], [RCurly, 'punctuation'],
]);

function classify(token: IToken, role: TokenRole | undefined): SlaTokenType {
  const lexical = lexicalTypes.get(token.tokenType);
  if (lexical) return lexical;
  if (role === 'unit') return 'unit';
  if (role === 'name') return 'name';
  if (weekdayTypes.has(token.tokenType)) return 'weekday';
  return keywordTypes.has(token.tokenType) ? 'keyword' : 'name';
}

/** Every token in source order, comments included, typed by the role the parser gave it. */
export function editorTokens(tokens: IToken[], comments: IToken[], roles: ReadonlyMap<number, TokenRole>, lines: LineMap): SlaToken[] {
  return inSourceOrder(tokens, comments).map((token) => ({
    type: classify(token, roles.get(token.startOffset)),
    text: token.image,
    range: lines.rangeAt(token.startOffset, token.image.length),
    offset: token.startOffset,
    length: token.image.length,
  }));
}

/**
 * Merges the lexer's two lists, each already in source order; the same
 * order a stable sort of `[...tokens, ...comments]` by offset gives.
 */
function inSourceOrder(tokens: IToken[], comments: IToken[]): IToken[] {
  if (comments.length === 0) return tokens;
  const merged: IToken[] = [];
  let c = 0;
  for (const token of tokens) {
    while (c < comments.length && comments[c]!.startOffset < token.startOffset) merged.push(comments[c++]!);
    merged.push(token);
  }
  while (c < comments.length) merged.push(comments[c++]!);
  return merged;
}
