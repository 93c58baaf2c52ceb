import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/io.js';
import { runCli } from '../../../cli/main.js';

async function fmt(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd };
  const status = await runCli(['fmt', ...args], io);
  return { status, stdout, stderr };
}

const messy = 'param  Customer   "[Customer]"\ncalendar Office { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 } // staffed\n';
const tidy = 'param Customer "[Customer]"\n\ncalendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 08:00-17:00\n} // staffed\n';
const broken = 'param Customer "[Customer]"\ncalendar Office {\n  hours Mon-Fri 08:00 17:00\n}\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-fmt-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('slac fmt', () => {
  it('rewrites only the files that change and names them', async () => {
    const dir = workspace({ 'messy.sla': messy, 'tidy.sla': tidy });
    const result = await fmt(['messy.sla', 'tidy.sla'], dir);
    expect(result).toEqual({ status: 0, stdout: 'formatted messy.sla\n1 file already formatted\n', stderr: '' });
    expect(readFileSync(join(dir, 'messy.sla'), 'utf8')).toBe(tidy);
    expect(readFileSync(join(dir, 'tidy.sla'), 'utf8')).toBe(tidy);
  });

  it('keeps a byte order mark when it rewrites a file, and does not add one', async () => {
    const dir = workspace({ 'marked.sla': `\uFEFF${messy}`, 'plain.sla': messy });
    const result = await fmt(['marked.sla', 'plain.sla'], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'marked.sla'))).toEqual(Buffer.from(`\uFEFF${tidy}`, 'utf8'));
    expect(readFileSync(join(dir, 'plain.sla'))).toEqual(Buffer.from(tidy, 'utf8'));
    expect((await fmt(['marked.sla'], dir)).stdout).toBe('1 file already formatted\n');
  });

  it('keeps CRLF line endings (a Windows checkout): a formatted CRLF file is formatted, a messy one is rewritten in CRLF', async () => {
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const dir = workspace({ 'tidy.sla': crlf(tidy), 'messy.sla': crlf(messy), 'mixed.sla': `${crlf(tidy).split('\r\n')[0]}\r\n${tidy.split('\n').slice(1).join('\n')}` });
    expect(await fmt(['--check', 'tidy.sla'], dir)).toEqual({ status: 0, stdout: '1 file already formatted\n', stderr: '' });
    expect(await fmt(['messy.sla', 'mixed.sla'], dir)).toEqual({ status: 0, stdout: 'formatted messy.sla\nformatted mixed.sla\n', stderr: '' });
    expect(readFileSync(join(dir, 'messy.sla'), 'utf8')).toBe(crlf(tidy));
    expect(readFileSync(join(dir, 'mixed.sla'), 'utf8')).toBe(crlf(tidy));
  });

  it.each([
    { name: 'a formatted CRLF file with a two-line block comment', text: '/* a\r\n b */\r\n' },
    { name: 'a messy CRLF file with a two-line block comment', text: `/* a\r\n b */\r\n${messy.replace(/\n/g, '\r\n')}` },
  ])('is idempotent on $name: a second run changes nothing, and no line end gains a CR', async ({ text }) => {
    const dir = workspace({ 'commented.sla': text });
    await fmt(['commented.sla'], dir);
    const once = readFileSync(join(dir, 'commented.sla'), 'utf8');
    expect(once).not.toMatch(/\r\r|[^\r]\n/);
    expect(await fmt(['commented.sla'], dir)).toEqual({ status: 0, stdout: '1 file already formatted\n', stderr: '' });
    expect(readFileSync(join(dir, 'commented.sla'), 'utf8')).toBe(once);
    expect(await fmt(['--check', 'commented.sla'], dir)).toEqual({ status: 0, stdout: '1 file already formatted\n', stderr: '' });
  });

  it('--check writes nothing and exits 1 listing the files that would change', async () => {
    const dir = workspace({ 'messy.sla': messy, 'tidy.sla': tidy });
    const result = await fmt(['--check', 'messy.sla', 'tidy.sla'], dir);
    expect(result).toEqual({ status: 1, stdout: 'would reformat messy.sla\n1 file already formatted\n', stderr: '' });
    expect(readFileSync(join(dir, 'messy.sla'), 'utf8')).toBe(messy);
  });

  it('--check exits 0 when every file is formatted', async () => {
    const dir = workspace({ 'tidy.sla': tidy });
    expect((await fmt(['--check', 'tidy.sla'], dir)).status).toBe(0);
  });

  it('leaves a file with syntax errors alone, reports file:line:col and exits 2', async () => {
    const dir = workspace({ 'broken.sla': broken, 'messy.sla': messy });
    const result = await fmt(['broken.sla', 'messy.sla'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("broken.sla:3:23: error SLA1010: Expected '-' but found '17:00'.");
    expect(readFileSync(join(dir, 'broken.sla'), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, 'messy.sla'), 'utf8')).toBe(tidy);
    expect((await fmt(['--check', 'broken.sla'], dir)).status).toBe(2);
  });

  it('reports a missing file clearly, without a stack trace', async () => {
    const dir = workspace({});
    const result = await fmt(['nowhere.sla'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('slac: cannot read nowhere.sla: no such file.\n');
  });
});
