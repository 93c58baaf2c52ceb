import { MAX_REVIEW_EVERY, MAX_TARGET_BUSINESS_DAYS, MAX_TARGET_MINUTES } from '../language/checker/duration-limits.js';

/**
 * The schema of a compiled model (`NAME.sla.json`), written out over the
 * model's types (language/model/model.ts): every field's type, the values an
 * enumeration allows, the ranges numbers lie in. `slac check` trusts a
 * model that passes; a file edited by hand or cut short is refused with the
 * path of the first wrong value (`metrics[0].targets.P1.minutes`), never
 * run into a crash.
 */
export type Schema = (value: unknown, path: ModelPath, fail: Fail) => void;

/** Where a value is in a model: its keys and list indexes from the top, as a structure (a key may hold any character). */
export type ModelPath = readonly (string | number)[];

/**
 * Refuses the model: the message is the path as written (pathText) and the
 * fault's words after it. The path (and `key`, for a fault in a key itself,
 * such as a target for no severity) is kept as it is for the line and column.
 */
export type Fail = (path: ModelPath, fault: string, key?: string) => never;

/** A path as a message writes it: `metrics[0].targets.High.minutes`, a top-level key without a dot before it. */
export function pathText(path: ModelPath): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

const missing = (expected: string): string => `is missing or not ${expected}`;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export const text: Schema = (value, path, fail) => {
  if (typeof value !== 'string') fail(path, missing('text'));
};

export const boolean: Schema = (value, path, fail) => {
  if (typeof value !== 'boolean') fail(path, missing('true or false'));
};

/** A finite number in [min, max]; whole when `whole`. */
export function number(min: number, max: number, whole = false): Schema {
  return (value, path, fail) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, missing('a number'));
    if (whole && !Number.isInteger(value)) fail(path, `is ${String(value)}, not a whole number`);
    if ((value as number) < min || (value as number) > max) fail(path, `is ${String(value)}, outside ${min}..${max}`);
  };
}

export function oneOf(...values: readonly string[]): Schema {
  return (value, path, fail) => {
    if (typeof value !== 'string' || !values.includes(value)) fail(path, `is ${JSON.stringify(value) ?? 'missing'}, not one of ${values.map((v) => `"${v}"`).join(', ')}`);
  };
}

export function pattern(regex: RegExp, example: string): Schema {
  return (value, path, fail) => {
    text(value, path, fail);
    if (!regex.test(value as string)) fail(path, `is ${JSON.stringify(value)}, not in the form ${example}`);
  };
}

export function list(item: Schema): Schema {
  return (value, path, fail) => {
    if (!Array.isArray(value)) fail(path, missing('a list'));
    (value as unknown[]).forEach((entry, index) => item(entry, [...path, index], fail));
  };
}

/** An object whose keys are free (`targets`, `params`), each value of one schema. */
export function record(item: Schema): Schema {
  return (value, path, fail) => {
    if (!isObject(value)) fail(path, missing('an object'));
    for (const [key, entry] of Object.entries(value as object)) item(entry, [...path, key], fail);
  };
}

/** An object with these fields; a key ending in `?` may be absent. Unknown keys are refused too: they mean another model. */
export function object(fields: Record<string, Schema>, check?: (value: Record<string, unknown>, path: ModelPath, fail: Fail) => void): Schema {
  const entries = Object.entries(fields).map(([key, schema]) => ({ key: key.replace(/\?$/, ''), optional: key.endsWith('?'), schema }));
  const known = new Set(entries.map((entry) => entry.key));
  return (value, path, fail) => {
    if (!isObject(value)) fail(path, missing('an object'));
    const data = value as Record<string, unknown>;
    for (const { key, optional, schema } of entries) {
      if (optional && data[key] === undefined) continue;
      schema(data[key], [...path, key], fail);
    }
    for (const key of Object.keys(data)) if (!known.has(key)) fail([...path, key], 'is not a field of a compiled model');
    check?.(data, path, fail);
  };
}

/** One of several object shapes, told apart by their `kind`. */
export function variants(shapes: Record<string, Schema>): Schema {
  return (value, path, fail) => {
    const kind = isObject(value) ? value.kind : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind)) fail([...path, 'kind'], `is ${JSON.stringify(kind) ?? 'missing'}, not one of ${Object.keys(shapes).map((k) => `"${k}"`).join(', ')}`);
    shapes[kind as string]!(value, path, fail);
  };
}

// ------------------------------------------------------------ the model

const minutesOfDay = number(0, 48 * 60, true);
const minuteRange = object({ start: minutesOfDay, end: minutesOfDay }, (range, path, fail) => {
  if ((range.start as number) >= (range.end as number)) fail(path, `starts at ${String(range.start)}, not before its end ${String(range.end)}`);
  if ((range.start as number) >= 24 * 60) fail([...path, 'start'], `is ${String(range.start)}, not within the day (0..1439)`);
});
const date = pattern(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const percent = number(0, 100);
const textValue = variants({ text: object({ kind: text, text }), param: object({ kind: text, param: text }) });
const period = oneOf('weekly', 'monthly', 'quarterly', 'yearly');

const duration = object(
  {
    amount: number(0, Number.MAX_SAFE_INTEGER),
    unit: oneOf('minutes', 'hours', 'days', 'businessDays', 'weeks', 'months'),
    'minutes?': number(0, Number.MAX_SAFE_INTEGER),
    text,
  },
  (value, path, fail) => {
    if (value.unit !== 'businessDays' && value.unit !== 'months' && value.minutes === undefined) fail([...path, 'minutes'], 'is missing');
  },
);

/** A review cadence: a whole number of months, weeks or days, from one step to the limit the language sets (SLA3028, SLA3083, SLA3084). */
const reviewEvery: Schema = (value, path, fail) => {
  duration(value, path, fail);
  const { unit, amount } = value as { unit: string; amount: number };
  oneOf(...Object.keys(MAX_REVIEW_EVERY))(unit, [...path, 'unit'], fail);
  const max = MAX_REVIEW_EVERY[unit as keyof typeof MAX_REVIEW_EVERY];
  if (amount < 1 || amount > max) fail([...path, 'amount'], `is ${amount}, not 1 to ${max} ${unit}`);
  else if (!Number.isInteger(amount)) fail([...path, 'amount'], `is ${amount}, not a whole number of ${unit}`);
};

/** A target or escalation delay: within the limit the language sets (SLA3070). */
const targetDuration: Schema = (value, path, fail) => {
  duration(value, path, fail);
  const { unit, amount, minutes } = value as { unit: string; amount: number; minutes?: number };
  if (unit === 'businessDays' && (!Number.isInteger(amount) || amount > MAX_TARGET_BUSINESS_DAYS)) {
    fail([...path, 'amount'], `is ${amount}, not a whole number of business days up to ${MAX_TARGET_BUSINESS_DAYS}`);
  }
  if (minutes !== undefined && minutes > MAX_TARGET_MINUTES) fail([...path, 'minutes'], `is ${minutes}, more than ${MAX_TARGET_MINUTES} (a year)`);
};

const calendar = object(
  {
    name: text,
    timezone: text,
    weekly: list(list(minuteRange)),
    holidays: list(object({ date, name: text, 'hours?': list(minuteRange) })),
    annualHolidays: list(object({ monthDay: pattern(/^\d{2}-\d{2}$/, 'MM-DD'), name: text, 'hours?': list(minuteRange) })),
    holidaySets: list(text),
    holidayFiles: list(object({ path: text, ics: text })),
  },
  (value, path, fail) => {
    if ((value.weekly as unknown[]).length !== 8) fail([...path, 'weekly'], 'must have 8 entries (index 0 unused, 1 = Monday)');
  },
);

const metric = object({
  name: text,
  title: text,
  measures: oneOf('firstResponse', 'resolution', 'firstEstimate', 'updateInterval', 'nextReply', 'uptime'),
  clock: text,
  'defaultTarget?': targetDuration,
  targets: record(targetDuration),
  channelTargets: list(object({ 'severity?': text, channel: text, duration: targetDuration })),
  'objective?': object({ percent, period }),
  excludingMaintenance: boolean,
  'pause?': object({ statuses: list(text) }),
});

const escalation = object({
  'clock?': text,
  levels: list(
    object({
      level: number(1, Number.MAX_SAFE_INTEGER, true),
      who: text,
      trigger: variants({
        at: object({ kind: text, percent: number(0, 1000), metric: text }),
        after: object({ kind: text, duration: targetDuration }),
      }),
    }),
  ),
});

/** The whole compiled model, `format` and `version` aside (checked first, with their own messages). */
export const agreementSchema = object({
  format: text,
  version: number(0, Number.MAX_SAFE_INTEGER, true),
  'agreement?': object({
    name: text,
    'title?': text,
    'version?': text,
    'effective?': date,
    'provider?': textValue,
    'client?': textValue,
    'contact?': text,
    'purpose?': text,
  }),
  params: list(object({ name: text, placeholder: text })),
  calendars: list(calendar),
  channels: list(object({ name: text, 'contact?': text, 'hours?': text, matches: list(text) })),
  severities: list(object({ name: text, 'description?': text, isDefault: boolean, matches: list(text) })),
  defaultSeverity: text,
  pause: object({ statuses: list(text) }),
  metrics: list(metric),
  'escalation?': escalation,
  'credits?': object({
    tiers: list(object({ metric: text, belowPercent: percent, creditPercent: percent })),
    'capPercent?': percent,
  }),
  responsibilities: object({ provider: list(text), client: list(text) }),
  clauses: list(object({ title: text, text })),
  'review?': object({
    'every?': reviewEvery,
    onRequest: boolean,
    afterMajorIncident: boolean,
    participants: list(object({ party: oneOf('Provider', 'Client'), text })),
    agenda: list(object({ title: text, text })),
    report: list(text),
    'notifyChangesBy?': text,
    'amendments?': text,
  }),
  'maintenance?': object({
    'window?': text,
    'notice?': duration,
    'atMost?': object({ duration, period }),
  }),
  sources: list(object({ path: text, sha256: text })),
});
