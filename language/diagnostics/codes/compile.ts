import type { CatalogueEntry } from './entry.js';

/** SLA5xxx: producing the agreement document and the compiled model. */
export const compileCodes = [
  { code: 'SLA5001', severity: 'error', message: 'This file declares no agreement; compile the file that has the agreement block.', explanation: 'A file of shared terms without an `agreement` block is imported by agreements; it is not compiled on its own.' },
] as const satisfies readonly CatalogueEntry[];
