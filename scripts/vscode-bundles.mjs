// The esbuild bundles the VS Code extension ships: the extension itself, the
// language server and the slac CLI, each one self-contained CommonJS file
// (only `vscode` stays outside, provided by the editor). Shared by
// scripts/package-vscode.mjs and the tests in test/vscode/.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// The project's sources are ES modules; the bundles are CommonJS (what VS Code
// loads for `main`, and what a forked server or CLI runs without a package.json
// saying "module"). `import.meta.url` has no CommonJS meaning, so it is
// rewritten to the bundle's own file URL.
const commonOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__slacImportMetaUrl' },
  banner: { js: 'const __slacImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** The CLI's entry: `runCli` from cli/main.ts with the process's arguments. */
const cliEntry = [
  "import { runCli } from './cli/main.ts';",
  'runCli(process.argv.slice(2)).then(',
  '  (code) => { process.exitCode = code; },',
  '  (error) => { console.error(error); process.exitCode = 1; },',
  ');',
].join('\n');

/**
 * The bundles of the extension, each with what it is and its esbuild options.
 * @param {string} root the repository root
 * @param {string} outDir where the bundles go (vscode-extension/dist when packaging)
 */
export function vscodeBundles(root, outDir) {
  return [
    {
      what: 'extension',
      outfile: join(outDir, 'extension.js'),
      options: { entryPoints: [join(root, 'vscode-extension', 'src', 'extension.ts')], external: ['vscode'] },
    },
    {
      what: 'language server',
      outfile: join(outDir, 'server.js'),
      options: { entryPoints: [join(root, 'lsp', 'server', 'stdio.ts')] },
    },
    {
      what: 'slac CLI',
      outfile: join(outDir, 'cli.js'),
      options: { stdin: { contents: cliEntry, resolveDir: root, sourcefile: 'slac-cli-entry.ts', loader: 'ts' } },
    },
  ];
}

/**
 * Builds the bundles named in `which` (all by default) into `outDir` and
 * returns each one's file and size. Rejects with esbuild's error when one
 * does not build (esbuild has printed the details).
 * @param {string} root
 * @param {string} outDir
 * @param {{ minify?: boolean, which?: string[] }} [settings]
 * @returns {Promise<{ what: string, outfile: string, bytes: number }[]>}
 */
export async function buildVscodeBundles(root, outDir, settings = {}) {
  const built = [];
  for (const bundle of vscodeBundles(root, outDir)) {
    if (settings.which && !settings.which.includes(bundle.what)) continue;
    await build({ ...commonOptions, ...bundle.options, outfile: bundle.outfile, minify: settings.minify ?? true });
    built.push({ what: bundle.what, outfile: bundle.outfile, bytes: statSync(bundle.outfile).size });
  }
  return built;
}
