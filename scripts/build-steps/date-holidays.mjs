// Bundles the public-holiday data set (`date-holidays`, with moment-timezone
// and astronomia under it) on its own into dist/date-holidays.cjs. The CLI
// and the check worker load it only when an agreement's `holidays "CC"`
// needs it (runtime/clock/holidays/date-holidays-on-demand.ts): compiling it
// at every start cost about 0.2 s. Each file is written beside its place
// and renamed into it, as the CLI's chunks are: a CLI started during a
// build never reads half a file.
import { build } from 'esbuild';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeBundleOptions } from '../node-bundle-options.mjs';

export default async function (root) {
  const result = await build({
    entryPoints: [join(root, 'node_modules', 'date-holidays', 'lib', 'index.cjs')],
    outfile: join(root, 'dist', 'date-holidays.cjs'),
    ...nodeBundleOptions(root),
    format: 'cjs',
    write: false,
  });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}
