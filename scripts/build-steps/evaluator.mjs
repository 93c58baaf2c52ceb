// Bundles the evaluator runtime (runtime/evaluator-entry.ts with luxon and
// everything it imports) into one file, dist/evaluator-runtime.mjs.
// `slac compile --emit evaluator` wraps it around an agreement's model, so an
// emitted NAME.evaluator.mjs runs with no install.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The name the bundle's exports are reachable under inside an emitted module. */
export const RUNTIME_GLOBAL = '__slacEvaluatorRuntime';

/** The bundled runtime as source text: a script defining `var __slacEvaluatorRuntime`. */
export async function bundleEvaluatorRuntime(root) {
  const result = await build({
    entryPoints: [join(root, 'runtime', 'evaluator-entry.ts')],
    bundle: true,
    // The grammar is checked by the tests, on the sources (language/lexer/grammar-checks.ts).
    define: { SLAC_BUNDLE: 'true' },
    write: false,
    format: 'iife',
    globalName: RUNTIME_GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    legalComments: 'none',
    minifySyntax: true,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  return result.outputFiles[0].text;
}

export default async function (root) {
  const text = await bundleEvaluatorRuntime(root);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'evaluator-runtime.mjs'), text);
}
