import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A table that `slac import` does not read (zendesk-tables' schedules,
 * holidays and SLA policies, which `slac init` reads; a CSV GLPI does not
 * know) is still counted, so that the summary accounts for its rows. When
 * its header could not be read the count failed and the summary said
 * "0 rows" of a table that has rows. It says now that they were not
 * counted, and why.
 */

const FIXTURES = join(repoRoot, 'test', 'import', 'fixtures');

/** [source, file, how the file is spoilt, what the summary says of it]. */
const CASES: [string, string, (text: string) => string, string][] = [
  ['zendesk-tables', 'schedule.csv', (text) => text.replace(/^end_time,/, 'end_time,end_time,'), "schedule.csv: rows not counted (line 1: column 'end_time' appears more than once in the header; name each column once)"],
  ['zendesk-tables', 'sla_policy_metric_history.csv', (text) => `\xff${text}`, 'sla_policy_metric_history.csv: rows not counted (line 1: not UTF-8 text: the byte at offset 0 (0xff) is not part of a UTF-8 character'],
  ['glpi', 'glpi_extra.csv', () => 'id,id\n1,2\n3,4\n', "glpi_extra.csv: rows not counted (line 1: column 'id' appears more than once in the header; name each column once)"],
];

describe('slac import says when it could not count the rows of a table it does not read', () => {
  const root = mkdtempSync(join(tmpdir(), 'slac-import-uncounted-'));

  it.each(CASES)('%s: %s', (source, file, spoil, said) => {
    const dir = join(root, `${source}-${file}`);
    cpSync(join(FIXTURES, source), dir, { recursive: true });
    rmSync(join(dir, 'README.md'), { force: true });
    rmSync(join(dir, 'agreement.sla'), { force: true });
    rmSync(join(dir, 'api'), { recursive: true, force: true });
    const path = join(dir, file);
    let text = '';
    try {
      text = readFileSync(path, 'latin1');
    } catch {
      // a file of its own, not one of the fixture's
    }
    writeFileSync(path, spoil(text), 'latin1');
    const run = runBuiltCli(['import', source, dir, '-o', join(root, `${source}.ndjson`)], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(said);
    expect(run.stderr).not.toMatch(new RegExp(`${file.replace('.', '\\.')}: 0 rows`));
  });
});
