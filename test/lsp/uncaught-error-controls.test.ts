import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness/cursor.js';

/**
 * The language server's last-resort handlers printed an uncaught error's
 * stack, or a rejection's reason, raw on stderr: a message quoting a
 * document's text could put ESC ]0; BEL or a line of its own on the
 * terminal that runs the editor. They are now escaped as the CLI's internal
 * errors are. Runs the built server with a preload that throws once the
 * server's handlers are in place.
 */

const server = join(repoRoot, 'dist', 'lsp', 'server', 'stdio.js');
const folder = mkdtempSync(join(tmpdir(), 'slac-lsp-uncaught-'));
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** Stderr of the server after `thrown` (a JavaScript expression) is thrown or rejected outside any handler. */
async function stderrAfter(kind: 'throw' | 'reject', thrown: string): Promise<string> {
  const preload = join(folder, `${kind}.cjs`);
  const act = kind === 'throw' ? `throw ${thrown};` : `Promise.reject(${thrown});`;
  // Waits for stdio.ts to install its handlers (the CLI imports it), then fails once.
  writeFileSync(preload, `const wait = setInterval(() => { if (process.listenerCount('uncaughtException') > 0) { clearInterval(wait); setTimeout(() => { ${act} }, 0); } }, 5);\n`);
  const child = spawn(process.execPath, ['-r', preload, server], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line on stderr within 20 s: ${JSON.stringify(stderr)}`)), 20_000);
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('\n') && stderr.includes('slac lsp: ')) {
        clearTimeout(timer);
        // Give the rest of a stack a moment to arrive.
        setTimeout(resolve, 200);
      }
    });
  });
  child.kill();
  return stderr;
}

describe('the language server escapes an uncaught error', () => {
  it.runIf(existsSync(server))('an uncaught exception: its message and stack', async () => {
    const stderr = await stderrAfter('throw', `new Error('bad \\u001b]0;pwned\\u0007 \\u009b2J\\u2028forged line')`);
    expect(stderr).toContain('slac lsp: Error: bad \\u{1b}]0;pwned\\u{7} \\u{9b}2J\\u{2028}forged line\n');
    expect(stderr).not.toMatch(RAW_CONTROL);
  }, 30_000);

  it.runIf(existsSync(server))('an unhandled rejection with a string', async () => {
    const stderr = await stderrAfter('reject', `'x\\u001b[2J\\ry'`);
    expect(stderr).toBe('slac lsp: x\\u{1b}[2J\\ry\n');
  }, 30_000);
});
