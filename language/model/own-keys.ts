/**
 * Records keyed by names an author or a log chose (metrics, severities,
 * params). A plain object answers `constructor`, `toString` or
 * `hasOwnProperty` from its prototype, and `record['__proto__'] = value`
 * sets the prototype instead of adding a key; so a metric named
 * `__proto__` vanished from the JSON report and a param named
 * `constructor` read as a function. These two read and write own keys
 * only (test/language/prototype-names.test.ts runs every command on an
 * agreement whose names are those words).
 */

/** `record[key]` when `key` is the record's own, else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `record[key] = value` as an own key, `__proto__` included. */
export function setOwnValue<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

