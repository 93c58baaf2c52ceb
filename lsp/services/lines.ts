/**
 * Line ends as the LSP counts them: `\r\n`, `\n` and a bare `\r` (the
 * language's LineMap does the same), so that line numbers the services
 * compute agree with the positions the client sends.
 */
export const lineBreak = /\r\n|\r|\n/;

/** The lines of a text, without their line ends. */
export function splitLines(text: string): string[] {
  return text.split(lineBreak);
}

/** The text of line `line` (0-based), or '' past the end. */
export function lineOf(text: string, line: number): string {
  return text.split(lineBreak, line + 1)[line] ?? '';
}

/**
 * The lines of a text each with its line end (the last has none), as
 * `splitLines` counts them: lines that differ only in their end differ, so
 * that formatting a selection of a text of mixed endings gives it the
 * endings of the whole formatted text.
 */
export function splitLinesWithEnds(text: string): string[] {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(parts[i]! + (parts[i + 1] ?? ''));
  return lines;
}

/**
 * `position` with its character no further than the end of its line: the
 * LSP says a character past the line's length "defaults back to the line
 * length", and an answer's ranges must lie in the line.
 */
export function withinLine(text: string, position: { line: number; character: number }): { line: number; character: number } {
  return { line: position.line, character: Math.min(position.character, lineOf(text, position.line).length) };
}
