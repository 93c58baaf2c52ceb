import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family the stylesheet asks for first; bundled from the npm package @fontsource/source-serif-4 (SIL OFL). */
export const BODY_FONT_FAMILY = 'Source Serif 4';

/** Fontsource's subsets and their Unicode ranges (from the package's index.css): Latin has ’ “ ” – — and €. */
const SUBSETS = [
  {
    name: 'latin',
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'latin-ext',
    range:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
] as const;

/** `U+0000-00FF` -> [0, 255]; `U+0131` -> [305, 305]. */
function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [first = '0', last = first] = part.replace(/^U\+/i, '').split('-');
    return [parseInt(first, 16), parseInt(last, 16)];
  });
}

const BUNDLED_RANGES = SUBSETS.flatMap((subset) => parseUnicodeRange(subset.range));

/**
 * Whether a code point falls in the ranges of the bundled font's subsets,
 * which Chromium asks that font for (a range's few code points the font
 * lacks fall back to the system fonts, which cover them all in practice).
 */
export function bundledFontCovers(codePoint: number): boolean {
  return BUNDLED_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
] as const;

const cached = new Map<string, string>();

/**
 * `@font-face` rules for the body font with each file inlined as a data:
 * URL: the print page may load nothing from outside (see `compiler/pdf.ts`),
 * and a font read from the package, not the system, makes the same PDF on
 * every machine. Read on first use only, so HTML and Markdown output never
 * touch the font files. `regularOnly` gives the upright regular face alone,
 * for the page footer, which is printed with each page.
 */
export function embeddedFontFaces(regularOnly = false): string {
  const key = String(regularOnly);
  const known = cached.get(key);
  if (known !== undefined) return known;
  const require = createRequire(import.meta.url);
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    for (const face of regularOnly ? FACES.slice(0, 1) : FACES) {
      const file = require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset.name}-${face.weight}-${face.style}.woff2`);
      const data = readFileSync(file).toString('base64');
      rules.push(
        `@font-face { font-family: "${BODY_FONT_FAMILY}"; font-style: ${face.style}; font-weight: ${face.weight}; font-display: block; src: url(data:font/woff2;base64,${data}) format("woff2"); unicode-range: ${subset.range}; }`,
      );
    }
  }
  const faces = rules.join('\n');
  cached.set(key, faces);
  return faces;
}
