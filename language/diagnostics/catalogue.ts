import { compileCodes } from './codes/compile.js';
import type { CatalogueEntry } from './codes/entry.js';
import { checkCodes } from './codes/checks.js';
import { nameCodes } from './codes/names.js';
import { runtimeCodes } from './codes/runtime.js';
import { syntaxCodes } from './codes/syntax.js';

export type { CatalogueEntry } from './codes/entry.js';

/**
 * The one diagnostic catalogue, in blocks per stage: SLA1xxx syntax,
 * SLA2xxx names and imports, SLA3xxx semantic checks, SLA4xxx logs and
 * `slac check` input, SLA5xxx compilation. The language server, `slac
 * validate`, `slac check` and `slac compile` all report from it.
 */
export const catalogue: readonly CatalogueEntry[] = [
  ...syntaxCodes,
  ...nameCodes,
  ...checkCodes,
  ...runtimeCodes,
  ...compileCodes,
];

type CodeOf<T extends readonly { code: string }[]> = T[number]['code'];

export type DiagnosticCode =
  | CodeOf<typeof syntaxCodes>
  | CodeOf<typeof nameCodes>
  | CodeOf<typeof checkCodes>
  | CodeOf<typeof runtimeCodes>
  | CodeOf<typeof compileCodes>;

const byCode = new Map(catalogue.map((entry) => [entry.code, entry]));

export function catalogueEntry(code: DiagnosticCode): CatalogueEntry {
  const entry = byCode.get(code);
  if (!entry) throw new Error(`No catalogue entry for ${code}`);
  return entry;
}

/** Whether the text a diagnostic of this code points at has no effect at all (`CatalogueEntry.noEffect`). */
export function pointsAtNoEffect(code: DiagnosticCode): boolean {
  return byCode.get(code)?.noEffect === true;
}

/** Codes that appear more than once; a test keeps this empty. */
export function duplicateCodes(entries: readonly CatalogueEntry[] = catalogue): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { code } of entries) (seen.has(code) ? duplicates : seen).add(code);
  return [...duplicates];
}
