// Bundles the worker thread of `slac check --jobs N`
// (runtime/check/parallel/worker-entry.ts and everything it imports) into
// dist/check-worker.mjs, which the CLI bundle starts from beside itself.
// The public-holiday data set is left out of it: a worker is given the
// holidays it needs, and loads dist/date-holidays.cjs, the data set bundled
// on its own (scripts/build-steps/date-holidays.mjs), only for a year it was
// not given (runtime/clock/holidays/date-holidays-on-demand.ts).
import { build } from 'esbuild';
import { join } from 'node:path';
import { nodeBundleOptions } from '../node-bundle-options.mjs';

export default async function (root) {
  await build({
    ...nodeBundleOptions(root),
    entryPoints: [join(root, 'runtime', 'check', 'parallel', 'worker-entry.ts')],
    outfile: join(root, 'dist', 'check-worker.mjs'),
    alias: { 'date-holidays': join(root, 'runtime', 'clock', 'holidays', 'date-holidays-on-demand.ts') },
    // The grammar is checked by the tests, on the sources (language/lexer/grammar-checks.ts).
    define: { SLAC_BUNDLE: 'true' },
    format: 'esm',
    banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
  });
}
