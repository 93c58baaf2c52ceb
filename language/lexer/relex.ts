import type { IToken } from 'chevrotain';
import { lexResult, tokenizePart, type LexResult } from './lexer.js';
import type { TextEdit } from './text-edit.js';

/** Characters lexed after an edit before looking for where the old tokens resume (doubled while they do not). */
const FIRST_WINDOW = 512;

/**
 * `tokenize` for a new version of a text lexed before, lexing only around
 * the edit. The lexer has a single mode, so from any offset where a token
 * or comment starts it splits the rest of the text the same way whatever
 * came before. Lexing restarts at the last token that ends (with the one
 * character its pattern may peek at) before the edit, and stops at the
 * first token after the edit that the old text had at the same place in
 * its unchanged tail; the old tokens are kept on both sides (moved after
 * the edit). The result equals `tokenize(text, file)`. Undefined when the
 * texts are equal.
 */
export function retokenize(previous: LexResult, before: string, text: string, file: string, edit: TextEdit): LexResult | undefined {
  if (before === text) return undefined;
  const from = Math.max(restartAt(previous.tokens, edit.start), restartAt(previous.comments, edit.start));
  for (let window = FIRST_WINDOW; ; window *= 2) {
    const to = Math.min(text.length, edit.newEnd + window);
    const part = tokenizePart(text, from, to);
    const resume = to === text.length ? text.length : resumeAt(part, previous, edit, to);
    if (resume === undefined) continue;
    const oldResume = resume - edit.delta;
    const moved = (token: IToken): IToken => (edit.delta === 0 ? token : { ...token, startOffset: token.startOffset + edit.delta });
    const join = (old: IToken[], fresh: IToken[]): IToken[] => [
      ...old.slice(0, firstAtOrAfter(old, from)),
      ...fresh.slice(0, firstAtOrAfter(fresh, resume)),
      ...(resume === text.length ? [] : old.slice(firstAtOrAfter(old, oldResume)).map(moved)),
    ];
    const unreadable = [
      ...previous.unreadable.filter((run) => run.offset < from),
      ...part.unreadable.filter((run) => run.offset < resume),
      ...(resume === text.length ? [] : previous.unreadable.filter((run) => run.offset >= oldResume).map((run) => ({ ...run, offset: run.offset + edit.delta }))),
    ];
    return lexResult(text, file, join(previous.tokens, part.tokens), join(previous.comments, part.comments), unreadable);
  }
}

/** The start of the last of `tokens` that ends, with a character to spare, before `offset`; 0 when there is none. */
function restartAt(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const token = tokens[middle]!;
    if (token.startOffset + token.image.length + 1 < offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : tokens[low - 1]!.startOffset;
}

/** Index of the first token starting at or after `offset`. */
function firstAtOrAfter(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.startOffset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first offset after the edit where a freshly lexed token or comment
 * (whole, and not cut by the window's end) starts where the same token
 * started in the old text: from there on the old tokens hold.
 */
function resumeAt(part: { tokens: IToken[]; comments: IToken[] }, previous: LexResult, edit: TextEdit, to: number): number | undefined {
  const candidates = (fresh: IToken[], old: IToken[]): number | undefined => {
    for (let i = firstAtOrAfter(fresh, edit.newEnd); i < fresh.length; i++) {
      const token = fresh[i]!;
      if (token.startOffset + token.image.length + 1 >= to) return undefined;
      const twin = old[firstAtOrAfter(old, token.startOffset - edit.delta)];
      if (twin && twin.startOffset === token.startOffset - edit.delta && twin.tokenType === token.tokenType && twin.image === token.image) {
        return token.startOffset;
      }
    }
    return undefined;
  };
  const inTokens = candidates(part.tokens, previous.tokens);
  const inComments = candidates(part.comments, previous.comments);
  if (inTokens === undefined) return inComments;
  if (inComments === undefined) return inTokens;
  return Math.min(inTokens, inComments);
}
