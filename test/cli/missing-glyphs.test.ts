import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * `slac compile --format pdf` of an agreement with characters no installed
 * font covers (SLA5002), through bin/slac.js on the built dist/. Whether
 * this machine has a Japanese font is asked of fontconfig, as slac asks it:
 * without one the warning names the line; with one there is none.
 */
const fixture = join(repoRoot, 'test', 'cli', 'fixtures', 'fonts', 'japanese-client.sla');

function fontconfigCovers(codePoint: number): boolean {
  const families = execFileSync('fc-list', [`:charset=${codePoint.toString(16)}`, 'family'], { encoding: 'utf8' });
  return families.trim() !== '';
}

describe('slac compile --format pdf: characters no font covers', () => {
  it('warns with the file, line and characters, and still writes the PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-glyphs-'));
    cpSync(fixture, join(dir, 'agreement.sla'));
    const result = runBuiltCli(['compile', 'agreement.sla'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'agreement.pdf'))).toBe(true);
    if (fontconfigCovers(0x682a)) {
      expect(result.stderr).not.toContain('SLA5002');
      return;
    }
    expect(result.stderr).toContain(
      'agreement.sla:7:11: warning SLA5002: The PDF has no font for 株式会社サンプル (Han, Katakana): they print as empty boxes. Install a font that covers them (on Debian or Ubuntu: apt-get install fonts-noto-cjk) and compile again.',
    );
    expect(result.stderr.match(/SLA5002/g)).toHaveLength(1);
  });

  it('warns for each document of a portfolio, at the line that gives the name: the portfolio’s `with`, or the agreement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-glyphs-'));
    cpSync(join(repoRoot, 'test', 'cli', 'fixtures', 'fonts'), dir, { recursive: true });
    const result = runBuiltCli(['compile', 'customers.sla', '-o', 'out'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'out'))).toBe(true);
    if (fontconfigCovers(0x682a)) {
      expect(result.stderr).not.toContain('SLA5002');
      return;
    }
    expect(result.stderr).toContain('customers.sla:3:56: warning SLA5002: The PDF has no font for 株式会社サンプル (Han, Katakana)');
    expect(result.stderr).toContain('japanese-client.sla:7:11: warning SLA5002: The PDF has no font for 株式会社サンプル (Han, Katakana)');
  });

  it('says nothing for an agreement in Latin script, and Markdown never asks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-glyphs-'));
    cpSync(join(repoRoot, 'examples'), dir, { recursive: true });
    expect(runBuiltCli(['compile', 'letsflo.sla'], dir).stderr).toBe('');
    cpSync(fixture, join(dir, 'agreement.sla'));
    expect(runBuiltCli(['compile', 'agreement.sla', '--format', 'md'], dir).stderr).toBe('');
  });
});
