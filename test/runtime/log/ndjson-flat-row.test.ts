import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatRowReader } from '../../../runtime/log/ndjson-flat-row.js';
import { duplicateKey } from '../../../runtime/log/ndjson-keys.js';
import { TICKET_LOG_KEYS as KEYS } from '../../../runtime/log/log-vocabulary.js';

const TICKET_LOG_KEYS: readonly string[] = KEYS;

/** What the general path reads: JSON.parse, with every shape key present. */
function generalValues(text: string): Record<string, unknown> {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return { ...Object.fromEntries(TICKET_LOG_KEYS.map((key) => [key, undefined])), ...parsed };
}

/** Whenever the fast reader takes a line, the general path reads the same values from it, with no problem. */
function expectSameAsGeneral(reader: FlatRowReader, text: string): boolean {
  if (!reader.read(text)) return false;
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
  expect(duplicateKey(text, parsed)).toBeUndefined();
  expect(Object.keys(parsed).every((key) => TICKET_LOG_KEYS.includes(key))).toBe(true);
  const values = { ...reader.values };
  expect(values).toEqual(generalValues(text));
  for (const key of TICKET_LOG_KEYS) expect(Object.is(values[key], generalValues(text)[key])).toBe(true);
  return true;
}

describe('the flat NDJSON row reader', () => {
  const reader = new FlatRowReader(TICKET_LOG_KEYS);

  it.each([
    ['the generated log row', '{"ticket":"T-1","time":"2026-01-05T13:00:00Z","event":"created","severity":"Standard","channel":"Phone"}'],
    ['a number id and level', '{"ticket":7,"time":"t","event":"escalated","level":2}'],
    ['a negative zero and a zero', '{"ticket":-0,"time":"t","event":"escalated","level":0}'],
    ['fifteen digits', '{"ticket":999999999999999,"time":"t","event":"created"}'],
    ['null values', '{"ticket":"A","time":"t","event":"created","severity":null}'],
    ['keys in any order, accents and an emoji', '{"event":"reply","author":"agent","ticket":"Ré-😀","time":"t"}'],
    ['an empty string', '{"ticket":"","time":"","event":""}'],
  ])('reads %s exactly as JSON.parse does', (_name, text) => {
    expect(expectSameAsGeneral(reader, text)).toBe(true);
  });

  it.each([
    ['an escaped quote', '{"ticket":"A \\"x\\"","time":"t","event":"created"}'],
    ['an escape in a key', '{"\\u0074icket":"A","time":"t","event":"created"}'],
    ['a repeated key', '{"ticket":"A","ticket":"B","time":"t","event":"created"}'],
    ['an unknown key', '{"ticket":"A","time":"t","event":"created","note":"x"}'],
    ['blanks between tokens', '{"ticket": "A","time":"t","event":"created"}'],
    ['a trailing blank', '{"ticket":"A","time":"t","event":"created"} '],
    ['a nested value', '{"ticket":"A","time":"t","event":"created","level":{"a":1}}'],
    ['a list', '[1,2]'],
    ['true', '{"ticket":true,"time":"t","event":"created"}'],
    ['a fraction', '{"ticket":1.5,"time":"t","event":"created"}'],
    ['an exponent', '{"ticket":1e3,"time":"t","event":"created"}'],
    ['a leading zero (not JSON)', '{"ticket":012,"time":"t","event":"created"}'],
    ['sixteen digits', '{"ticket":9007199254740993,"time":"t","event":"created"}'],
    ['a raw tab in a string (not JSON)', '{"ticket":"A\tB","time":"t","event":"created"}'],
    ['a missing closing brace', '{"ticket":"A","time":"t","event":"created"'],
    ['text after the object', '{"ticket":"A","time":"t","event":"created"}x'],
    ['an empty object', '{}'],
    ['a trailing comma (not JSON)', '{"ticket":"A",}'],
    ['nul for null', '{"ticket":nul,"time":"t","event":"created"}'],
  ])('leaves %s to the general path', (_name, text) => {
    expect(reader.read(text)).toBe(false);
  });

  it('never takes a line the general path would read differently (random lines)', () => {
    const fragment = fc.constantFrom(
      '{', '}', '"', ':', ',', ' ', '\\', '\\"', '-', '0', '7', '1.5', 'null', 'true', 'é', '\t',
      '"ticket"', '"time"', '"event"', '"level"', '"note"', '"T-1"', '"x"', '12345678901234567',
    );
    const line = fc.array(fragment, { maxLength: 24 }).map((parts) => parts.join(''));
    const wellFormed = fc
      .array(fc.tuple(fc.constantFrom(...TICKET_LOG_KEYS, 'note'), fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null))), { maxLength: 6 })
      .map((pairs) => `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`);
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(line, wellFormed), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) expect(reader.read(text)).toBe(false);
        else if (expectSameAsGeneral(reader, text)) taken++;
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    // The property would hold vacuously if the reader declined everything.
    expect(taken).toBeGreaterThan(100);
  });
});
