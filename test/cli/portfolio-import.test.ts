import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * An import in a portfolio file was accepted without a word, though nothing
 * in a portfolio can use what it brings: a client's agreement is the file
 * it `uses`, with that file's own imports. The import is now a warning at
 * the import (SLA3093), as a calendar nothing uses is (SLA3052).
 */
describe('an import in a portfolio file', () => {
  it('is a warning at the import: the portfolio uses nothing it brings', () => {
    const folder = freshFolder('portfolio-import');
    cpSync(join(repoRoot, 'examples', 'multilevel'), folder, { recursive: true });
    write(folder, 'departments.sla', `import "corporate.sla"\n\n${readFileSync(join(folder, 'departments.sla'), 'utf8')}`);
    const run = runBuiltCli(['validate', 'departments.sla'], folder);
    expect(run.stdout + run.stderr).toMatch(/^departments\.sla:1:8: warning SLA3093: [^\n]*'corporate\.sla'[^\n]*\n/m);
    expect(run.code).toBe(0);
  });

  // A calendar (or any declaration) written in a portfolio file was accepted without a word too.
  it('warns at a declaration too: no client uses it', () => {
    const folder = freshFolder('portfolio-import');
    cpSync(join(repoRoot, 'examples', 'multilevel'), folder, { recursive: true });
    write(folder, 'departments.sla', `${readFileSync(join(folder, 'departments.sla'), 'utf8')}\ncalendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n`);
    const run = runBuiltCli(['validate', 'departments.sla'], folder);
    expect(run.stdout + run.stderr).toMatch(/^departments\.sla:9:1: warning SLA3094: [^\n]*calendar Office[^\n]*\n/m);
    expect(run.code).toBe(0);
  });
});
