/**
 * Values of string and text-block tokens, and the escape problems found while
 * reading them. Positions are offsets into the token's own text.
 */

export interface EscapeProblem {
  /** Offset of the backslash inside the token text. */
  offset: number;
  /** The character after the backslash (empty at the end of the text). */
  character: string;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n' };

/** The value of a `"..."` token (closed or not), with escapes resolved. */
export function stringValue(tokenText: string): { value: string; problems: EscapeProblem[] } {
  const closed = tokenText.length >= 2 && tokenText.endsWith('"') && !endsWithOddBackslashes(tokenText.slice(0, -1));
  const body = tokenText.slice(1, closed ? -1 : undefined);
  const problems: EscapeProblem[] = [];
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const character = body[i]!;
    if (character !== '\\') {
      value += character;
      continue;
    }
    const next = body[i + 1] ?? '';
    const replacement = ESCAPES[next];
    if (replacement === undefined) problems.push({ offset: i + 1, character: next });
    else value += replacement;
    i++;
  }
  return { value, problems };
}

function endsWithOddBackslashes(text: string): boolean {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** Writes a value as a canonical `"..."` string. */
export function quoteString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

/**
 * The prose of a `"""..."""` token (closed or not), cleaned like Python's
 * `inspect.cleandoc`: the first line loses its own indentation, later lines
 * lose their common indentation, blank lines at either end are dropped.
 * Lines holding only spaces count as blank.
 */
export function textBlockValue(tokenText: string): string {
  const closed = tokenText.length >= 6 && tokenText.endsWith('"""');
  const body = tokenText.slice(3, closed ? -3 : undefined);
  return cleanIndentation(body.split(/\r\n|\r|\n/));
}

/**
 * The line without the spaces and tabs that end it. A loop from the end, not
 * `/[ \t]+$/`, which tries the pattern from every blank of a run and took
 * time quadratic in the run's length: a line of 100,000 spaces inside a
 * text block took 10 s to validate, and a megabyte of them hung it.
 */
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}

/** Python's `inspect.cleandoc` on a text block's lines (see `textBlockValue`). */
export function cleanIndentation(rawLines: string[]): string {
  const lines = rawLines.map((line) => (line.trim() === '' ? '' : withoutTrailingBlanks(line)));
  if (lines.length > 0) lines[0] = lines[0]!.trimStart();
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    margin = Math.min(margin, line.length - line.trimStart().length);
  }
  const cleaned = lines.map((line, index) => (index === 0 || margin === Infinity ? line : line.slice(margin)));
  // Indexes, not shift(): a block of 100,000 blank lines would take quadratic time.
  let first = 0;
  let last = cleaned.length;
  while (first < last && cleaned[first] === '') first++;
  while (last > first && cleaned[last - 1] === '') last--;
  return cleaned.slice(first, last).join('\n');
}

/**
 * Control characters a string or text block may not hold raw: C0 but tab,
 * line feed and carriage return, DEL and C1. They are invisible in an editor
 * and would reach the PDF, HTML and Markdown outputs and the terminals that
 * print them (an ESC starts a colour or a cursor move).
 */
const RAW_CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Offset of the first raw control character in a token's text, or -1. */
export function firstControlCharacter(tokenText: string): number {
  return tokenText.search(RAW_CONTROL_CHARACTER);
}

/** A character as `U+001B`, the way messages name a character that cannot be shown. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
