import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agreementText } from '../cli/hardening-fixtures.js';
import { repoRoot, uriOf } from './harness/cursor.js';
import { StdioSession } from './harness/stdio-session.js';

// A document with a 9 MB string literal overflowed the lexer's stack (V8's
// regex engine recursed once a character on the string token's pattern):
// the server published no diagnostics and answered its features with empty
// results, as if the file were fine. Through `slac lsp --stdio` of the built
// CLI (`npm test` builds first).
let session: StdioSession | undefined;
beforeAll(() => expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true));
afterEach(() => session?.kill());

const uri = uriOf(join(repoRoot, 'examples', 'big-string.sla'));
// A misspelt clock, so that the document has a diagnostic to publish.
const text = agreementText().replace('"Small Agreement"', `"${'s'.repeat(9_500_000)}"`).replace('clock Office', 'clock Ofice');

describe('a document with a 9.5 MB string literal', () => {
  it('gets its diagnostics and its symbols', async () => {
    session = new StdioSession();
    await session.initialize();
    session.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'sla', version: 1, text } } });
    const published = await session.waitFor((m) => m['method'] === 'textDocument/publishDiagnostics' && (m['params'] as { uri: string }).uri === uri, 30_000);
    expect((published['params'] as { diagnostics: unknown[] }).diagnostics).toContainEqual(expect.objectContaining({ code: 'SLA2001' }));
    const symbols = await session.request(2, 'textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols['result']).toContainEqual(expect.objectContaining({ name: 'Small' }));
    expect(session.stderr).toBe('');
  }, 60_000);
});
