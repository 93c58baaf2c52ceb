// The built CLI's bundles in dist/ load their own chunks (`import("./slac-chunk-...")`) and nothing else by a
// relative path: a dependency's own require() of its files that esbuild could not follow (a UMD build's
// factory is handed `require`: jsonc-parser's `require("./impl/format")`) stays a call for a file dist/
// lacks, and fails only when that code runs. (The extension's bundles: test/vscode/bundles.test.ts.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from './built-cli.js';

const dist = join(repoRoot, 'dist');
const bundles = readdirSync(dist).filter((name) => /\.(?:mjs|cjs)$/.test(name));

test('dist/ holds the CLI, its chunks, the check worker and the holiday data set', () => {
  expect(bundles).toEqual(expect.arrayContaining(['slac.mjs', 'check-worker.mjs', 'date-holidays.cjs']));
  expect(bundles.filter((name) => name.startsWith('slac-chunk-')).length).toBeGreaterThan(5);
});

test.each(bundles)('%s calls for no file by a relative path but the chunks', (name) => {
  const source = readFileSync(join(dist, name), 'utf8');
  const calls = [...source.matchAll(/\b[A-Za-z_$][\w$]*\(\s*["']\.\.?\/[^"']+["']\s*\)/g)].map((match) => match[0]);
  expect(calls.filter((call) => !/^import\(\s*["']\.\/slac-chunk-[A-Z0-9]+\.mjs["']\s*\)$/.test(call))).toEqual([]);
});
