// The esbuild options every bundle for Node shares (the check worker, the
// holiday data set): one file of Node 20 code with its source map, from the
// repository root; and the aliases to ES modules that the CLI's bundles
// share. (Not in build-steps/, whose every file is a step.)
import { join } from 'node:path';

export function nodeBundleOptions(root) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  };
}

/**
 * Aliases to the ES modules of packages whose main esbuild cannot bundle,
 * for the bundles that take them (the CLI's, and the one the VS Code
 * extension ships): jsonc-parser's main is a UMD build whose require()
 * calls esbuild cannot follow (bundled, `slac check` of a bad compiled
 * model stopped on "Cannot find module './impl/format'").
 */
export function esModuleAliases(root) {
  return { 'jsonc-parser': join(root, 'node_modules', 'jsonc-parser', 'lib', 'esm', 'main.js') };
}
