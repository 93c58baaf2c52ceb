// Bundles the CLI (cli/main.ts and everything it imports) into one module,
// dist/slac.mjs, which bin/slac.js runs. Node loads one bundled file several
// times faster than the hundreds of small ES modules chevrotain and our own
// stages are made of (`slac --version` went from about 0.8 s to 0.2 s).
// puppeteer-core stays external: it is loaded only when a PDF is printed.
import { build } from 'esbuild';
import { join } from 'node:path';

export default async function (root) {
  await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    outfile: join(root, 'dist', 'slac.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['puppeteer-core'],
    // CommonJS dependencies bundled into an ES module still call require()
    // for Node's built-ins.
    banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
}
