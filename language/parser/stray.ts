import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import { Comma, Name, StringLike } from '../lexer/tokens.js';
import { suggestionHint, suggestName } from '../binder/suggest.js';
import { joinRanges } from '../syntax/range.js';
import { blockDescriptions, statementKeywords, type BlockContext } from './grammar-info.js';
import { describeToken, listOfChoices } from './messages.js';
import { isToken, type CstReader } from './cst-reader.js';

/**
 * Reports the stray input of one block: each run of tokens that starts no
 * statement allowed there becomes one diagnostic at its first token. A run
 * right after a statement the parser already reported is left alone, so one
 * mistake gives one diagnostic.
 */
export function reportStrayInput(reader: CstReader, block: CstNode, context: BlockContext): void {
  const header = reader.tokens(block, 'headerStray')[0];
  if (header) reader.report('SLA1010', reader.tokenRange(header), { expected: "'{'", found: describeToken(header), hint: '' });
  const items = reader.childNodes(block);
  // Errors at or after this offset explain the stray input that follows.
  let explainedFrom = reader.span(block)?.start ?? 0;
  let inRun = false;
  for (const [index, item] of items.entries()) {
    if (item.key !== 'stray') {
      inRun = false;
      explainedFrom = item.start;
      continue;
    }
    const token = firstToken(reader, item.node);
    // A stray word at the start of a line is a new mistake, not the tail of the last one.
    const startsLine = token !== undefined && startsItsLine(reader, token);
    if (!inRun || startsLine) {
      const following = () => items.slice(index, index + 3).map((next) => (next.key === 'stray' ? firstToken(reader, next.node) : undefined));
      const explained = reader.hasErrorBetween(explainedFrom, item.start);
      if (!explained && !(context === 'portfolio' && reportParamWithoutWith(reader, following()))) reportStray(reader, token, context);
      explainedFrom = item.start + 1;
    }
    inRun = true;
  }
}

export function startsItsLine(reader: CstReader, token: IToken): boolean {
  const text = reader.lines.text;
  for (let i = token.startOffset - 1; i >= 0; i--) {
    const character = text[i];
    if (character === '\n' || character === '\r') return true;
    if (character !== ' ' && character !== '\t') return false;
  }
  return true;
}

export function firstToken(reader: CstReader, node: CstNode): IToken | undefined {
  let first: IToken | undefined;
  for (const elements of Object.values(node.children)) {
    for (const element of elements) {
      const candidate = isToken(element) ? element : firstToken(reader, element);
      if (reader.isReal(candidate) && (!first || candidate.startOffset < first.startOffset)) first = candidate;
    }
  }
  return first;
}

/**
 * Reports one stray token: SLA1011 for a brace, else SLA1012 naming what the
 * block allows, with the statement keyword a misspelt word most likely meant
 * (`clok` for `clock`) as its hint and quick fix.
 */
export function reportStray(reader: CstReader, token: IToken | undefined, context: BlockContext): void {
  if (!token) return;
  const range = reader.tokenRange(token);
  if (token.image === '{' || token.image === '}') {
    reader.report('SLA1011', range, { found: describeToken(token) });
    return;
  }
  const description = blockDescriptions[context];
  const keywords = statementKeywords[context].map((word) => `'${word}'`);
  const expected = description.entries ? listOfChoices([description.entries]) : listOfChoices(keywords);
  const suggestion = meantKeyword(token, context);
  const args = { found: describeToken(token), context: description.name, expected, hint: suggestionHint(suggestion) };
  reader.report('SLA1012', range, args, suggestion === undefined ? {} : { data: { suggestion } });
}

/**
 * The statement keyword of the block a stray word is one slip from. A
 * keyword of two words is a candidate whole (`atmost` for `at most`) and by
 * its first word (`sol remedy` for `sole remedy`), which is all the quick
 * fix replaces.
 */
function meantKeyword(token: IToken, context: BlockContext): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(token.image)) return undefined;
  const keywords = statementKeywords[context];
  const candidates = [...new Set([...keywords, ...keywords.map((keyword) => keyword.split(' ')[0]!)])];
  return suggestName(token.image, candidates);
}

/**
 * A second param of a portfolio's client line written without its own
 * `with`, as lists are written elsewhere: `with Name "x" Email "y"` or
 * `with Name "x", Email "y"`. The stray tokens (`Email "y"`, `, Email "y"`)
 * follow on the client's line; SLA1025 names the param and the fix rather
 * than the statements a portfolio block allows, which is not what went
 * wrong. Returns whether it reported.
 */
function reportParamWithoutWith(reader: CstReader, stray: (IToken | undefined)[]): boolean {
  const [first, second, third] = stray;
  if (!first || startsItsLine(reader, first)) return false;
  const comma = tokenMatcher(first, Comma);
  const [name, value] = comma ? [second, third] : [first, second];
  if (!name || !value || !isPlainName(name) || !tokenMatcher(value, StringLike)) return false;
  const range = comma ? joinRanges(reader.tokenRange(first), reader.tokenRange(name)) : reader.tokenRange(name);
  if (reader.tokenRange(value).start.line !== range.start.line) return false;
  const found = comma ? `', ${name.image}'` : `'${name.image}' alone`;
  reader.report('SLA1025', range, { name: name.image, found });
  return true;
}

function isPlainName(token: IToken): boolean {
  return tokenMatcher(token, Name) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(token.image);
}
