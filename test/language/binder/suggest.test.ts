import { describe, expect, it } from 'vitest';
import { editDistance, suggestName } from '../../../language/binder/suggest.js';

describe('suggestName', () => {
  it.each([
    ['Ofice', ['Office', 'OnCall'], 'Office'],
    ['office', ['Office', 'Offices'], 'Office'],
    ['Critcal', ['Critical', 'Normal'], 'Critical'],
    ['Europe/Berln', ['Europe/Berlin', 'Europe/Bern'], 'Europe/Berlin'],
    ['Xyz', ['Office', 'OnCall'], undefined],
    ['P4', ['P1', 'P2'], 'P1'],
    ['Fix', ['Fix'], undefined],
    ['Anything', [], undefined],
    ['Hihg', ['High', 'Medium', 'Low'], 'High'],
    ['Cla', ['Cal'], 'Cal'],
  ] as const)('%s among %j gives %s', (name, candidates, expected) => {
    expect(suggestName(name, [...candidates])).toBe(expected);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('Hihg', 'High')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});
