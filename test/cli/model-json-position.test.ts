import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, slacIn, write } from './hardening-fixtures.js';

/**
 * A compiled model cut short (a copy stopped half way, `head -c 500`) was
 * refused with V8's words alone: "not a compiled model: Unterminated string
 * in JSON at position 500", an offset and no line. The message now names
 * the file, line and column where the JSON stops, as every bad input does.
 */
describe('a compiled model that is not JSON', () => {
  it('names the file, line and column where it stops being JSON', async () => {
    const folder = freshFolder('model-json');
    expect((await slacIn(folder, 'compile', join(repoRoot, 'examples', 'poologics.sla'), '--emit', 'model', '-o', 'full.sla.json')).code).toBe(0);
    const text = readFileSync(join(folder, 'full.sla.json'), 'utf8').slice(0, 500);
    write(folder, 'cut.sla.json', text);
    const lines = text.split('\n');
    const where = `${lines.length}:${lines.at(-1)!.length + 1}`;
    const run = runBuiltCli(['check', 'cut.sla.json', join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv')], folder);
    expect(run.stderr).toMatch(new RegExp(`^slac: cut\\.sla\\.json:${where}: not a compiled model: not JSON \\(\\w[^)]*\\)\\n$`));
    expect(run.stderr).not.toMatch(/position|\n {4}at /);
    expect(run.code).toBe(2);
  });
});
