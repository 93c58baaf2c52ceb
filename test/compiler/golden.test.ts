import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { EXAMPLES, GOLDEN, loadModel } from './helpers.js';

// Regenerate with `SLAC_UPDATE_GOLDEN=1 npx vitest run test/compiler/golden.test.ts`,
// then read the diff (and look at the PDF) before checking the files in.
const UPDATE = process.env['SLAC_UPDATE_GOLDEN'] === '1';

function compareWithGolden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${file} is missing; run with SLAC_UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(EXAMPLES)('$name', ({ name, file }) => {
  const rendered = renderAgreement(loadModel(file));

  test('Markdown matches the reviewed golden file', () => compareWithGolden(`${name}.md`, rendered.markdown));
  test('HTML matches the reviewed golden file', () => compareWithGolden(`${name}.html`, rendered.html));
  test('rendering again gives the same text', () => {
    expect(renderAgreement(loadModel(file)).html).toBe(rendered.html);
  });
});
