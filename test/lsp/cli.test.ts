import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
