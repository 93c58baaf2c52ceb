// Builds dist/: the TypeScript compile, then every step in scripts/build-steps/
// in name order (bundles such as the evaluator runtime and the VS Code
// extension's server). Runs on `npm install` through `prepare`.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
} catch {
  process.stderr.write('build: the TypeScript compile failed (errors above).\n');
  process.exit(1);
}
const stepsDir = join(root, 'scripts', 'build-steps');
for (const step of readdirSync(stepsDir).filter((f) => f.endsWith('.mjs')).sort()) {
  const module = await import(pathToFileURL(join(stepsDir, step)).href);
  await module.default(root);
}
