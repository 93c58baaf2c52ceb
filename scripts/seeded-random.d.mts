/** mulberry32: numbers in [0, 1) from a 32-bit seed, the same on every machine. */
export function mulberry32(seed: number): () => number;
