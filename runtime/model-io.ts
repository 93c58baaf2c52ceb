import { MODEL_FORMAT, MODEL_VERSION, type AgreementModel } from '../language/model/model.js';
import { isValidTimeZone } from './clock/index.js';

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
    if (item !== undefined) result[key] = normalise(item, key === 'targets');
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
 * Reads a compiled model, checking its format, version and the shape the
 * runtime relies on. Throws a ModelFileError naming the file and the fault.
 */
export function parseModelJson(text: string, file: string): AgreementModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(`${file}: not a compiled model: ${(error as Error).message}`);
  }
  const fail = (what: string): never => {
    throw new ModelFileError(`${file}: not a valid compiled model: ${what}`);
  };
  if (!isObject(data)) return fail('the file holds no JSON object');
  if (data.format !== MODEL_FORMAT) return fail(`format is ${JSON.stringify(data.format)}, expected "${MODEL_FORMAT}" (write one with slac compile --emit model)`);
  if (data.version !== MODEL_VERSION) {
    return fail(`version ${JSON.stringify(data.version)} is not supported by this slac (it reads version ${MODEL_VERSION}); compile the .sla again with this slac`);
  }
  new ShapeChecker(fail).agreement(data);
  return data as unknown as AgreementModel;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks the parts of the model the runtime reads, with a path in each message. */
class ShapeChecker {
  constructor(private readonly fail: (what: string) => never) {}

  agreement(data: Record<string, unknown>): void {
    for (const key of ['params', 'calendars', 'channels', 'severities', 'metrics', 'clauses', 'sources']) this.list(data, key, key);
    this.text(data, 'defaultSeverity', 'defaultSeverity');
    this.object(data, 'pause', 'pause');
    this.list(data.pause as Record<string, unknown>, 'statuses', 'pause.statuses');
    this.object(data, 'responsibilities', 'responsibilities');
    (data.calendars as unknown[]).forEach((calendar, index) => this.calendar(calendar, `calendars[${index}]`));
    (data.severities as unknown[]).forEach((severity, index) => this.matching(severity, `severities[${index}]`));
    (data.channels as unknown[]).forEach((channel, index) => this.matching(channel, `channels[${index}]`));
    (data.metrics as unknown[]).forEach((metric, index) => this.metric(metric, `metrics[${index}]`));
    const severities = (data.severities as { name: string }[]).map((severity) => severity.name);
    if (!severities.includes(data.defaultSeverity as string)) this.fail(`defaultSeverity '${String(data.defaultSeverity)}' is not one of the severities`);
  }

  private calendar(value: unknown, path: string): void {
    const calendar = this.named(value, path);
    this.text(calendar, 'timezone', `${path}.timezone`);
    if (!isValidTimeZone(calendar.timezone as string)) this.fail(`${path}.timezone '${String(calendar.timezone)}' is not a known time zone`);
    this.list(calendar, 'weekly', `${path}.weekly`);
    if ((calendar.weekly as unknown[]).length !== 8) this.fail(`${path}.weekly must have 8 entries (index 0 unused, 1 = Monday)`);
    for (const key of ['holidays', 'annualHolidays', 'holidaySets', 'holidayFiles']) this.list(calendar, key, `${path}.${key}`);
  }

  /** A severity or channel: a name and the log values that mean it. */
  private matching(value: unknown, path: string): void {
    this.list(this.named(value, path), 'matches', `${path}.matches`);
  }

  private metric(value: unknown, path: string): void {
    const metric = this.named(value, path);
    for (const key of ['measures', 'clock', 'title']) this.text(metric, key, `${path}.${key}`);
    this.object(metric, 'targets', `${path}.targets`);
    this.list(metric, 'channelTargets', `${path}.channelTargets`);
  }

  private named(value: unknown, path: string): Record<string, unknown> {
    if (!isObject(value)) return this.fail(`${path} is not an object`);
    this.text(value, 'name', `${path}.name`);
    return value;
  }

  private text(data: Record<string, unknown>, key: string, path: string): void {
    if (typeof data[key] !== 'string') this.fail(`${path} is missing or not text`);
  }

  private list(data: Record<string, unknown>, key: string, path: string): void {
    if (!Array.isArray(data[key])) this.fail(`${path} is missing or not a list`);
  }

  private object(data: Record<string, unknown>, key: string, path: string): void {
    if (!isObject(data[key])) this.fail(`${path} is missing or not an object`);
  }
}
