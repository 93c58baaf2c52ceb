import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PDF bytes written to a fresh temporary file, for the poppler tools. */
export function pdfFile(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slac-pdf-form-')), 'out.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** `pdfinfo` as a record: `Title`, `Author`, `Pages`, `Tagged`… */
export function pdfInfo(file: string): Record<string, string> {
  const output = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  return Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
}

/** The text of each page (`pdftotext -raw -f N -l N`), first page first. */
export function pageTexts(file: string): string[] {
  const pages = Number(pdfInfo(file)['Pages']);
  return Array.from({ length: pages }, (_, index) =>
    execFileSync('pdftotext', ['-raw', '-f', String(index + 1), '-l', String(index + 1), file, '-'], { encoding: 'utf8' }),
  );
}

/** The fonts `pdffonts` lists: name (subset prefix removed) and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', ...rest] = line.trim().split(/\s+/);
      // Columns from the right: emb sub uni object-number generation.
      return { name: name.replace(/^[A-Z]{6}\+/, ''), embedded: rest[rest.length - 5] === 'yes' };
    });
}

/**
 * For each page, whether it shows the DRAFT watermark: at 30 dpi, over 300
 * pixels of its pale red (red above green, green and blue alike). Nothing
 * else in the document has that colour: blanks are yellow, links blue.
 */
export function watermarkedPages(file: string): boolean[] {
  const pages = Number(pdfInfo(file)['Pages']);
  return Array.from({ length: pages }, (_, index) => {
    const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', String(index + 1), '-l', String(index + 1), file]);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
    const pixels = ppm.subarray(header[0].length);
    let pale = 0;
    for (let at = 0; at + 2 < pixels.length; at += 3) {
      const [red, green, blue] = [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!];
      if (red - green > 12 && Math.abs(green - blue) < 8) pale += 1;
    }
    return pale > 300;
  });
}

/**
 * `pdftotext -raw`: the text in the order it is drawn, so that a table
 * cell's wrapped lines stay together (`-layout` interleaves the lines of
 * cells side by side).
 */
export function pdfRawText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-raw', pdfFile(pdf), '-'], { encoding: 'utf8' });
}
