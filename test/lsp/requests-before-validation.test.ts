import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeAgreement } from '../../scripts/large-agreement.mjs';
import { repoRoot } from './harness/cursor.js';
import { StdioSession } from './harness/stdio-session.js';

// On a 5,786-line agreement an edit's validation (analysis, then the
// document SLA5005 is judged on) takes the server's thread for hundreds of
// milliseconds. A completion or hover the editor sent after the edit was
// answered only once that validation had ended and its diagnostics had gone
// out (about half a second), and the diagnostics of a version a newer edit
// had already replaced were still published. Now a request is answered
// before the validation goes on, and a validation overtaken by an edit is
// dropped. Driven over stdio of the built CLI; asserted on the order of the
// messages and on versions, never on time. The 30 ms between an edit and
// what follows lets its validation start (as on a loaded machine, where the
// request comes late); the validation takes ten times that at least.
const text = largeAgreement(5786);
const lines = text.split('\n');
const uri = pathToFileURL(join(repoRoot, 'test', 'lsp', 'large-agreement.sla')).href; // never written: the server reads the buffer
// A metric in the middle of the file: completion after its `clock `, hover on its name, edits of its target's amount.
const metricLine = lines.findIndex((line, i) => i > lines.length / 2 && line.startsWith('metric Fix'));
const targetLine = metricLine + 4;
const amountAt = lines[targetLine]!.search(/\d/);
const completionAt = { textDocument: { uri }, position: { line: metricLine + 3, character: '  clock '.length } };
const hoverAt = { textDocument: { uri }, position: { line: metricLine, character: 'metric F'.length } };

let session: StdioSession;
let version = 1;
let nextId = 1;

/** The target's amount edited (one character), as the next version. */
function edit(): number {
  version += 1;
  session.send({
    method: 'textDocument/didChange',
    params: {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: targetLine, character: amountAt }, end: { line: targetLine, character: amountAt + 1 } }, text: String((version % 8) + 1) }],
    },
  });
  return version;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const isDiagnostics = (message: Record<string, unknown>, of?: number): boolean =>
  message['method'] === 'textDocument/publishDiagnostics' && (of === undefined || (message['params'] as { version?: number }).version === of);
const isAnswer = (id: number) => (message: Record<string, unknown>) => message['id'] === id && !('method' in message);

beforeAll(async () => {
  expect(existsSync(join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js')), 'run npm run build first').toBe(true);
  session = new StdioSession();
  await session.initialize();
  session.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'sla', version, text } } });
  await session.waitFor((message) => isDiagnostics(message, 1), 60_000);
});
afterAll(() => session?.kill());

describe('requests and validation after an edit of a large agreement', () => {
  it.each([
    { when: 'sent with the edit', after: 0 },
    { when: 'sent while the edit is being validated', after: 30 },
  ])('answers a completion and a hover $when before the edit’s diagnostics', async ({ after }) => {
    const edited = edit();
    await pause(after);
    const completion = nextId++;
    const hover = nextId++;
    session.send({ id: completion, method: 'textDocument/completion', params: completionAt });
    session.send({ id: hover, method: 'textDocument/hover', params: hoverAt });
    const diagnostics = await session.waitFor((message) => isDiagnostics(message, edited), 60_000);
    const completed = await session.waitFor(isAnswer(completion), 60_000);
    const hovered = await session.waitFor(isAnswer(hover), 60_000);
    // Answered from the edited text: the calendars after `clock `, the metric under the cursor.
    expect((completed['result'] as unknown[]).length).toBeGreaterThan(100);
    expect(hovered['result']).not.toBeNull();
    const order = (message: Record<string, unknown>): number => session.received.indexOf(message);
    expect(order(completed)).toBeLessThan(order(diagnostics));
    expect(order(hovered)).toBeLessThan(order(diagnostics));
  });

  it('never publishes the diagnostics of a version a newer edit replaced while it was validated', async () => {
    const replaced = edit();
    await pause(30);
    const latest = edit();
    await session.waitFor((message) => isDiagnostics(message, latest), 60_000);
    // A request answered after them: whatever the server had still to write is written.
    const id = nextId++;
    await session.request(id, 'textDocument/hover', hoverAt);
    const published = session.received.filter((message) => isDiagnostics(message)).map((message) => (message['params'] as { version: number }).version);
    expect(published).not.toContain(replaced);
    expect(published.at(-1)).toBe(latest);
  });
});
