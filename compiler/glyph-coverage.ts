/**
 * Which characters of a document no font can draw in the PDF. Chromium draws
 * a character with the bundled body font when it falls in that font's
 * ranges (render/fonts.ts), otherwise with a system font that fontconfig
 * lists as covering it; a character that neither covers prints as an empty
 * box, with no error. So we ask fontconfig itself, not a list of scripts:
 * one `fc-list` for the charsets of every installed font, and only when the
 * text has a character outside the bundled ranges, so that an agreement in
 * Latin script costs nothing.
 */
import { execFileSync } from 'node:child_process';
import { bundledFontCovers } from './render/fonts.js';

/** Whether some font draws a code point. */
export type FontCoverage = (codePoint: number) => boolean;

/** Characters drawn with no glyph of their own, or not at all: controls, joiners, variation selectors, line separators. */
const NEEDS_NO_GLYPH = /^[\p{Cc}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]$/u;

/**
 * The code point ranges of `fc-list --format '%{charset}\n'` (one line per
 * font, `20-7e a0-1a9 1ab ...` in hex), merged and sorted.
 */
export function parseFontconfigCharsets(output: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const token of output.split(/\s+/)) {
    const match = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(token);
    if (match) ranges.push([parseInt(match[1]!, 16), parseInt(match[2] ?? match[1]!, 16)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** A coverage test over sorted, merged ranges. */
export function coverageOf(ranges: readonly [number, number][]): FontCoverage {
  return (codePoint) => {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = ranges[middle]!;
      if (codePoint < first) high = middle - 1;
      else if (codePoint > last) low = middle + 1;
      else return true;
    }
    return false;
  };
}

let systemCoverage: FontCoverage | null | undefined;

/**
 * What the system's fonts cover, as fontconfig (which Chromium on Linux
 * asks for its fallback fonts) lists them; null when `fc-list` cannot be
 * run (no fontconfig), and then nothing can be said. Asked once a process.
 */
export function systemFontCoverage(): FontCoverage | null {
  if (systemCoverage !== undefined) return systemCoverage;
  try {
    const output = execFileSync('fc-list', ['--format', '%{charset}\\n'], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    systemCoverage = coverageOf(parseFontconfigCharsets(output));
  } catch {
    systemCoverage = null;
  }
  return systemCoverage;
}

/**
 * The characters of `text` that no font draws, each once, in the order they
 * first appear; undefined when the system fonts could not be asked.
 */
export function charactersWithoutFont(text: string, system: () => FontCoverage | null = systemFontCoverage): string[] | undefined {
  const outsideBundled: string[] = [];
  const seen = new Set<number>();
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (seen.has(codePoint)) continue;
    seen.add(codePoint);
    if (!bundledFontCovers(codePoint) && !NEEDS_NO_GLYPH.test(character)) outsideBundled.push(character);
  }
  if (outsideBundled.length === 0) return [];
  const covers = system();
  if (!covers) return undefined;
  return outsideBundled.filter((character) => !covers(character.codePointAt(0)!));
}
