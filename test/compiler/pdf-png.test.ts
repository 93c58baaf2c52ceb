import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileAgreementPdf } from '../../compiler/index.js';
import { EXAMPLES, GOLDEN, loadModel } from './helpers.js';
import { pdfFile } from './pdf-tools.js';
import { decodePng, differingPixels } from './png.js';

// The pages of the hosting PDF as grey pictures at 50 dpi, against reviewed
// goldens in golden/png/. Regenerate with
// `SLAC_UPDATE_GOLDEN=1 npx vitest run test/compiler/pdf-png.test.ts`, and
// LOOK at every page before checking them in. The font is bundled, so the
// pages should match to the pixel; the tolerance absorbs anti-aliasing
// differences between Chromium and poppler versions, not layout changes
// (a line that moves changes thousands of pixels).
const UPDATE = process.env['SLAC_UPDATE_GOLDEN'] === '1';
const PNG_GOLDEN = join(GOLDEN, 'png');
/** Share of a page's pixels allowed to differ: a 50 dpi A4 page has 171,000; this is about 850 pixels. */
const TOLERANCE = 0.005;

function renderPages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'slac-png-'));
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-png', pdfFile(pdf), join(dir, 'hosting')]);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.png'))
    .sort()
    .map((name) => join(dir, name));
}

describe('the pages of the hosting PDF', () => {
  test('look as reviewed', async () => {
    const { pdf } = await compileAgreementPdf(loadModel(EXAMPLES[1].file));
    const pages = renderPages(pdf);
    // The decoder reads the PNG as the same pixels pdftoppm writes as PGM.
    const ppm = execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', pdfFile(pdf)]);
    const decoded = decodePng(readFileSync(pages[0]!));
    const header = `P5\n${decoded.width} ${decoded.height}\n255\n`;
    expect(ppm.subarray(0, header.length).toString('latin1')).toBe(header);
    // pdftoppm writes grey PNGs as RGB with three equal channels.
    const grey = decoded.pixels.filter((_, index) => index % decoded.channels === 0);
    expect(Buffer.from(grey).equals(ppm.subarray(header.length))).toBe(true);
    const golden = (index: number): string => join(PNG_GOLDEN, `hosting-${String(index + 1).padStart(2, '0')}.png`);
    if (UPDATE) {
      rmSync(PNG_GOLDEN, { recursive: true, force: true });
      mkdirSync(PNG_GOLDEN, { recursive: true });
      pages.forEach((page, index) => copyFileSync(page, golden(index)));
    }
    const stored = existsSync(PNG_GOLDEN) ? readdirSync(PNG_GOLDEN).filter((name) => name.endsWith('.png')) : [];
    expect(stored.length, 'golden pages missing or a page added or lost; run with SLAC_UPDATE_GOLDEN=1').toBe(pages.length);
    pages.forEach((page, index) => {
      const actual = decodePng(readFileSync(page));
      const expected = decodePng(readFileSync(golden(index)));
      const differing = differingPixels(actual, expected);
      expect(differing, `page ${index + 1} differs in ${differing} pixels`).toBeLessThanOrEqual(TOLERANCE * expected.width * expected.height);
    });
  }, 60_000);
});

describe('the page comparison', () => {
  const white = { width: 4, height: 2, channels: 3, pixels: new Uint8Array(24).fill(255) };

  test('counts pixels that differ past the threshold, and sizes that differ as every pixel', () => {
    const marked = { ...white, pixels: Uint8Array.from(white.pixels) };
    marked.pixels[0] = 0; // pixel 1, red channel
    marked.pixels[5] = 230; // pixel 2, blue channel, within the threshold
    expect(differingPixels(white, white)).toBe(0);
    expect(differingPixels(white, marked)).toBe(1);
    expect(differingPixels(white, { ...white, width: 2, height: 4 })).toBe(8);
  });
});
