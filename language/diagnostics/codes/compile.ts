import type { CatalogueEntry } from './entry.js';

/** SLA5xxx: producing the agreement document and the compiled model. */
export const compileCodes = [
  { code: 'SLA5001', severity: 'error', message: 'This file declares no agreement; compile the file that has the agreement block.', explanation: 'A file of shared terms without an `agreement` block is imported by agreements; it is not compiled on its own.' },
  { code: 'SLA5002', severity: 'warning', message: 'The PDF has no font for {characters} ({scripts}){origin}: they print as empty boxes. Install a font that covers them ({fonts}) and compile again.', explanation: 'The PDF uses the bundled Source Serif 4 (Latin) and the fonts installed on the machine that compiles it; a character that none of them covers prints as an empty box. Install a font for that script (on Debian or Ubuntu: fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-core for most other scripts).' },
  { code: 'SLA5003', severity: 'error', message: "This text block has {count} characters; a document's text block has at most {limit}.", explanation: "markdown-it lays out a document's prose with a token of about 300 bytes for each emphasis mark and each run of text between them: a text block of 1.2 MB of emphasis took 600 MB to compile. A clause of 100,000 characters is some 40 pages; split longer prose into several clauses. `slac validate` and `slac compile --emit model` lay nothing out and read a longer text block." },
] as const satisfies readonly CatalogueEntry[];
