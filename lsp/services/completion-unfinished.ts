import { statementKeywords } from './language.js';

/** Statement keywords that are whole statements on their own: after them another statement may follow. */
const standAlone = new Set(['default', 'remedy']);

/**
 * Words inside a statement that are always followed by more of it (`at 50%
 * of`, `after 2 hours`, `below 99%`, `credit 5%`, `claim within`, `changes
 * by`...).
 */
const leadsOn = new Set(['at', 'after', 'of', 'below', 'credit', 'within', 'by', 'every', 'via', 'with', 'uses', 'use', 'from', 'annually', 'most', 'changes', 'status', 'when', 'level']);

/**
 * Whether the words before the cursor end a statement that is not finished
 * (`effective |`, `objective |`, `level |`, `level 1 |`): what comes next is
 * that statement's value, never another statement (accepting one is
 * SLA1010). Statements are still offered after a finished statement on the
 * same line, as in a one-line block.
 */
export function awaitsValue(context: string, words: string[]): boolean {
  const previous = words[words.length - 1];
  if (previous === undefined || standAlone.has(previous)) return false;
  if (leadsOn.has(previous)) return true;
  if (/^\d+(\.\d+)?$/.test(previous) && words[words.length - 2] === 'level') return true; // the level's name in quotes comes next
  const keywords = (statementKeywords as Record<string, readonly string[]>)[context] ?? [];
  return keywords.some((keyword) => keyword.split(' ').includes(previous));
}
