// The esbuild options every bundle for Node shares (the check worker, the
// holiday data set): one file of Node 20 code with its source map, from the
// repository root. (Not in build-steps/, whose every file is a step.)
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
