import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';
import { formatDiagnostic } from '../../cli/print-diagnostics.js';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function validate(args: string[], cwd = root): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd };
  const status = await runCli(['validate', ...args], io);
  return { status, stdout, stderr };
}

function tempFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'slac-validate-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: join(dir, name) };
}

const badZone = `calendar Office {
  timezone "Europe/Berln"
  hours Mon-Fri 08:00-18:00
}
`;

describe('slac validate', () => {
  it('says a clean file has no problems and exits 0', async () => {
    const result = await validate(['examples/hosting.sla']);
    expect(result).toEqual({ status: 0, stdout: 'examples/hosting.sla: no problems\n', stderr: '' });
  });

  it('validates several files, imports included', async () => {
    const result = await validate(['examples/poologics.sla', 'examples/multilevel/finance.sla']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('2 files: no problems\n');
  });

  it('prints file:line:col, the source line and a caret under the range, then a summary', async () => {
    const { dir } = tempFile('office.sla', badZone);
    const result = await validate(['office.sla'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(
      [
        "office.sla:2:12: error SLA3001: Unknown time zone 'Europe/Berln'. Did you mean 'Europe/Berlin'?",
        '  timezone "Europe/Berln"',
        '           ^~~~~~~~~~~~~~',
        '1 error in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('counts warnings and exits 0 when there are only warnings', async () => {
    const text = 'pause when status "Pending",\n  "pending"\n';
    const { dir } = tempFile('pause.sla', text);
    const result = await validate(['pause.sla'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'pause.sla:2:3: warning SLA3029: The pause status "pending" is listed twice.\n  "pending"\n  ^~~~~~~~~\n1 warning in 1 file\n',
    );
  });

  it('points at the first declaration of a duplicate with a note', async () => {
    const text = 'calendar Office { timezone "UTC" hours Mon 08:00-12:00 }\ncalendar Office { timezone "UTC" hours Tue 08:00-12:00 }\n';
    const { dir } = tempFile('twice.sla', text);
    const result = await validate(['twice.sla'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      "twice.sla:2:10: error SLA2002: Calendar 'Office' is declared twice.",
      'calendar Office { timezone "UTC" hours Tue 08:00-12:00 }',
      '         ^~~~~~',
      'twice.sla:1:10: note: First declared here.',
    ]);
  });

  it("reports an imported file's problems under its own name", async () => {
    const { dir } = tempFile('office.sla', badZone);
    writeFileSync(join(dir, 'main.sla'), 'import "office.sla"\n');
    const result = await validate(['--format', 'json', 'main.sla'], dir);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
      'main.sla SLA2008',
      'office.sla SLA3001',
    ]);
  });

  it('prints JSON with 1-based ranges', async () => {
    const { dir } = tempFile('office.sla', badZone);
    const result = await validate(['--format', 'json', 'office.sla'], dir);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'office.sla',
        range: { start: { line: 2, column: 12 }, end: { line: 2, column: 26 } },
        severity: 'error',
        code: 'SLA3001',
        message: "Unknown time zone 'Europe/Berln'. Did you mean 'Europe/Berlin'?",
      },
    ]);
  });

  it('prints an empty JSON array for a clean file', async () => {
    const result = await validate(['--format', 'json', 'examples/letsflo.sla']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('reports a missing file as a diagnostic, not a stack trace', async () => {
    const result = await validate(['no-such-file.sla']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("no-such-file.sla:1:1: error SLA2010: Cannot read the file 'no-such-file.sla': no such file.\n1 error in 1 file\n");
    expect(result.stderr).toBe('');
  });

  it('rejects an unknown format', async () => {
    const result = await validate(['--format', 'xml', 'examples/hosting.sla']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('xml');
  });
});

describe('formatDiagnostic', () => {
  const diagnostic = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Diagnostic => ({
    code: 'SLA3003',
    severity: 'error',
    message: 'Empty.',
    file: '/w/a.sla',
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
  });

  it('keeps tabs of the indentation under the caret', () => {
    expect(formatDiagnostic(diagnostic(0, 2, 0, 5), '/w', ['\t\tabc'])).toBe('a.sla:1:3: error SLA3003: Empty.\n\t\tabc\n\t\t^~~\n');
  });

  it.each([
    ['Japanese, two columns a character', '  client "株式会社サンプル"', 10, 18, `  client "株式会社サンプル"\n          ^${'~'.repeat(15)}`],
    ['after wide characters', '  title "日本" x', 13, 14, `  title "日本" x\n${' '.repeat(15)}^`],
    ['an emoji (two UTF-16 units, two columns)', '  title "🚀" x', 13, 14, `  title "🚀" x\n${' '.repeat(13)}^`],
    ['a combining accent (no column of its own)', '  title "e\u0301" x', 13, 14, `  title "e\u0301" x\n${' '.repeat(12)}^`],
  ])('lines the caret up under %s', (_, line, start, end, excerpt) => {
    expect(formatDiagnostic(diagnostic(0, start, 0, end), '/w', [line])).toBe(`a.sla:1:${start + 1}: error SLA3003: Empty.\n${excerpt}\n`);
  });

  it('underlines to the end of the line for a range over several lines', () => {
    expect(formatDiagnostic(diagnostic(0, 1, 2, 0), '/w', ['abcd', 'e', 'f'])).toBe('a.sla:1:2: error SLA3003: Empty.\nabcd\n ^~~\n');
  });

  it('draws one caret for an empty range, and no excerpt without the source', () => {
    expect(formatDiagnostic(diagnostic(0, 4, 0, 4), '/w', ['abcd'])).toBe('a.sla:1:5: error SLA3003: Empty.\nabcd\n    ^\n');
    expect(formatDiagnostic(diagnostic(0, 0, 0, 1), '/other', undefined)).toBe('/w/a.sla:1:1: error SLA3003: Empty.\n');
  });
});
