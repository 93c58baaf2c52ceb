import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * The `slac explain` command a ticket page gives for its ticket (from an
 * adversarial pass): the id was printed as it is, so for `has space` the
 * command read the ticket log as two files, for `-dash` an unknown option,
 * and for `$(id)` a shell ran the command in it. The id is now written as
 * a POSIX shell reads it back whole: quoted when it needs to be, after `--`
 * when it starts with a hyphen.
 */

const CASES: [id: string, command: string][] = [
  ['LF-1189', 'slac explain AGREEMENT LOG LF-1189'],
  ['has space', "slac explain AGREEMENT LOG 'has space'"],
  ['-dash', 'slac explain AGREEMENT LOG -- -dash'],
  ['$(id)', "slac explain AGREEMENT LOG '$(id)'"],
  ["it's", "slac explain AGREEMENT LOG 'it'\\''s'"],
  ['a/b#1?x=<y>', "slac explain AGREEMENT LOG 'a/b#1?x=<y>'"],
];

/** What the page's text says, tags dropped and entities read. */
function pageText(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('slac report: the slac explain command on a ticket page', () => {
  const folder = freshFolder('report-explain-command');
  write(folder, 'a.sla', agreementText());
  const quoted = (id: string): string => `"${id.replace(/"/g, '""')}"`;
  const rows = CASES.flatMap(([id]) => [`${quoted(id)},2026-03-02T09:00:00+01:00,created,High,Email,,,`, `${quoted(id)},2026-03-02T15:00:00+01:00,reply,,,,agent,`]);
  write(folder, 't.csv', [LOG_HEADER, ...rows].join('\n'));
  const run = runBuiltCli(['report', 'a.sla', 't.csv', '-o', 'site', '--as-of', '2026-04-01T00:00:00Z'], folder);
  const pages = readdirSync(join(folder, 'site', 'tickets'));

  it.each(CASES)('for the id %s reads back the whole id in a shell', (id, command) => {
    expect(run.code, run.stderr).toBe(0);
    const page = pages.find((name) => decodeURIComponent(name) === `${id}.html`);
    expect(page, pages.join(', ')).toBeDefined();
    expect(pageText(join(folder, 'site', 'tickets', page!))).toContain(`The same timeline in a terminal: ${command}.`);
  });
});
