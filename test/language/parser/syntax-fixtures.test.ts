import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntaxCodes } from '../../../language/diagnostics/codes/syntax.js';
import { parseDocument } from '../../../language/parser/index.js';

/**
 * The parser alone on the `syntax-*.sla` fixtures: each must give exactly
 * the `file:LINE:COL CODE` lines (1-based) of its `.errors.txt` baseline.
 * (test/language/fixtures.test.ts checks the same files through the full analysis.)
 */
const fixturesDir = join(import.meta.dirname, '../fixtures');
const fixtures = readdirSync(fixturesDir).filter((name) => name.startsWith('syntax-') && name.endsWith('.sla')).sort();

function expectedOf(fixture: string): string[] {
  const baseline = readFileSync(join(fixturesDir, fixture.replace(/\.sla$/, '.errors.txt')), 'utf8');
  return baseline.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

describe('syntax fixtures (parser only)', () => {
  it.each(fixtures)('%s', (fixture) => {
    const { diagnostics } = parseDocument(readFileSync(join(fixturesDir, fixture), 'utf8'), fixture);
    const actual = diagnostics.map((d) => `${fixture}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    expect(actual).toEqual(expectedOf(fixture));
  });

  it('has one fixture for every syntax code', () => {
    const produced = new Set(fixtures.flatMap((fixture) => expectedOf(fixture).map((line) => line.split(' ')[1])));
    // A file of more than 100,000 tokens would be a 200 KB fixture: token-limit.test.ts makes its text instead.
    const madeByTests = new Set(['SLA1023']);
    expect(syntaxCodes.map((entry) => entry.code).filter((code) => !produced.has(code) && !madeByTests.has(code))).toEqual([]);
  });
});
