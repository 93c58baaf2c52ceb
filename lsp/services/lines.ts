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
