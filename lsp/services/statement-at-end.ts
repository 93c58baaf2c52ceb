/**
 * `pattern`'s match at the end of the line's text before the cursor, when
 * its first word is a word of the statement and not inside a string: a
 * statement may follow another on its line (`... 08:00-17:00 holidays
 * "DE-B|`), but `"our holidays "|` is no `holidays` line.
 */
export function statementAtEnd(prefix: string, pattern: RegExp): RegExpExecArray | undefined {
  const match = pattern.exec(prefix);
  if (!match) return undefined;
  const quotesBefore = prefix.slice(0, match.index).replace(/\\./g, '').split('"').length - 1;
  return quotesBefore % 2 === 0 ? match : undefined;
}
