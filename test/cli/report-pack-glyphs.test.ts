import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac report --format pdf` of an agreement and a log with characters no
 * installed font covers (SLA5006), through bin/slac.js on the built dist/.
 * `slac compile` warned of them (SLA5002, missing-glyphs.test.ts) but the
 * review pack printed the same names, and ticket ids of the log, as empty
 * boxes without a word. Whether this machine has a Japanese font is asked of
 * fontconfig, as slac asks it: with one, there is no warning.
 */
const fonts = join(repoRoot, 'test', 'cli', 'fixtures', 'fonts');

function fontconfigCovers(codePoint: number): boolean {
  return execFileSync('fc-list', [`:charset=${codePoint.toString(16)}`, 'family'], { encoding: 'utf8' }).trim() !== '';
}

/** A Japanese ticket id (Katakana) that breached its 4-hour response target, and a Latin one that did not. */
function ticketLog(clientColumn?: (ticket: string) => string): string {
  const rows = [
    ['チケット-1', '2026-02-02T09:00:00+09:00', 'created', 'Normal'],
    ['チケット-1', '2026-02-02T16:00:00+09:00', 'reply', '', '', '', 'agent'],
    ['T-2', '2026-02-03T09:00:00+09:00', 'created', 'Normal'],
    ['T-2', '2026-02-03T10:00:00+09:00', 'reply', '', '', '', 'agent'],
  ].map((cells) => {
    const row = [...cells, ...Array<string>(8 - cells.length).fill('')];
    return clientColumn ? [...row, clientColumn(cells[0]!)].join(',') : row.join(',');
  });
  return [clientColumn ? `${LOG_HEADER},client` : LOG_HEADER, ...rows].join('\n') + '\n';
}

const AS_OF = ['--as-of', '2026-03-01T00:00:00Z'];

describe('slac report --format pdf: characters no font covers', () => {
  it('warns at the agreement line and the log line that give them, and still writes the pack', () => {
    const folder = freshFolder('report-pack-glyphs');
    cpSync(join(fonts, 'japanese-client.sla'), join(folder, 'agreement.sla'));
    write(folder, 'tickets.csv', ticketLog());
    const run = runBuiltCli(['report', 'agreement.sla', 'tickets.csv', '--format', 'pdf', '-o', 'pack.pdf', ...AS_OF], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(folder, 'pack.pdf'))).toBe(true);
    const text = execFileSync('pdftotext', [join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' });
    // The pack prints both: the client's name on its cover, the ticket among its major incidents (read back from the
    // PDF only in part where they are boxes).
    expect(text).toMatch(/Between P Ltd \(the Provider\) and \S.* \(the Client\)/);
    expect(text).toContain('-1: Normal, (no channel), created 2026-02-02 09:00');
    if (fontconfigCovers(0x682a)) {
      expect(run.stderr).not.toContain('SLA5006');
      return;
    }
    expect(run.stderr).toContain(
      'agreement.sla:7:11: warning SLA5006: The review pack has no font for 株式会社サンプル (Han, Katakana): they print as empty boxes. Install a font that covers them (on Debian or Ubuntu: apt-get install fonts-noto-cjk) and make the pack again.',
    );
    // サ is the agreement's already; チ, ケ, ッ and ト come from the log's second line.
    expect(run.stderr).toContain('tickets.csv:2:1: warning SLA5006: The review pack has no font for チケット (Katakana)');
    expect(run.stderr.match(/SLA5006/g)).toHaveLength(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it("warns for each client's pack of a portfolio, at the portfolio's `with`, the client's agreement or the log", () => {
    const folder = freshFolder('report-pack-glyphs-portfolio');
    cpSync(fonts, folder, { recursive: true });
    write(folder, 'tickets.csv', ticketLog((ticket) => (ticket === 'T-2' ? 'Sample' : 'Tokyo')));
    const run = runBuiltCli(['report', 'customers.sla', 'tickets.csv', '--format', 'pdf', '-o', 'packs', ...AS_OF], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(folder, 'packs', 'sample-review.pdf'))).toBe(true);
    expect(existsSync(join(folder, 'packs', 'tokyo-review.pdf'))).toBe(true);
    if (fontconfigCovers(0x682a)) {
      expect(run.stderr).not.toContain('SLA5006');
      return;
    }
    // Sample's agreement (standard.sla) is given its client's name by the portfolio's `with ClientName`, as its document
    // is; Tokyo's agreement names its client in Japanese itself, and Tokyo's ticket is Japanese.
    expect(run.stderr).toContain('customers.sla:3:56: warning SLA5006: The review pack has no font for 株式会社サンプル (Han, Katakana)');
    expect(run.stderr).toContain('japanese-client.sla:7:11: warning SLA5006: The review pack has no font for 株式会社サンプル (Han, Katakana)');
    expect(run.stderr).toContain('tickets.csv:2:1: warning SLA5006: The review pack has no font for チケット (Katakana)');
    expect(run.stderr.match(/SLA5006/g)).toHaveLength(3);
    // Each pack's warnings come before the line that says it was written.
    const sample = run.stderr.indexOf('customers.sla:3:56');
    expect(sample).toBeLessThan(run.stderr.indexOf('sample-review.pdf'));
    expect(run.stderr.indexOf('japanese-client.sla:7:11')).toBeGreaterThan(run.stderr.indexOf('sample-review.pdf'));
    expect(run.stderr.lastIndexOf('SLA5006')).toBeLessThan(run.stderr.indexOf('tokyo-review.pdf'));
  }, 120_000);

  it('says nothing of a pack in Latin script', () => {
    const run = runBuiltCli(
      ['report', 'examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv', '--format', 'pdf', '-o', join(freshFolder('report-pack-latin'), 'pack.pdf')],
      repoRoot,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('SLA5006');
    expect(run.stderr).not.toContain('SLA5002');
  }, 120_000);
});
