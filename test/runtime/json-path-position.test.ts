/**
 * Where a value is in a JSON text (runtime/json-error-position.ts), for an
 * error about a compiled model's value: the value at the path, else the
 * nearest value enclosing it that the text has; nothing for the whole text.
 */
import { describe, expect, it } from 'vitest';
import { jsonPathPosition } from '../../runtime/json-error-position.js';

const TEXT = ['{', '  "metrics": [', '    {', '      "clock": "Nope",', '      "targets": { "High": { "minutes": "x" } }', '    }', '  ]', '}'].join('\n');

describe('jsonPathPosition', () => {
  it.each([
    { what: 'a text value', path: ['metrics', 0, 'clock'], at: ':4:16' },
    { what: 'a value inside a one-line object', path: ['metrics', 0, 'targets', 'High', 'minutes'], at: ':5:41' },
    { what: 'a missing field: the object that lacks it', path: ['metrics', 0, 'objective', 'percent'], at: ':3:5' },
    { what: 'an index past the end: the list', path: ['metrics', 3], at: ':2:14' },
    { what: 'a path of nothing the text has', path: ['format'], at: '' },
    { what: 'the whole text', path: [], at: '' },
  ])('$what', ({ path, at }) => {
    expect(jsonPathPosition(TEXT, path)).toBe(at);
  });

  it.each([
    { what: 'a key of the object there: the key', key: 'High', at: ':5:20' },
    { what: 'a key the object lacks: the object', key: 'Low', at: ':5:18' },
  ])('with a key, $what', ({ key, at }) => {
    expect(jsonPathPosition(TEXT, ['metrics', 0, 'targets'], key)).toBe(at);
  });

  it('a text that is no JSON value at all: nothing', () => {
    expect(jsonPathPosition('', ['format'])).toBe('');
  });
});
