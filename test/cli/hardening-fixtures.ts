import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main.js';

/** A small agreement in `folder`, with `extra` declarations appended (an import, more channels). */
export function agreementText(extra = '', channels = 'channel Email {\n  hours Office\n}\n'): string {
  return `agreement Small {
  title "Small Agreement"
  provider "Provider Ltd"
  client "Client Ltd"
}

calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 09:00-17:00
}

${channels}
severity High {
}

severity Normal {
  default
}

metric Response {
  measures first response
  clock Office
  target High 2 hours
  target 8 hours
  objective 90% monthly
}
${extra}`;
}

export const LOG_HEADER = 'ticket,time,event,severity,channel,status,author,level';

/** A fresh folder for one test's files. */
export function freshFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `slac-hardening-${name}-`));
}

export function write(folder: string, file: string, text: string | Buffer): string {
  const path = join(folder, file);
  writeFileSync(path, text);
  return path;
}

/** Runs the CLI in `cwd` and gathers what it prints. */
export async function slacIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTTY: false, cwd });
  return { code, stdout, stderr };
}
