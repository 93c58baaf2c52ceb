/** A valid agreement of `lines` lines: the examples' declarations repeated with distinct names, the same for a seed on every machine. */
export function largeAgreement(lines: number, seed?: number): string;
