import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A copy of examples/ in a temp folder, so outputs written next to the source land there. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-compile-'));
  cpSync(join(root, 'examples'), dir, { recursive: true });
  return dir;
}

async function compile(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd };
  const status = await runCli(['compile', ...args], io);
  return { status, stdout, stderr };
}

describe('slac compile', () => {
  it('writes HTML next to the source, named after it, without a browser', async () => {
    const dir = workspace();
    const previous = process.env['PUPPETEER_EXECUTABLE_PATH'];
    process.env['PUPPETEER_EXECUTABLE_PATH'] = '/nonexistent/chromium';
    try {
      const result = await compile(['poologics.sla', '--format', 'html'], dir);
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toBe(`Wrote ${join(dir, 'poologics.html')}\n`);
      expect(readFileSync(join(dir, 'poologics.html'), 'utf8')).toContain('<h1 id="customer-success-service-level-agreement">');
    } finally {
      if (previous === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
      else process.env['PUPPETEER_EXECUTABLE_PATH'] = previous;
    }
  });

  it('writes Markdown to -o with the params filled in', async () => {
    const dir = workspace();
    const out = join(dir, 'out.md');
    const result = await compile(['hosting.sla', '--format', 'md', '-o', out, '--param', 'CustomerName=Contoso AG'], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('**Client:** Contoso AG');
  });

  it('shows warnings and still writes the document', async () => {
    const dir = workspace();
    const source = readFileSync(join(dir, 'poologics.sla'), 'utf8').replace(
      'pause when status "Waiting on customer"',
      'pause when status "Waiting on customer", "waiting on customer "',
    );
    writeFileSync(join(dir, 'warned.sla'), source);
    const result = await compile(['warned.sla', '--format', 'md'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warned\.sla:\d+:\d+: warning SLA3029/);
    expect(existsSync(join(dir, 'warned.md'))).toBe(true);
  });

  it('writes the PDF by default', async () => {
    const dir = workspace();
    const result = await compile(['multilevel/finance.sla'], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'multilevel', 'finance.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses --final while a param is unfilled, naming it, and writes nothing', async () => {
    const dir = workspace();
    const result = await compile(['poologics.sla', '--format', 'html', '--final'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^slac: --final needs every param filled in.*ClientName/);
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(join(dir, 'poologics.html'))).toBe(false);
  });

  it('refuses --final for a PDF too, closing the browser it started', async () => {
    const dir = workspace();
    const result = await compile(['poologics.sla', '--final'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^slac: --final needs every param filled in.*ClientName/);
    expect(existsSync(join(dir, 'poologics.pdf'))).toBe(false);
  });

  it.each([
    [['--param', 'ClientName'], /--param "ClientName" is not NAME=VALUE/],
    [['--param', '=Acme'], /is not NAME=VALUE/],
    [['--param', 'Nope=1'], /no param named Nope\. Its params are: ClientName\./],
    [['--param', 'ClientName=a', '--param', 'ClientName=b'], /--param ClientName is given twice/],
  ])('rejects a bad --param %j', async (args, message) => {
    const result = await compile(['poologics.sla', '--format', 'md', ...args], workspace());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('says so when the output folder does not exist', async () => {
    const dir = workspace();
    const result = await compile(['poologics.sla', '--format', 'md', '-o', join(dir, 'missing', 'x.md')], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`slac: cannot write ${join(dir, 'missing', 'x.md')}: its folder does not exist.\n`);
  });

  it('reports a file without an agreement block as SLA5001', async () => {
    const dir = workspace();
    const result = await compile(['multilevel/corporate.sla', '--format', 'md'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SLA5001');
  });

  it('prints the diagnostics of a broken agreement and exits 2', async () => {
    const dir = workspace();
    const source = readFileSync(join(dir, 'poologics.sla'), 'utf8').replace('America/New_York', 'America/Nowhere');
    writeFileSync(join(dir, 'broken.sla'), source);
    const result = await compile(['broken.sla', '--format', 'md'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/broken\.sla:\d+:\d+: error SLA3001/);
    expect(existsSync(join(dir, 'broken.md'))).toBe(false);
  });

  it('emits the compiled model next to the source', async () => {
    const dir = workspace();
    const result = await compile(['poologics.sla', '--emit', 'model'], dir);
    expect(result.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'poologics.sla.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'slac-model' });
  });

  // Needs dist/evaluator-runtime.mjs, which `npm run build` (run by `npm test`) makes.
  it('emits the evaluator module next to the source', async () => {
    const dir = workspace();
    const result = await compile(['poologics.sla', '--emit', 'evaluator'], dir);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'poologics.evaluator.mjs'))).toBe(true);
  });
});
