// Bundles the worker thread of `slac check --jobs N`
// (runtime/check/parallel/worker-entry.ts and everything it imports) into
// dist/check-worker.mjs, which the CLI bundle starts from beside itself.
import { build } from 'esbuild';
import { join } from 'node:path';

export default async function (root) {
  await build({
    entryPoints: [join(root, 'runtime', 'check', 'parallel', 'worker-entry.ts')],
    outfile: join(root, 'dist', 'check-worker.mjs'),
    bundle: true,
    // The grammar is checked by the tests, on the sources (language/lexer/grammar-checks.ts).
    define: { SLAC_BUNDLE: 'true' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
}
