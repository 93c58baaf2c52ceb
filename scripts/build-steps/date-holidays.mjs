// Bundles the public-holiday data set (`date-holidays`, with moment-timezone
// and astronomia under it) on its own into dist/date-holidays.cjs. The CLI
// and the check worker load it only when an agreement's `holidays "CC"`
// needs it (runtime/clock/holidays/date-holidays-on-demand.ts): compiling it
// at every start cost about 0.2 s.
import { build } from 'esbuild';
import { join } from 'node:path';

export default async function (root) {
  await build({
    entryPoints: [join(root, 'node_modules', 'date-holidays', 'lib', 'index.cjs')],
    outfile: join(root, 'dist', 'date-holidays.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    format: 'cjs',
  });
}
