/**
 * Which characters the PDF has no font for (SLA5002), with the system's
 * fonts given by the test: the bundled Latin font's ranges, fontconfig's
 * charsets, and where the agreement gives each character.
 */
import { describe, expect, test } from 'vitest';
import { charactersWithoutFont, coverageOf, parseFontconfigCharsets, type FontCoverage } from '../../compiler/glyph-coverage.js';
import { missingGlyphDiagnostics, textOfHtml } from '../../compiler/glyph-warnings.js';
import { agreement, calendar } from './model-builder.js';

const NO_SYSTEM_FONT: () => FontCoverage = () => () => false;
const ASKING_IS_A_DEFECT = (): FontCoverage => {
  throw new Error('fontconfig asked for text the bundled font covers');
};

describe('fontconfig charsets', () => {
  test('one line per font, hex ranges, merged', () => {
    expect(parseFontconfigCharsets('20-7e a0-17f\n4e00-4e10 4e11-4e20\n\n61 3000-303f\n')).toEqual([
      [0x20, 0x7e],
      [0xa0, 0x17f],
      [0x3000, 0x303f],
      [0x4e00, 0x4e20],
    ]);
    const covers = coverageOf(parseFontconfigCharsets('20-7e 4e00-9fff'));
    expect([0x41, 0x7f, 0x682a, 0xac00].map(covers)).toEqual([true, false, true, false]);
  });
});

describe('characters no font draws', () => {
  test.each<[string, string, (() => FontCoverage | null) | undefined, string[] | undefined]>([
    ['Latin, Latin Extended, quotes, dashes and € need no system font', 'Zoë’s “café” – 5 € — Łódź', ASKING_IS_A_DEFECT, []],
    ['Japanese with no font for it', 'Client: 株式会社サンプル, 株', NO_SYSTEM_FONT, ['株', '式', '会', '社', 'サ', 'ン', 'プ', 'ル']],
    ['Japanese with a font for it', '株式会社', () => coverageOf([[0x3000, 0x9fff]]), []],
    ['only what the font lacks', 'Ελλάδα 東京', () => coverageOf([[0x370, 0x3ff]]), ['東', '京']],
    ['joiners and variation selectors need no glyph', 'a\u200db\ufe0f\u2028', ASKING_IS_A_DEFECT, []],
    ['no fontconfig: nothing can be said', '東京', () => null, undefined],
  ])('%s', (_name, text, system, expected) => expect(charactersWithoutFont(text, system)).toEqual(expected));
});

test('the text of the page: no style sheet or tags, entities decoded, blanks without their markers', () => {
  expect(textOfHtml('<style>p::before { content: "→"; }</style><p>A &amp; B &#10214;x&#x27e7; <span class="blank">Name</span></p>')).toBe(
    '  A & B ⟦x⟧  Name  ',
  );
});

describe('where the agreement gives the characters', () => {
  const entry = '/work/agreement.sla';
  const source = ['agreement A {', '  client Client', '}', 'param Client "[Client]"', 'calendar Office {', '  holidays "TN"', '  note "東京"', '}'].join('\n');
  const check = (html: string, params: Record<string, string> = {}) => checkWith(source, html, params);
  const checkWith = (text: string, html: string, params: Record<string, string> = {}) =>
    missingGlyphDiagnostics({
      model: agreement({ calendars: [calendar('Office', [1, 2, 3, 4, 5], ['09:00-17:00'], { holidaySets: ['TN'] })] }),
      entry,
      html,
      params,
      readSource: (file) => (file === '/work/test.sla' ? text : undefined),
      systemFonts: NO_SYSTEM_FONT,
    }).map((diagnostic) => ({ code: diagnostic.code, file: diagnostic.file, range: diagnostic.range, message: diagnostic.message }));
  const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

  test('a line of a source file, one warning for the line', () => {
    expect(check('<p>東京 and 東</p>')).toEqual([
      {
        code: 'SLA5002',
        file: '/work/test.sla',
        range: at(6, 8, 10),
        message: 'The PDF has no font for 東京 (Han): they print as empty boxes. Install a font that covers them (on Debian or Ubuntu: apt-get install fonts-noto-cjk) and compile again.',
      },
    ]);
  });

  test('a param value given on the command line: the param’s declaration', () => {
    const [warning] = check('<p>Client: Ωμέγα Ltd</p>', { Client: 'Ωμέγα Ltd' });
    // Greek is in no bundled subset; the test's system has no font at all.
    expect(warning).toMatchObject({ code: 'SLA5002', file: '/work/test.sla', range: at(3, 0, 23) });
    expect(warning!.message).toContain('(Greek) in the value given for param Client');
    expect(warning!.message).toContain('apt-get install fonts-noto-core');
  });

  test('a holiday name from the data set: the country set’s line', () => {
    const [warning] = check('<td>عيد الشهداء</td>');
    expect(warning).toMatchObject({ code: 'SLA5002', file: '/work/test.sla', range: at(5, 2, 15) });
    expect(warning!.message).toContain('(Arabic) in the holiday names of the date-holidays data set');
  });

  // The range ends at the line's last non-blank character: blanks, tabs and a `\r` after it are not part of it.
  test.each([
    ['trailing blanks', 'param Client "[Client]"   ', 23],
    ['a trailing tab and CR', 'param Client "[Client]" \t\r', 23],
    ['a comment after blanks', 'param Client "[Client]"  // x', 29],
    ['indented', '  param Client "[Client]"\u00a0', 25],
  ])('a param value: the declaration line with %s', (_name, line, end) => {
    const [warning] = checkWith(source.replace('param Client "[Client]"', line), '<p>Ωμέγα</p>', { Client: 'Ωμέγα' });
    expect(warning!.range.end).toEqual({ line: 3, character: end });
  });

  // The end was found with /\s+$/, which is retried from every blank of a run that does not end the line:
  // 50,000 blanks before a comment took 20 s (quadratic); scanning from the end takes a step a character.
  test(
    'a param declared on a line with 50,000 blanks before its comment',
    () => {
      const line = `param Client "[Client]"${' '.repeat(50_000)}// x`;
      const [warning] = checkWith(source.replace('param Client "[Client]"', line), '<p>Ωμέγα</p>', { Client: 'Ωμέγα' });
      expect(warning!.range).toEqual(at(3, 0, line.length));
    },
    10_000,
  );

  test('every character has a font: no warning', () => {
    expect(check('<p>Zoë’s café</p>')).toEqual([]);
  });

  // A review pack (SLA5006) prints ticket ids of a log too large to search: what no file gives is told at the log's start.
  test('a review pack: its own code, and characters no file gives told where it says', () => {
    const warnings = missingGlyphDiagnostics({
      model: agreement({}),
      entry,
      html: '<p>東京</p><p>チケット-1</p>',
      params: {},
      readSource: (file) => (file === '/work/test.sla' ? source : undefined),
      systemFonts: NO_SYSTEM_FONT,
      code: 'SLA5006',
      elsewhere: { file: '/work/tickets.csv', origin: ' in the tickets' },
    });
    expect(warnings.map((warning) => [warning.code, warning.file, warning.range.start.line])).toEqual([
      ['SLA5006', '/work/test.sla', 6],
      ['SLA5006', '/work/tickets.csv', 0],
    ]);
    expect(warnings[1]!.message).toBe(
      'The review pack has no font for チケット (Katakana) in the tickets: they print as empty boxes. Install a font that covers them (on Debian or Ubuntu: apt-get install fonts-noto-cjk) and make the pack again.',
    );
  });
});
