/**
 * SLA5002: the characters of a document that would print as empty boxes in
 * the PDF (glyph-coverage.ts), each told at the first place the agreement
 * gives it: a line of a source file, the declaration of the param whose
 * value holds it, or the country set whose holiday names do. SLA5006: the
 * same for a review pack, whose text also comes from the logs and notes.
 */
import { dirname, resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../language/diagnostics/diagnostic.js';
import type { AgreementModel } from '../language/model/model.js';
import type { Range } from '../language/syntax/range.js';
import { charactersWithoutFont, type FontCoverage } from './glyph-coverage.js';
import { escapeRegExp } from './regexp.js';

export interface GlyphCheck {
  model: AgreementModel;
  /** The agreement's own file, absolute: its sources are relative to its folder. */
  entry: string;
  /** The page the PDF is printed from. */
  html: string;
  /** The params filled in, by name. */
  params: Readonly<Record<string, string>>;
  readSource: (file: string) => string | undefined;
  /** Further files to search after the agreement's sources (a portfolio, whose `with` values fill params). */
  alsoSearch?: string[];
  /** The system fonts' coverage (tests give their own). */
  systemFonts?: () => FontCoverage | null;
  /** SLA5002 for an agreement's document (the default), SLA5006 for a review pack. */
  code?: 'SLA5002' | 'SLA5006';
  /**
   * Where characters that no file searched gives are told (a review pack's
   * ticket ids from a log too large to search): the start of that file, with
   * `origin` in the message. By default, the line of the agreement's
   * holidays (their names are printed in the agreement's document, not in
   * a pack), else the start of the agreement.
   */
  elsewhere?: { file: string; origin: string };
}

// A few scripts by name, for the message only: which characters are missing is fontconfig's answer, not this list's.
const SCRIPTS = [
  'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Thai', 'Lao', 'Khmer', 'Myanmar',
  'Tibetan', 'Mongolian', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam',
  'Sinhala', 'Ethiopic', 'Armenian', 'Georgian', 'Cherokee', 'Canadian_Aboriginal', 'Greek', 'Cyrillic', 'Latin', 'Yi', 'Tifinagh',
  'Nko', 'Javanese', 'Balinese', 'Sundanese',
].map((name) => ({ name: name.replace('_', ' '), pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));
const CJK = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']);
const MAX_SHOWN = 12;

/** `Han`, `emoji`, or the code point (`U+E000`) for a character of no named script. */
function scriptOf(character: string): string {
  const script = SCRIPTS.find(({ pattern }) => pattern.test(character));
  if (script) return script.name;
  if (/^\p{Extended_Pictographic}$/u.test(character)) return 'emoji';
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The Debian packages that cover these scripts (a code point of no named script: the general Noto set). */
function fontPackages(scripts: readonly string[]): string {
  const packages = new Set<string>();
  for (const script of scripts) {
    packages.add(CJK.has(script) ? 'fonts-noto-cjk' : script === 'emoji' ? 'fonts-noto-color-emoji' : 'fonts-noto-core');
  }
  return `on Debian or Ubuntu: apt-get install ${[...packages].join(' ')}`;
}

/** Where a text first holds `character`, as a one-character range; undefined when it does not. */
function rangeOf(text: string, character: string): Range | undefined {
  const index = text.indexOf(character);
  if (index < 0) return undefined;
  const before = text.slice(0, index).split('\n');
  const line = before.length - 1;
  const character0 = before[line]!.length;
  return { start: { line, character: character0 }, end: { line, character: character0 + character.length } };
}

/** The range of the first line matching `pattern`, from its first non-blank character. */
function lineMatching(text: string, pattern: RegExp): Range | undefined {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => pattern.test(candidate));
  if (line < 0) return undefined;
  const start = lines[line]!.search(/\S/);
  // trimEnd drops what /\s+$/ matches, in one pass: the pattern is retried from each blank of a run inside the line (quadratic).
  return { start: { line, character: start }, end: { line, character: lines[line]!.trimEnd().length } };
}

interface Place {
  file: string;
  range: Range;
  origin: string;
}


/** The first place the agreement gives `character` (a fresh range, which the caller may widen). */
function placeOf(character: string, check: GlyphCheck, files: readonly { file: string; text: string }[]): Place {
  for (const { file, text } of files) {
    const range = rangeOf(text, character);
    if (range) return { file, range, origin: '' };
  }
  for (const [name, value] of Object.entries(check.params)) {
    if (!value.includes(character)) continue;
    for (const { file, text } of files) {
      const range = lineMatching(text, new RegExp(`^\\s*param\\s+${escapeRegExp(name)}\\b`));
      if (range) return { file, range, origin: ` in the value given for param ${name}` };
    }
  }
  const start = { line: 0, character: 0 };
  if (check.elsewhere) return { file: check.elsewhere.file, range: { start, end: start }, origin: check.elsewhere.origin };
  for (const { file, text } of files) {
    const range = lineMatching(text, /^\s*holidays\s+"/);
    if (range) return { file, range, origin: ' in the holiday names of the date-holidays data set' };
  }
  return { file: check.entry, range: { start, end: start }, origin: '' };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text a page shows: no style sheet, no tags, entities decoded. The
 * Markdown is not it: a blank is `⟦name⟧` there, but a highlighted box on
 * the page.
 */
export function textOfHtml(html: string): string {
  return html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
      if (decimal ?? hex) return String.fromCodePoint(parseInt((decimal ?? hex)!, decimal ? 10 : 16));
      return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
    });
}

/**
 * One SLA5002 warning for each place that gives characters no font draws;
 * none when every character has a font, or when the system fonts cannot be
 * asked (no fontconfig).
 */
export function missingGlyphDiagnostics(check: GlyphCheck): Diagnostic[] {
  const missing = charactersWithoutFont(textOfHtml(check.html), check.systemFonts);
  if (!missing || missing.length === 0) return [];
  const folder = dirname(check.entry);
  // Each file once: the further files may name the agreement's own again (a review pack searches every input).
  const paths = [...new Set([...check.model.sources.map((source) => resolve(folder, source.path)), ...(check.alsoSearch ?? [])])];
  const files = paths.flatMap((file) => {
    const text = check.readSource(file);
    return text === undefined ? [] : [{ file, text }];
  });
  const byPlace = new Map<string, { place: Place; characters: string[] }>();
  for (const character of missing) {
    const place = placeOf(character, check, files);
    // One warning a line: its range runs from the first of its characters to the last.
    const key = `${place.file}:${place.range.start.line}:${place.origin}`;
    const entry = byPlace.get(key);
    if (!entry) byPlace.set(key, { place, characters: [character] });
    else {
      entry.characters.push(character);
      const range = entry.place.range;
      if (place.range.start.character < range.start.character) range.start = place.range.start;
      if (place.range.end.character > range.end.character) range.end = place.range.end;
    }
  }
  return [...byPlace.values()].map(({ place, characters }) => {
    const scripts = [...new Set(characters.map(scriptOf))];
    const shown = characters.slice(0, MAX_SHOWN).join('');
    const more = characters.length > MAX_SHOWN ? ` and ${characters.length - MAX_SHOWN} more` : '';
    return createDiagnostic(check.code ?? 'SLA5002', place.file, place.range, {
      characters: `${shown}${more}`,
      scripts: scripts.join(', '),
      origin: place.origin,
      fonts: fontPackages(scripts),
    });
  });
}
