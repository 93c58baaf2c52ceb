import { MODEL_FORMAT, MODEL_VERSION, type AgreementModel } from '../language/model/model.js';
import { isValidTimeZone } from './clock/index.js';
import { isKnownHolidayCode } from './clock/holidays/index.js';
import { agreementSchema, pathText, type Fail, type ModelPath } from './model-schema.js';
import { setOwnValue } from '../language/model/own-keys.js';
import { jsonErrorPosition, jsonErrorReason, jsonPathPosition } from './json-error-position.js';

/**
 * The compiled model file (`NAME.sla.json`, written by `slac compile --emit
 * model`, read by `slac check`): the checked model as JSON, `format` and
 * `version` first, every other object's keys in alphabetical order (except
 * `targets`, which keeps the agreement's order), two-space indentation and
 * a final newline. The same model always gives the same bytes.
 */
export function serializeModel(model: AgreementModel): string {
  const { format, version, ...rest } = model;
  return `${JSON.stringify({ format, version, ...sortKeys(rest) }, null, 2)}\n`;
}

function sortKeys(value: unknown, keepOrder = false): Record<string, unknown> {
  const object = value as Record<string, unknown>;
  const keys = keepOrder ? Object.keys(object) : Object.keys(object).sort();
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const item = object[key];
    if (item !== undefined) setOwnValue(result, key, normalise(item, key === 'targets'));
  }
  return result;
}

function normalise(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value !== null && typeof value === 'object') return sortKeys(value, keepOrder);
  return value;
}

/** A compiled model that cannot be used; the message says why. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

/**
 * Reads a compiled model, checking its format, version, every value against
 * the model's schema (runtime/model-schema.ts) and every name it refers to.
 * Throws a ModelFileError naming the file, the line and column (where text
 * that is not JSON stops being JSON, or of the wrong value or key) and the
 * fault.
 */
export function parseModelJson(text: string, file: string): AgreementModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(`${file}${jsonErrorPosition(text, error)}: not a compiled model: not JSON (${jsonErrorReason(error)})`);
  }
  // A fault comes with its path as keys and indexes (and a wrong key as itself), for its line and
  // column: they cannot be read back out of its words, where a key may hold a quote, a dot or nothing.
  const refuse = (message: string, path: ModelPath = [], key?: string): never => {
    throw new ModelFileError(`${file}${jsonPathPosition(text, path, key)}: not a valid compiled model: ${message}`);
  };
  const fail: Fail = (path, fault, key) => refuse(`${pathText(path)} ${fault}`, path, key);
  if (!isObject(data)) return refuse('the file holds no JSON object');
  if (data.format !== MODEL_FORMAT) return fail(['format'], `is ${JSON.stringify(data.format)}, expected "${MODEL_FORMAT}" (write one with slac compile --emit model)`);
  if (data.version !== MODEL_VERSION) {
    return fail(['version'], `${JSON.stringify(data.version)} is not supported by this slac (it reads version ${MODEL_VERSION}); compile the .sla again with this slac`);
  }
  agreementSchema(data, [], fail);
  checkReferences(data as unknown as AgreementModel, fail);
  return data as unknown as AgreementModel;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every name the runtime looks up names a declaration of the model: a calendar, a severity, a channel, a metric. */
function checkReferences(model: AgreementModel, fail: Fail): void {
  const calendars = new Set(model.calendars.map((calendar) => calendar.name));
  const severities = new Set(model.severities.map((severity) => severity.name));
  const channels = new Set(model.channels.map((channel) => channel.name));
  const metrics = new Set(model.metrics.map((metric) => metric.name));
  /** `name`, the value at `path` (or, `asKey`, a key of the object there), names one of `names`. */
  const known = (names: Set<string>, name: string | undefined, path: ModelPath, kind: string, asKey = false): void => {
    if (name !== undefined && !names.has(name)) fail(path, `'${name}' is not one of the ${kind}`, asKey ? name : undefined);
  };
  model.calendars.forEach((calendar, index) => {
    if (!isValidTimeZone(calendar.timezone)) fail(['calendars', index, 'timezone'], `'${calendar.timezone}' is not a known time zone`);
    calendar.holidaySets?.forEach((code, at) => {
      if (!isKnownHolidayCode(code)) fail(['calendars', index, 'holidaySets', at], `'${code}' is not a holiday code of the date-holidays data set`);
    });
  });
  model.channels.forEach((channel, index) => known(calendars, channel.hours, ['channels', index, 'hours'], 'calendars'));
  model.metrics.forEach((metric, index) => {
    const path = ['metrics', index] as const;
    known(calendars, metric.clock, [...path, 'clock'], 'calendars');
    for (const severity of Object.keys(metric.targets)) known(severities, severity, [...path, 'targets'], 'severities', true);
    metric.channelTargets.forEach((target, at) => {
      known(severities, target.severity, [...path, 'channelTargets', at, 'severity'], 'severities');
      known(channels, target.channel, [...path, 'channelTargets', at, 'channel'], 'channels');
    });
  });
  known(calendars, model.escalation?.clock, ['escalation', 'clock'], 'calendars');
  model.escalation?.levels.forEach((level, index) => {
    if (level.trigger.kind === 'at') known(metrics, level.trigger.metric, ['escalation', 'levels', index, 'trigger', 'metric'], 'metrics');
  });
  model.credits?.tiers.forEach((tier, index) => known(metrics, tier.metric, ['credits', 'tiers', index, 'metric'], 'metrics'));
  known(calendars, model.maintenance?.window, ['maintenance', 'window'], 'calendars');
  known(severities, model.defaultSeverity, ['defaultSeverity'], 'severities');
}
