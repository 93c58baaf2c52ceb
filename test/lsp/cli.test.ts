import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { startClient, type TestClient } from './harness/client.js';
import { example, rangeOfText, readExample, repoRoot, uriOf } from './harness/cursor.js';

// The other tests run an esbuild bundle of lsp/server/stdio.ts; this one
// runs the published command, `slac lsp --stdio`, from dist/ (`npm test`
// builds first).
describe('slac lsp --stdio', () => {
  let client: TestClient | undefined;
  afterAll(async () => client?.dispose());

  it('serves diagnostics from the built CLI', async () => {
    expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true);
    client = await startClient([join(repoRoot, 'bin', 'slac.js'), 'lsp', '--stdio']);
    expect(client.capabilities.hoverProvider).toBe(true);
    const uri = uriOf(example('letsflo.sla'));
    const text = readExample('letsflo.sla').replace('clock Support\n  target Urgent 1 hour', 'clock Suport\n  target Urgent 1 hour');
    const published = client.diagnostics(uri);
    await client.open(uri, text);
    expect(await published).toContainEqual(expect.objectContaining({ code: 'SLA2001', range: rangeOfText(text, 'Suport') }));
  });
});

describe('slac lsp without --stdio', () => {
  it('explains how editors start it, without a stack trace', async () => {
    const err: string[] = [];
    const status = await runCli(['lsp'], { stdout: () => undefined, stderr: (t) => err.push(t), stderrIsTTY: false, cwd: repoRoot });
    expect(status).toBe(2);
    expect(err.join('')).toBe('slac: slac lsp needs --stdio: editors start it as `slac lsp --stdio`.\n');
  });
});
