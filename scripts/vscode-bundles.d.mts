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

/** Copies the PDF body font into `outDir/node_modules/@fontsource/source-serif-4/`; returns the files, relative to `outDir`. */
export function copyBundledFont(root: string, outDir: string): string[];
