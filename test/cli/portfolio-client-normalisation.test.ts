import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A client's name compared with a log's client value in Unicode NFC: a
 * portfolio declaring "Café" precomposed (U+00E9) got none of the tickets
 * of a log writing it decomposed ("Cafe" and U+0301, as some exports do):
 * with no `others`, every row was refused (SLA4030). The other way round too.
 */

const PRECOMPOSED = 'Caf\u00e9';
const DECOMPOSED = 'Cafe\u0301';

function folderWith(declared: string, logged: string): string {
  const folder = freshFolder('portfolio-client-normalisation');
  for (const file of ['finance.sla', 'corporate.sla']) cpSync(join(repoRoot, 'examples', 'multilevel', file), join(folder, file));
  write(folder, 'pair.sla', `portfolio Pair {\n  client "${declared}" uses "finance.sla"\n}\n`);
  const log = [
    'ticket,time,event,severity,channel,status,author,level,client',
    `C-1,2026-03-02T09:00:00+01:00,created,High,Portal,,,,${logged}`,
    `C-1,2026-03-02T09:10:00+01:00,reply,,,,agent,,${logged}`,
    `C-1,2026-03-02T10:30:00+01:00,resolved,,,,,,${logged}`,
  ].join('\n');
  write(folder, 'log.csv', `${log}\n`);
  return folder;
}

describe('a log reaches a client whose name it writes in another Unicode normalisation', () => {
  it.each([
    ['precomposed', 'decomposed', PRECOMPOSED, DECOMPOSED],
    ['decomposed', 'precomposed', DECOMPOSED, PRECOMPOSED],
  ])('declared %s, logged %s', (_declared, _logged, declared, logged) => {
    const folder = folderWith(declared, logged);
    const run = runBuiltCli(['check', 'pair.sla', 'log.csv', '--format', 'json', '--as-of', '2026-03-04T00:00:00Z'], folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const clients = JSON.parse(run.stdout).clients.map((entry: { client: string; report: { tickets: unknown[] } }) => [entry.client, entry.report.tickets.length]);
    expect(clients).toEqual([[declared, 1]]);
  });
});
