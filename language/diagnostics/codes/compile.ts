import type { CatalogueEntry } from './entry.js';

/** SLA5xxx: producing the agreement document and the compiled model. */
export const compileCodes = [
  { code: 'SLA5001', severity: 'error', message: 'This file declares no agreement; compile the file that has the agreement block.', explanation: 'A file of shared terms without an `agreement` block is imported by agreements; it is not compiled on its own.' },
  { code: 'SLA5002', severity: 'warning', message: 'The PDF has no font for {characters} ({scripts}){origin}: they print as empty boxes. Install a font that covers them ({fonts}) and compile again.', explanation: 'The PDF uses the bundled Source Serif 4 (Latin) and the fonts installed on the machine that compiles it; a character that none of them covers prints as an empty box. Install a font for that script (on Debian or Ubuntu: fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-core for most other scripts).' },
] as const satisfies readonly CatalogueEntry[];
