/**
 * The line end a formatted text is written with: CRLF when the original's
 * first line ends with CRLF (a Windows checkout, `git config core.autocrlf
 * true`), LF otherwise. A text of mixed endings takes those of its first
 * line, so that formatting settles on one.
 */
export function lineEndingOf(original: string): '\r\n' | '\n' {
  const firstBreak = original.indexOf('\n');
  return firstBreak > 0 && original[firstBreak - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The printer's output (LF line ends between tokens) with the line ends of
 * the text it came from. A block comment or text block keeps its own text,
 * CRs included, so only a LF without its CR gains one: turning every LF
 * into CRLF would give `\r\r\n` inside a CRLF file's comments, one more CR
 * at each run.
 */
export function withLineEndingsOf(original: string, formatted: string): string {
  return lineEndingOf(original) === '\r\n' ? formatted.replace(/\r?\n/g, '\r\n') : formatted;
}
