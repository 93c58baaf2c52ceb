// The esbuild bundles the VS Code extension ships: the extension itself, the
// language server and the slac CLI, each one self-contained CommonJS file
// (only `vscode` stays outside, provided by the editor). Shared by
// scripts/package-vscode.mjs and the tests in test/vscode/.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esModuleAliases } from './node-bundle-options.mjs';

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
      options: {
        stdin: { contents: cliEntry, resolveDir: root, sourcefile: 'slac-cli-entry.ts', loader: 'ts' },
        // vega-canvas's Node build tries `await import('canvas')` at top level,
        // which CommonJS cannot hold; slac renders charts as SVG and never
        // needs a canvas, so the browser build (no canvas outside a page) does.
        alias: {
          'vega-canvas': join(root, 'node_modules', 'vega-canvas', 'build', 'vega-canvas.browser.js'),
          ...esModuleAliases(root),
        },
      },
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

/**
 * Copies the PDF body font beside the bundles, into
 * `outDir/node_modules/@fontsource/source-serif-4/` (its package.json, its
 * licence and the eight faces compiler/render/fonts.ts reads). The CLI finds
 * it at run time with require.resolve('@fontsource/source-serif-4/files/...'),
 * which a bundle cannot hold; from `outDir/cli.js` that lookup lands here.
 * Returns the copied files, relative to `outDir`.
 * @param {string} root the repository root
 * @param {string} outDir where the bundles are
 * @returns {string[]}
 */
export function copyBundledFont(root, outDir) {
  const from = join(root, 'node_modules', '@fontsource', 'source-serif-4');
  const to = join('node_modules', '@fontsource', 'source-serif-4');
  const faces = readdirSync(join(from, 'files')).filter((name) => /^source-serif-4-latin(-ext)?-(400|700)-(normal|italic)\.woff2$/.test(name));
  mkdirSync(join(outDir, to, 'files'), { recursive: true });
  const copied = [];
  for (const name of ['package.json', 'LICENSE', ...faces.map((face) => join('files', face))]) {
    copyFileSync(join(from, name), join(outDir, to, name));
    copied.push(join(to, name));
  }
  return copied;
}
