// Packages the VS Code extension: bundles the extension, the language server
// and the slac CLI into vscode-extension/dist/ with esbuild, then runs vsce
// to write vscode-extension/slac-sla-<version>.vsix, and lists what is in
// it. Separate from `npm run build` on purpose: bundling is slow and only
// needed to ship the extension. Run it as `npm run package:vscode`.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVscodeBundles, copyBundledFont } from './vscode-bundles.mjs';
import { listZipEntries } from './vsix-contents.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const extensionDir = join(root, 'vscode-extension');
const distDir = join(extensionDir, 'dist');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
const vsixPath = join(extensionDir, `${manifest.name}-${manifest.version}.vsix`);

/** Files the .vsix must hold for the extension to work; packaging fails without them. */
const requiredInVsix = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/language-configuration.json',
  'extension/syntaxes/sla.tmLanguage.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  'extension/dist/node_modules/@fontsource/source-serif-4/package.json',
  'extension/dist/node_modules/@fontsource/source-serif-4/LICENSE',
  ...['latin', 'latin-ext'].flatMap((subset) =>
    ['400-normal', '700-normal', '400-italic', '700-italic'].map(
      (face) => `extension/dist/node_modules/@fontsource/source-serif-4/files/source-serif-4-${subset}-${face}.woff2`,
    ),
  ),
];

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

rmSync(distDir, { recursive: true, force: true });
try {
  for (const bundle of await buildVscodeBundles(root, distDir)) {
    console.log(`package:vscode: bundled the ${bundle.what} → ${relative(root, bundle.outfile)} (${kilobytes(bundle.bytes)})`);
  }
} catch {
  console.error("package:vscode: bundling failed (esbuild's errors are above).");
  process.exit(1);
}

// The CLI reads the PDF body font at run time, which the bundle cannot hold:
// it ships beside the bundle (see copyBundledFont).
const fontFiles = copyBundledFont(root, distDir);
console.log(`package:vscode: copied the PDF body font (${fontFiles.length} files) → ${relative(root, distDir)}/node_modules/@fontsource/source-serif-4`);

rmSync(vsixPath, { force: true });
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
try {
  // stdin is closed so that a question from vsce fails the build instead of waiting forever.
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsixPath],
    { cwd: extensionDir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
} catch {
  console.error('package:vscode: vsce could not package the extension (its message is above).');
  process.exit(1);
}

const entries = listZipEntries(readFileSync(vsixPath));
console.log(`package:vscode: ${relative(root, vsixPath)} is ${kilobytes(statSync(vsixPath).size)} and holds:`);
for (const entry of entries) console.log(`  ${entry.name.padEnd(48)} ${kilobytes(entry.size).padStart(8)}`);
const missing = requiredInVsix.filter((name) => !entries.some((entry) => entry.name === name));
if (missing.length > 0) {
  console.error(`package:vscode: the .vsix is missing ${missing.join(', ')}; check vscode-extension/.vscodeignore.`);
  process.exit(1);
}
