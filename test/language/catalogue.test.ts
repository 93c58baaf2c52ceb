import { describe, expect, it } from 'vitest';
import { catalogue, duplicateCodes } from '../../language/diagnostics/catalogue.js';

describe('diagnostic catalogue', () => {
  it('has no duplicate codes', () => {
    expect(duplicateCodes()).toEqual([]);
  });

  it('detects a duplicate code', () => {
    const entry = catalogue[0]!;
    expect(duplicateCodes([...catalogue, entry])).toEqual([entry.code]);
  });

  it.each(catalogue.map((entry) => [entry.code, entry] as const))('%s is well formed', (code, entry) => {
    expect(code).toMatch(/^SLA[1-5]\d{3}$/);
    expect(entry.message.length).toBeGreaterThan(5);
    expect(entry.explanation.length).toBeGreaterThan(5);
  });
});
