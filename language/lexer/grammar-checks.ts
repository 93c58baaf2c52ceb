/**
 * Whether chevrotain checks the token patterns and the grammar (ambiguities,
 * left recursion, unreachable alternatives) when the lexer and the parser
 * are built. The checks find mistakes in the grammar, not in a user's
 * `.sla`: they run wherever the sources run (every test builds the parser
 * with them), and the shipped bundles, built from the same grammar, skip
 * them, which saves about 70 ms at every start of `slac` (measured on the
 * 2-core VM: 0.50 s to 0.43 s of wall time, 0.57 s to 0.48 s of CPU, for a
 * check of a 50-line log).
 * `scripts/build-steps/*.mjs` define `SLAC_BUNDLE` for esbuild.
 */
declare const SLAC_BUNDLE: boolean | undefined;

export const CHECK_GRAMMAR: boolean = typeof SLAC_BUNDLE === 'undefined' || !SLAC_BUNDLE;
