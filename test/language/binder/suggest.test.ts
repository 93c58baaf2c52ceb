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
    // One character: every other one is a single edit away, so only the same letter in another case is close.
    ['B', ['A'], undefined],
    ['x', ['y', 'ab'], undefined],
    ['a', ['A'], 'A'],
    ['A', ['AB'], undefined],
  ] as const)('%s among %j gives %s', (name, candidates, expected) => {
    expect(suggestName(name, [...candidates])).toBe(expected);
  });

  it('spends no time on a name far longer than every candidate (an NDJSON key of 400,000 characters)', () => {
    const started = performance.now();
    for (let index = 0; index < 4; index++) expect(suggestName(`${index}${'y'.repeat(400_000)}`, ['ticket', 'time', 'event', 'severity', 'channel', 'status', 'author', 'level', 'client'])).toBeUndefined();
    // Edit distances of 400,000 rows took seconds and hundreds of MB; no distance is needed to know none is close.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('Hihg', 'High')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});
