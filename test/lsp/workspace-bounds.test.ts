import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, uriOf } from './harness/cursor.js';
import { StdioSession } from './harness/stdio-session.js';

// A workspace folder as wide as a checkout with its dependencies and test
// inputs: 3,000 small agreements in 300 folders, agreements inside
// node_modules, .git and a hidden folder, a 1.5 MB generated file and a
// symbolic link back to the root. Opened as a root by `slac lsp --stdio` of
// the built CLI, the server indexed all of it without telling anyone, in
// one blocking walk; now it skips what no author edits, leaves the large
// file out with a warning that names it, and answers a hover on an open
// document while the walk runs.
const folder = mkdtempSync(join(tmpdir(), 'slac-bounds-'));
const agreement = (name: string) => `calendar ${name} {\n  timezone "Europe/London"\n  hours Mon-Fri 09:00-17:30\n}\n`;
const bigFile = join(folder, 'tests', 'generated.sla');

beforeAll(() => {
  expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true);
  for (let i = 0; i < 3_000; i++) {
    mkdirSync(join(folder, `team${Math.floor(i / 10)}`), { recursive: true });
    writeFileSync(join(folder, `team${Math.floor(i / 10)}`, `desk${i}.sla`), agreement(`Desk${i}`));
  }
  for (const skipped of ['node_modules/pkg', '.git/objects', '.hidden']) {
    mkdirSync(join(folder, skipped), { recursive: true });
    writeFileSync(join(folder, skipped, 'skipped.sla'), agreement('SkippedDesk'));
  }
  mkdirSync(join(folder, 'tests'));
  writeFileSync(bigFile, agreement('GeneratedDesk') + `// ${'x'.repeat(1_500_000)}\n`);
  symlinkSync(folder, join(folder, 'team0', 'loop'), 'dir');
});
let session: StdioSession | undefined;
afterEach(() => session?.kill());
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const openUri = uriOf(join(folder, 'open.sla'));
const openText = agreement('OpenDesk');
const isMethod = (method: string) => (message: Record<string, unknown>) => message['method'] === method;
const messageText = (message: Record<string, unknown>) => String((message['params'] as { message: string }).message);

describe('a workspace folder with thousands of agreements', () => {
  it('is indexed within bounds, answering a hover meanwhile and warning of what it left out', async () => {
    session = new StdioSession();
    await session.request(1, 'initialize', { processId: process.pid, rootUri: uriOf(folder), capabilities: {} });
    session.send({ method: 'initialized', params: {} });
    session.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: openUri, languageId: 'sla', version: 1, text: openText } } });
    // Both sent at once: the hover is answered while the walk runs, workspace symbols once it has ended.
    const answers = Promise.all([
      session.request(2, 'textDocument/hover', { textDocument: { uri: openUri }, position: { line: 0, character: 3 } }),
      // Analyses the 3,000 files one at a time, beside their closed-file diagnostics: the whole test took 6.8 s alone on
      // the 2-core VM, and this answer came after the harness's usual 10 s while other files loaded both cores (2026-12-05).
      session.request(3, 'workspace/symbol', { query: 'Desk' }, 40_000),
    ]);
    // A workspace symbol request cancelled while the walk runs is given up at once.
    const cancelled = session.request(4, 'workspace/symbol', { query: 'Des' });
    session.send({ method: '$/cancelRequest', params: { id: 4 } });
    const [hover, symbols] = await answers;
    expect(hover['result']).toMatchObject({ contents: expect.anything() });
    expect((await cancelled)['error']).toMatchObject({ code: -32800 });

    const indexed = await session.waitFor((m) => isMethod('window/logMessage')(m) && /indexed \d+ \.sla files/.test(messageText(m)), 30_000);
    expect(messageText(indexed)).toContain('indexed 3000 .sla files');
    // The hover did not wait for the walk of 300 folders (a folder a turn of the event loop); workspace symbols did.
    expect(session.received.indexOf(hover)).toBeLessThan(session.received.indexOf(indexed));
    expect(session.received.indexOf(symbols)).toBeGreaterThan(session.received.indexOf(indexed));
    expect(session.received.indexOf(await cancelled)).toBeLessThan(session.received.indexOf(indexed));

    const warnings = session.received.filter(isMethod('window/showMessage')).map(messageText);
    expect(warnings).toEqual([expect.stringContaining(`1 .sla file is larger than 1 MiB`)]);
    expect(warnings[0]).toContain(bigFile);

    const uris = (symbols['result'] as { location: { uri: string } }[]).map((s) => s.location.uri);
    // 3,000 indexed files and the open one; nothing from node_modules, .git, hidden folders, the link or the large file.
    expect(uris).toHaveLength(3_001);
    expect(uris.filter((uri) => /node_modules|\.git|\.hidden|loop|generated/.test(uri))).toEqual([]);
    expect(session.stderr).toBe('');
  }, 60_000);
});
