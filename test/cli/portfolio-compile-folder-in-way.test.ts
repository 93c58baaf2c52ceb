import { cpSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * `slac compile departments.sla -o out` where out/ holds a folder named as
 * the second client's document wrote the first client's document, then
 * failed on the second ("give a file name", though the user named none):
 * the folder was left with one new document and the rest of an earlier
 * set. Every document's place is now checked before any is written, and
 * the message names the document's client and says nothing was written.
 */

describe('slac compile PORTFOLIO -o DIR with a folder where a document goes', () => {
  it('writes no document and names the one in the way', () => {
    const dir = freshFolder('portfolio-compile-folder-in-way');
    cpSync(join(repoRoot, 'examples', 'multilevel'), dir, { recursive: true });
    mkdirSync(join(dir, 'out', 'human-resources-department.md'), { recursive: true });
    const run = runBuiltCli(['compile', 'departments.sla', '--format', 'md', '-o', 'out'], dir);
    expect(run.stderr).toBe(
      "slac: cannot write out/human-resources-department.md, the document of client 'Human Resources Department': it is a folder; move it or give -o another folder. No document was written.\n",
    );
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'out', 'finance-department.md'))).toBe(false);
  });
});
