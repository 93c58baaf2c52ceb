import { firstBidiControl } from '../../language/checker/bidi-controls.js';
import { calendarTermKey } from '../../language/checker/calendar-terms.js';

/**
 * Letters without a decomposition into an ASCII letter and an accent: a
 * name keeps them as a reader would spell them in ASCII.
 */
const ASCII_SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i',
};

/**
 * Text in ASCII letters where it can be: accents are taken off (`Équipe
 * Montréal` is `Equipe Montreal`), since an identifier of the language is
 * `[A-Za-z_][A-Za-z0-9_]*` (LANGUAGE.md, Lexical) and a name without its
 * accented letters is harder to recognise than one without its accents.
 */
export function transliterate(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\u0000-\u007f]/g, (letter) => ASCII_SPELLINGS[letter] ?? letter);
}

/**
 * A name usable as an identifier, not among `taken`: the text in ASCII
 * (see transliterate) without the characters an identifier cannot hold;
 * `prefix` before a name that starts with a digit, and `empty` (or `prefix`)
 * when nothing is left. `readsAs` says when two names are one (see
 * `calendarIdentifier`); by default when they are spelt alike.
 */
export function identifier(text: string, prefix: string, taken: readonly string[], empty: string = prefix, readsAs: (name: string) => string = (name) => name): string {
  let name = transliterate(text).replace(/[^A-Za-z0-9_]+/g, '');
  if (name === '') name = empty;
  else if (!/^[A-Za-z_]/.test(name)) name = `${prefix}${name}`;
  const takenKeys = new Set(taken.map(readsAs));
  let unique = name;
  for (let n = 2; takenKeys.has(readsAs(unique)); n++) unique = `${name}${n}`;
  return unique;
}

/**
 * `identifier` for a calendar: besides its name, the defined term the
 * document reads from it must be its own (`Office` and `OfficeHours` are
 * both "Office Hours", which `slac validate` refuses: SLA3088), so a
 * schedule named "Office Hours" beside one named "Office" is OfficeHours2.
 */
export function calendarIdentifier(text: string, prefix: string, taken: readonly string[], empty: string = prefix): string {
  return identifier(text, prefix, taken, empty, calendarTermKey);
}

/** Each word with a capital, for names made of a helpdesk value (`web form` is `Web Form`). */
export function capitalize(text: string): string {
  return transliterate(text).replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

/** Line breaks, tabs and other control characters, and the Unicode line separators. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/**
 * Whether a value holds a character a one-line string should not carry raw,
 * or a bidirectional control, which the language refuses in any string
 * (SLA3087: the document would show the text in another order).
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTERS.test(text) || firstBidiControl(text) !== undefined;
}

/**
 * A display name on one line: each run of white space and control
 * characters is one space. A string of the language ends on its line, and a
 * holiday's name broken over two lines is still one name.
 */
export function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}
