// Bundles the CLI (cli/main.ts and everything it imports) into dist/slac.mjs,
// which bin/slac.js runs, split into chunks at main.ts's dynamic imports of
// the commands: a command loads its own code and what it shares with others,
// not the whole CLI (`slac import` needs none of the compiler, charts, PDF or
// LSP). Node loads a few bundled files several times faster than the
// hundreds of small ES modules chevrotain and our own stages are made of
// (`slac --version` went from about 0.8 s to 0.2 s). The chunks sit beside
// slac.mjs in dist/, so paths resolved from import.meta.url (the evaluator
// runtime, the check worker) are the same in every chunk. Chunks are named
// by a hash of their content; each file is written beside its place and
// renamed into it, the chunks before slac.mjs, and only then are the chunks
// of earlier builds removed: a CLI started during a build (tests, others
// working in the same tree) finds an entry and its chunks together.
// puppeteer-core stays external: it is loaded only when a PDF is printed;
// the public-holiday data set is a bundle of its own, loaded when an
// agreement's `holidays "CC"` needs it.
import { build } from 'esbuild';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { esModuleAliases } from '../node-bundle-options.mjs';

/** Names of the chunks in dist/: those of an earlier build are removed first. */
const CHUNK_PREFIX = 'slac-chunk-';

export default async function (root) {
  const dist = join(root, 'dist');
  const result = await build({
    entryPoints: { slac: join(root, 'cli', 'main.ts') },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    chunkNames: `${CHUNK_PREFIX}[hash]`,
    splitting: true,
    bundle: true,
    // The grammar is checked by the tests, on the sources (language/lexer/grammar-checks.ts).
    define: { SLAC_BUNDLE: 'true' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['puppeteer-core'],
    alias: {
      // The holiday data set is loaded when a code is first looked up (runtime/clock/holidays/date-holidays-on-demand.ts).
      'date-holidays': join(root, 'runtime', 'clock', 'holidays', 'date-holidays-on-demand.ts'),
      ...esModuleAliases(root),
    },
    // CommonJS dependencies bundled into an ES module still call require()
    // for Node's built-ins (the banner starts every chunk).
    banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    write: false,
  });
  const isChunk = (path) => basename(path).startsWith(CHUNK_PREFIX);
  const files = [...result.outputFiles].sort((a, b) => Number(isChunk(b.path)) - Number(isChunk(a.path)));
  for (const file of files) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  const written = new Set(files.map((file) => basename(file.path)));
  for (const name of readdirSync(dist)) if (name.startsWith(CHUNK_PREFIX) && !written.has(name)) rmSync(join(dist, name), { force: true });
}
