import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CliIo } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';
import { serializeModel } from '../../runtime/model-io.js';
import { supportModel } from '../runtime/check/fixture-model.js';

/** The bad (and tricky but good) inputs of errors.test.ts, in a fresh folder. */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const folder = mkdtempSync(join(tmpdir(), 'slac-cli-errors-'));
export const at = (name: string): string => join(folder, name);

copyFileSync(join(root, 'examples/poologics.sla'), at('poologics.sla'));
copyFileSync(join(root, 'examples/logs/poologics.tickets.csv'), at('tickets.csv'));
const poologics = readFileSync(at('poologics.sla'), 'utf8');
mkdirSync(at('folder.sla'));
mkdirSync(at('folder.csv'));
mkdirSync(at('with space'));
writeFileSync(at('with space/my agreement.sla'), poologics);
writeFileSync(at('empty.sla'), '');
writeFileSync(at('picture.sla'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
writeFileSync(at('latin1.sla'), Buffer.concat([Buffer.from('// Cr'), Buffer.from([0xe9]), Buffer.from('dit\n')]));
writeFileSync(at('imports-picture.sla'), 'import "picture.sla"\n');
writeFileSync(at('imports-folder.sla'), 'import "folder.sla"\n');
writeFileSync(at('imports-nothing.sla'), 'import "nowhere.sla"\n');
writeFileSync(at('unicode.sla'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('param Who "x"\n', 'utf16le')]));
writeFileSync(at('bom.sla'), `\uFEFF${poologics}`);
writeFileSync(at('crlf.sla'), poologics.replace(/\n/g, '\r\n'));
writeFileSync(at('agreement.txt'), poologics);
writeFileSync(at('broken.sla'), 'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-\n}\n');
writeFileSync(at('messy.sla'), 'param   Who   "x"\n');
writeFileSync(at('tidy.sla'), 'param Who "x"\n');
const HEADER = 'ticket,time,event,severity,channel,status,author,level';
writeFileSync(at('header-only.csv'), `${HEADER}\n`);
writeFileSync(at('zero.csv'), '');
writeFileSync(at('events.log'), `${HEADER}\nA,2026-01-05T15:02:00Z,created,,,,,\n`);
writeFileSync(at('no-ticket.csv'), 'id,time,event\nA,2026-01-05T15:02:00Z,created\n');
writeFileSync(at('crlf.csv'), 'ticket,time,event\r\nA,2026-01-05T15:02:00Z,created\r\n');
writeFileSync(at('bom.csv'), '\uFEFFticket,time,event\nA,2026-01-05T15:02:00Z,created\n');
writeFileSync(at('not-objects.ndjson'), '{"ticket":"A","time":"2026-01-05T15:02:00Z","event":"created"}\n[1,2]\nnull\n');
writeFileSync(at('picture.csv'), readFileSync(at('picture.sla')));
writeFileSync(at('excel-unicode.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ticket,time,event\n', 'utf16le')]));
writeFileSync(at('latin1.csv'), Buffer.concat([Buffer.from('ticket,time,event\nCaf'), Buffer.from([0xe9]), Buffer.from('-1,2026-01-05T15:02:00Z,created\n')]));
writeFileSync(at('corrupt.sla.json'), '{"format":"slac-model","version":1,');
const model = JSON.parse(serializeModel(supportModel)) as Record<string, unknown>;
writeFileSync(at('future.sla.json'), JSON.stringify({ ...model, version: 99 }));
writeFileSync(at('picture.sla.json'), readFileSync(at('picture.sla')));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function slac(args: string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd: folder, ...io });
  return { code, stdout, stderr };
}

/** What a JavaScript crash looks like: a stack frame, or `TypeError: ...` at a line start. */
export function expectNoStackTrace(run: Run): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toMatch(/^\w*Error: /m);
    expect(text).not.toMatch(/\bE[A-Z]{2,}: /); // a raw Node error code such as "EISDIR: illegal operation"
  }
}

