import { describe, expect, it } from 'vitest';
import { dedent, durationModel, titleFromName } from '../../../language/model/text.js';
import { rangeOf } from '../../../language/syntax/range.js';

describe('titleFromName', () => {
  it.each([
    ['FirstResponse', 'First response'],
    ['Resolution', 'Resolution'],
    ['ResolutionEstimate', 'Resolution estimate'],
    ['SLAUptime', 'SLA uptime'],
    ['first_response', 'First response'],
    ['P1Response', 'P1 response'],
  ])('%s -> %s', (name, title) => {
    expect(titleFromName(name)).toBe(title);
  });
});

describe('dedent', () => {
  it('removes the common indentation and the blank lines around', () => {
    expect(dedent('\n    First line\n      indented\n\n    last\n  ')).toBe('First line\n  indented\n\nlast');
  });

  it('is idempotent', () => {
    const once = dedent('\n  a\n    b\n');
    expect(dedent(once)).toBe(once);
  });
});

describe('durationModel', () => {
  const at = rangeOf(0, 0, 0, 1);
  it.each([
    [3, 'minute', { unit: 'minutes', minutes: 3 }],
    [2, 'hour', { unit: 'hours', minutes: 120 }],
    [1, 'day', { unit: 'days', minutes: 1440 }],
    [2, 'week', { unit: 'weeks', minutes: 20160 }],
    [5, 'business day', { unit: 'businessDays' }],
    [3, 'month', { unit: 'months' }],
  ] as const)('%d %s', (amount, unit, expected) => {
    const model = durationModel({ kind: 'Duration', range: at, amount, unit, text: `${amount} ${unit}s` });
    expect(model).toEqual({ amount, text: `${amount} ${unit}s`, ...expected });
  });
});
