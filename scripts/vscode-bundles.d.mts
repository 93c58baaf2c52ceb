/** One bundle of the VS Code extension, once built. */
export interface BuiltBundle {
  what: string;
  outfile: string;
  bytes: number;
}

/** Builds the extension's bundles ('extension', 'language server', 'slac CLI') into `outDir`. */
export function buildVscodeBundles(
  root: string,
  outDir: string,
  settings?: { minify?: boolean; which?: string[] },
): Promise<BuiltBundle[]>;
