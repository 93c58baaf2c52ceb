import type { Range } from '../syntax/range.js';
import { catalogueEntry, type DiagnosticCode } from './catalogue.js';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** Another place that explains a diagnostic ("first declared here"). */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/**
 * One problem found in one file. Every diagnostic carries a stable code from
 * the catalogue; tests assert codes and ranges, never message text.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  message: string;
  /** Absolute path (or URI for unsaved editor buffers) of the file. */
  file: string;
  range: Range;
  related?: RelatedLocation[];
  /**
   * Machine-readable facts for quick fixes, e.g. `{ suggestion: "Office" }`
   * for an unknown name with a close match.
   */
  data?: Record<string, string | number | boolean>;
}

/** Arguments substituted into a catalogue message template (`{name}`). */
export type MessageArgs = Record<string, string | number>;

/** Fills `{key}` placeholders of a template, each as `visibleText`; unknown keys stay visible. */
export function formatMessage(template: string, args: MessageArgs = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? visibleText(String(args[key])) : whole));
}

/**
 * Characters never printed as they are: control characters, the Unicode line
 * separators, and the bidirectional controls (U+061C, U+200E/F, U+202A-E,
 * U+2066-9), which reorder how the rest of a line is shown, so that a
 * ticket id could make a report line read otherwise than it is.
 */
export const UNPRINTABLE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Half of a surrogate pair without its other half: a UTF-16 client can send
 * one in a buffer, but it is no character. Printed raw, a terminal shows
 * U+FFFD and a client decoding JSON into UTF-8 refuses the whole message; a
 * whole pair (an emoji) is left as it is.
 */
export const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const controlCharacterNames: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text of the source quoted in a message, on one line: a line break or
 * another control character (a `"US\n"` holiday code, a term with a tab)
 * is written as an escape (`\n`, `\u{1b}`), so that a message never spans
 * lines nor drives the terminal it is printed on.
 */
export function printableText(text: string): string {
  return text
    .replace(UNPRINTABLE_CHARACTERS, (character) => controlCharacterNames[character] ?? `\\u{${character.charCodeAt(0).toString(16)}}`)
    .replace(LONE_SURROGATES, (half) => `\\u{${half.charCodeAt(0).toString(16)}}`);
}

/**
 * A path (a file or folder the user named) as a message prints it:
 * `printableText`, quoted when blank or when it starts or ends with a
 * blank. `slac fmt ' '` said "cannot read  : no such file.", the name lost
 * among the message's own spaces; it says "cannot read ' ': no such file."
 */
export function printablePath(path: string): string {
  const printable = printableText(path);
  return path.trim() === '' || path.trim() !== path ? `'${printable}'` : printable;
}

/**
 * Blanks other than the ASCII space, and characters that show as nothing:
 * no-break spaces (U+00A0, U+202F), the soft hyphen, the Ogham and
 * Mongolian spaces, U+2000-U+200D (the typographic spaces, the zero-width
 * space and joiners), U+205F-U+2064, the ideographic space, the Hangul
 * fillers and the byte order mark. In a quoted name they read as a space or
 * as nothing, so that "did you mean 'T 1'?" could not be typed back.
 */
const INVISIBLE_CHARACTERS = /[\u00a0\u00ad\u1680\u180e\u2000-\u200d\u202f\u205f-\u2064\u3000\u3164\ufeff\uffa0]/g;

/**
 * A name or value quoted in a message: `printableText`, and the invisible
 * characters above written as their escape (`\u{a0}`) too. Not for source
 * lines nor prose, where a no-break space is typography.
 */
export function visibleText(text: string): string {
  return printableText(text).replace(INVISIBLE_CHARACTERS, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}

/**
 * The first `length` code units of `text`, one fewer when the cut would
 * split a surrogate pair (an emoji, 𝒜): half a pair is no text, a terminal
 * shows it as U+FFFD and a client decoding JSON into UTF-8 refuses the
 * whole message.
 */
export function wholeCharactersUpTo(text: string, length: number): string {
  const cut = text.slice(0, length);
  const last = cut.charCodeAt(cut.length - 1);
  return cut.length < text.length && last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Builds a diagnostic from its catalogue entry, so severity and wording come
 * from one place.
 */
export function createDiagnostic(
  code: DiagnosticCode,
  file: string,
  range: Range,
  args: MessageArgs = {},
  extra: Pick<Diagnostic, 'related' | 'data'> = {},
): Diagnostic {
  const entry = catalogueEntry(code);
  return { code, severity: entry.severity, message: formatMessage(entry.message, args), file, range, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, then code: the order every output uses. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
}
