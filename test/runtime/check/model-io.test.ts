import { describe, expect, it } from 'vitest';
import { checkEvents } from '../../../runtime/check.js';
import { ModelFileError, parseModelJson, serializeModel } from '../../../runtime/model-io.js';
import { supportModel } from './fixture-model.js';

const events = [
  { ticket: 'A', time: '2026-03-02T09:00:00-05:00', event: 'created', severity: 'Critical' },
  { ticket: 'A', time: '2026-03-02T15:00:00-05:00', event: 'resolved' },
];

describe('compiled model file', () => {
  it('round-trips: serialize, parse, same report', () => {
    const text = serializeModel(supportModel);
    const parsed = parseModelJson(text, 'support.sla.json');
    expect(parsed).toEqual(supportModel);
    expect(checkEvents(parsed, events)).toEqual(checkEvents(supportModel, events));
  });

  it('is stable: format and version first, keys sorted, targets in declared order, final newline', () => {
    const text = serializeModel(supportModel);
    expect(text.startsWith('{\n  "format": "slac-model",\n  "version": 2,\n  "agreement": {')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const reordered = { ...supportModel, metrics: supportModel.metrics.map((metric) => ({ ...metric, targets: { ...metric.targets } })) };
    expect(serializeModel(JSON.parse(JSON.stringify(reordered)))).toBe(text);
    expect(text.indexOf('"Critical": {')).toBeLessThan(text.indexOf('"Standard": {'));
  });

  const broken: [string, (model: Record<string, unknown>) => unknown, RegExp][] = [
    ['another format', (model) => ({ ...model, format: 'something' }), /format is "something", expected "slac-model"/],
    ['a newer version', (model) => ({ ...model, version: 3 }), /version 3 is not supported/],
    ['a 1.0 model', (model) => ({ ...model, version: 1 }), /version 1 is not supported/],
    ['a calendar without its 1.1 holiday lists', (model) => ({ ...model, calendars: [{ ...(model.calendars as object[])[0], holidaySets: undefined }] }), /calendars\[0\]\.holidaySets is missing or not a list/],
    ['a channel without matches', (model) => ({ ...model, channels: [{ name: 'Email' }] }), /channels\[0\]\.matches is missing or not a list/],
    ['no calendars', (model) => ({ ...model, calendars: undefined }), /calendars is missing or not a list/],
    ['an unknown time zone', (model) => ({ ...model, calendars: [{ ...(model.calendars as object[])[0], timezone: 'Mars/Base' }] }), /calendars\[0\]\.timezone 'Mars\/Base' is not a known time zone/],
    ['a metric without clock', (model) => ({ ...model, metrics: [{ name: 'X', title: 'X', measures: 'resolution', targets: {} }] }), /metrics\[0\]\.clock is missing/],
    ['a review every 0 months', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 0, unit: 'months', text: '0 months' } } }), /review\.every\.amount is 0, not 1 to 120 months/],
    ['a review every 121 months', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 121, unit: 'months', text: '121 months' } } }), /review\.every\.amount is 121, not 1 to 120 months/],
    ['a review every 521 weeks', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 521, unit: 'weeks', minutes: 521 * 10080, text: '521 weeks' } } }), /review\.every\.amount is 521, not 1 to 520 weeks/],
    ['a review every 0 days', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 0, unit: 'days', minutes: 0, text: '0 days' } } }), /review\.every\.amount is 0, not 1 to 3650 days/],
    ['a review every 1.5 months', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 1.5, unit: 'months', text: '1.5 months' } } }), /review\.every\.amount is 1\.5, not a whole number of months/],
    ['a review every 2.5 days', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 2.5, unit: 'days', minutes: 3600, text: '2.5 days' } } }), /review\.every\.amount is 2\.5, not a whole number of days/],
    ['a review every few hours', (model) => ({ ...model, review: { ...(model.review as object), every: { amount: 2, unit: 'hours', minutes: 120, text: '2 hours' } } }), /review\.every\.unit is "hours", not one of "months", "weeks", "days"/],
    ['an unknown default severity', (model) => ({ ...model, defaultSeverity: 'Nope' }), /defaultSeverity 'Nope'/],
  ];
  it.each(broken)('rejects %s with a clear message', (_name, change, message) => {
    const text = JSON.stringify(change(JSON.parse(serializeModel(supportModel))));
    expect(() => parseModelJson(text, 'x.sla.json')).toThrow(ModelFileError);
    expect(() => parseModelJson(text, 'x.sla.json')).toThrow(message);
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseModelJson('{ nope', 'x.sla.json')).toThrow(/^x\.sla\.json:1:3: not a compiled model: not JSON \(/);
  });
});

describe('where a compiled model is wrong', () => {
  type Change = (model: Record<string, any>) => void;
  // Faults at keys whose path cannot be read back out of the message's words (a quote in the key,
  // an empty key, a key that another key starts), and what the line and column point at in the
  // model as `compile --emit model` writes it (indented): the value named, or the wrong key.
  const faults: [string, Change, string, string][] = [
    ["a target for a severity named It's", (m) => (m.metrics[1].targets["It's"] = m.metrics[1].targets.Critical), "metrics[1].targets 'It's' is not one of the severities", '"It\'s"'],
    ["a target for a severity named Critical's", (m) => (m.metrics[1].targets["Critical's"] = m.metrics[1].targets.Critical), "metrics[1].targets 'Critical's' is not one of the severities", '"Critical\'s"'],
    ['a target for a severity named with nothing', (m) => (m.metrics[1].targets[''] = m.metrics[1].targets.Critical), "metrics[1].targets '' is not one of the severities", '""'],
    ['a wrong target of a severity named with nothing', (m) => (m.metrics[1].targets[''] = { ...m.metrics[1].targets.Critical, minutes: -5 }), 'metrics[1].targets..minutes is -5, outside 0..', '-5'],
    ['a wrong target next to a severity named Critical.minutes', (m) => ((m.metrics[1].targets.Critical.minutes = -5), (m.metrics[1].targets['Critical.minutes'] = m.metrics[1].targets.Standard)), 'metrics[1].targets.Critical.minutes is -5, outside 0..', '-5'],
    ['a field named with nothing', (m) => (m.metrics[1][''] = 7), 'metrics[1]. is not a field of a compiled model', '7'],
  ];
  it.each(faults)('refuses %s at its line and column', (_name, change, fault, pointed) => {
    const model = JSON.parse(serializeModel(supportModel));
    change(model);
    const text = JSON.stringify(model, null, 2);
    const message = (() => {
      try {
        parseModelJson(text, 'x.sla.json');
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    })();
    const at = /^x\.sla\.json:(\d+):(\d+): not a valid compiled model: (.*)$/.exec(message);
    expect(at?.[3], message).toContain(fault);
    const line = text.split('\n')[Number(at![1]) - 1]!;
    expect(line.slice(Number(at![2]) - 1).startsWith(pointed), `line ${at![1]}: ${line}`).toBe(true);
  });
});
