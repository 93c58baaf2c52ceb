import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * `slac compile PORTFOLIO` without -o writes into a folder named after the
 * portfolio file without its .sla. A portfolio file with no .sla ending
 * (`departments`) made that folder the file itself, and a file beside it
 * with that name stood in the way too: both said "it is a file; ... (give
 * -o a folder)" to a user who gave no -o. The message now says where the
 * default folder comes from and what to do.
 */
describe('slac compile PORTFOLIO without -o, when the default folder cannot be made', () => {
  it.each([
    {
      name: 'the portfolio file has no .sla ending',
      entry: 'departments',
      stderr:
        "slac: cannot write the documents of the portfolio departments: without -o they go into a folder named after the file without its .sla ending, and departments has none, so that folder would be the file itself; give -o a folder (slac compile departments -o FOLDER), or name the file departments.sla.\n",
    },
    {
      name: 'a file stands where the default folder goes',
      entry: 'departments.sla',
      stderr:
        "slac: cannot write into departments, the folder the documents of departments.sla go into without -o: it is a file; give -o a folder (slac compile departments.sla -o FOLDER).\n",
    },
  ])('$name', ({ entry, stderr }) => {
    const folder = freshFolder('portfolio-default-folder');
    cpSync(join(repoRoot, 'examples', 'multilevel'), folder, { recursive: true });
    copyFileSync(join(folder, 'departments.sla'), join(folder, 'departments'));
    const run = runBuiltCli(['compile', entry, '--format', 'md'], folder);
    expect(run.stderr).toBe(stderr);
    expect(run.code).toBe(2);
  });
});
