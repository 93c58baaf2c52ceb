import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../language/diagnostics/catalogue.js';
import { loadAgreementOrPortfolio } from '../../language/workspace/index.js';

/**
 * Diagnostic baselines: every top-level `fixtures/NAME.sla` is analysed and
 * its diagnostics, as `file:LINE:COL CODE` lines (1-based, sorted), must
 * equal `fixtures/NAME.errors.txt`. Files in subfolders are only imported.
 * `UPDATE_BASELINES=1 npx vitest run test/language/fixtures.test.ts`
 * rewrites the baselines; review the diff before keeping it.
 */
const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.sla'))
  .sort();

/** Codes a fixture cannot produce, with the test that covers them instead. */
const coveredElsewhere: Record<string, string> = {
  SLA2010: 'a missing entry file: test/cli/validate.test.ts',
  SLA1023: 'a file of more than 100,000 tokens: test/language/parser/token-limit.test.ts',
};

function baselineOf(fixture: string): string[] {
  // A portfolio fixture shows the diagnostics of every agreement it uses too.
  const loaded = loadAgreementOrPortfolio(join(fixturesDir, fixture));
  return loaded.diagnostics.map((d) => {
    const file = relative(fixturesDir, d.file).split('\\').join('/');
    return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`;
  });
}

function expectedOf(fixture: string): string[] | undefined {
  const path = join(fixturesDir, fixture.replace(/\.sla$/, '.errors.txt'));
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

describe('diagnostic baselines', () => {
  it.each(fixtures)('%s', (fixture) => {
    const actual = baselineOf(fixture);
    // The parser's own syntax-* baselines are written by hand, never regenerated here.
    if (process.env['UPDATE_BASELINES'] && !fixture.startsWith('syntax-')) {
      writeFileSync(join(fixturesDir, fixture.replace(/\.sla$/, '.errors.txt')), actual.map((l) => `${l}\n`).join(''));
    }
    const expected = expectedOf(fixture);
    expect(expected, `${fixture} needs a baseline ${fixture.replace(/\.sla$/, '.errors.txt')}`).toBeDefined();
    expect(actual).toEqual(expected);
  });

  it('has a fixture producing every syntax, name and check code', () => {
    const produced = new Set(fixtures.flatMap((fixture) => (expectedOf(fixture) ?? []).map((line) => line.split(' ')[1])));
    const missing = catalogue
      .map((entry) => entry.code)
      .filter((code) => /^SLA[123]/.test(code) && !produced.has(code) && !(code in coveredElsewhere));
    expect(missing).toEqual([]);
  });
});
