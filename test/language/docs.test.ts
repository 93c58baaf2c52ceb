import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../language/diagnostics/catalogue.js';

/**
 * docs/language.md lists every language diagnostic (SLA1xxx-SLA3xxx) in a
 * table generated from the catalogue; this test fails when the table is out
 * of date. `UPDATE_DOCS=1 npx vitest run test/language/docs.test.ts` rewrites it.
 */
const docPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'language.md');
const startMarker = /<!-- diagnostics-table:start[^>]*-->\n/;
const endMarker = '<!-- diagnostics-table:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function generatedTable(): string {
  const rows = catalogue
    .filter((entry) => /^SLA[123]/.test(entry.code))
    .map((entry) => `| ${entry.code} | ${entry.severity} | ${cell(entry.message)} | ${cell(entry.explanation)} |`);
  return ['| code | severity | message | meaning |', '|---|---|---|---|', ...rows, ''].join('\n');
}

describe('docs/language.md', () => {
  it('lists every language diagnostic code as the catalogue has it', () => {
    const doc = readFileSync(docPath, 'utf8');
    const start = startMarker.exec(doc);
    const end = doc.indexOf(endMarker);
    expect(start, 'the doc needs its diagnostics-table markers').not.toBeNull();
    const tableStart = start!.index + start![0].length;
    const current = doc.slice(tableStart, end);
    if (process.env['UPDATE_DOCS']) writeFileSync(docPath, doc.slice(0, tableStart) + generatedTable() + doc.slice(end));
    expect(current).toBe(generatedTable());
  });
});
