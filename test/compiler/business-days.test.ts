/**
 * What the Business Day definition says a target of N Business Days counts
 * from, for each kind of service level, as `slac check` computes it
 * (SEMANTICS.md: a target is measured from the metric's start; a next-reply
 * cycle's `N business days` from the customer message that started it,
 * runtime/evaluate/verdict.ts; an update interval's once, from the opening,
 * for every gap). And that the rule for open hours past midnight is stated
 * with the calendar it applies to.
 */
import { describe, expect, test } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import { renderMarkdown } from '../../compiler/render/markdown.js';
import type { AgreementModel, MetricModel } from '../../language/model/model.js';
import { prose } from './helpers.js';
import { agreement, calendar, duration, metric } from './model-builder.js';

const markdownOf = (model: AgreementModel): string => prose(renderMarkdown(buildAgreementDocument(model, {}, () => [])));

/** The Business Day definition alone, from its term to the next definition. */
function businessDayDefinition(text: string): string {
  const start = text.indexOf('**Business Day** means');
  expect(start, 'a Business Day definition').toBeGreaterThanOrEqual(0);
  const end = text.indexOf(' - **', start);
  return text.slice(start, end < 0 ? undefined : end);
}

const inBusinessDays = (name: string, measures: MetricModel['measures'], clock = 'Office'): MetricModel =>
  metric(name, { title: name, measures, clock, defaultTarget: duration(2, 'businessDays') });

const FROM_OPENING = 'A target of N Business Days falls due at the close of the N-th Business Day after the day the Ticket was opened.';
const ANY_OTHER = 'Any other target of N Business Days falls due at the close of the N-th Business Day after the day the Ticket was opened.';
const NEXT_REPLY =
  'A target of N Business Days for the answer to a Further Message falls due at the close of the N-th Business Day after the day of that message (or of the earliest of several messages not yet answered), not after the day the Ticket was opened.';
const UPDATE_INTERVAL =
  'A target of N Business Days for an Update Interval is worked out once, from the day the Ticket was opened: each Update Interval of the Ticket, including one that starts at an update by the Provider, may last no more open hours than there are from the opening of the Ticket to the close of the N-th Business Day after that day.';
const CLOSE = 'The close of a Business Day is the end of its last open hours.';

describe('what a target of N Business Days counts from', () => {
  test.each<[string, MetricModel['measures'][], string[], string[]]>([
    ['resolution only: from the day the Ticket was opened', ['resolution'], [CLOSE, FROM_OPENING], [NEXT_REPLY, UPDATE_INTERVAL, ANY_OTHER]],
    ['next reply only: from the day of each Further Message', ['nextReply'], [CLOSE, NEXT_REPLY], [FROM_OPENING, ANY_OTHER, UPDATE_INTERVAL]],
    ['update interval only: worked out once, from the opening', ['updateInterval'], [CLOSE, UPDATE_INTERVAL], [FROM_OPENING, ANY_OTHER, NEXT_REPLY]],
    [
      'all three: each stated, the others "any other"',
      ['resolution', 'nextReply', 'updateInterval'],
      [CLOSE, NEXT_REPLY, UPDATE_INTERVAL, ANY_OTHER],
      [FROM_OPENING],
    ],
  ])('%s', (_name, measures, present, absent) => {
    const model = agreement({ metrics: measures.map((measures, index) => inBusinessDays(`M${index}`, measures)) });
    const definition = businessDayDefinition(markdownOf(model));
    for (const sentence of present) expect(definition).toContain(sentence);
    for (const sentence of absent) expect(definition).not.toContain(sentence);
  });

  test('a next-reply target in business hours leaves the definition out', () => {
    const model = agreement({ metrics: [metric('Reply', { measures: 'nextReply', defaultTarget: duration(4, 'hours') })] });
    expect(markdownOf(model)).not.toContain('**Business Day**');
  });

  test('an escalation after N Business Days alone defines the term it uses', () => {
    const model = agreement({
      metrics: [metric('Fix', { measures: 'resolution', defaultTarget: duration(8, 'hours') })],
      escalation: { clock: 'Office', levels: [{ level: 1, who: 'Manager', trigger: { kind: 'after', duration: duration(1, 'businessDays') } }] },
    });
    const text = markdownOf(model);
    expect(text).toContain('at the close of the 1st Business Day after the day the Ticket is opened');
    // Its one service level is in hours: what counts Business Days from the opening is a level, not a target.
    expect(businessDayDefinition(text)).toContain(FROM_OPENING.replace('A target', 'An escalation level'));
    expect(businessDayDefinition(text)).not.toContain('target of N Business Days');
  });
});

describe('open hours past midnight, where Business Days are explained', () => {
  // Sunday to Thursday 22:00-06:00: Thursday's shift ends on Friday, which has no hours of its own.
  const nightDesk = calendar('NightDesk', [7, 1, 2, 3, 4], ['22:00-06:00']);
  const night = (measures: MetricModel['measures']): AgreementModel =>
    agreement({ calendars: [calendar('Office', [1, 2, 3, 4, 5], ['09:00-17:00']), nightDesk], metrics: [inBusinessDays('Reply', measures, 'NightDesk')] });
  const EXAMPLE =
    'the Night Desk Hours from Thursday 22:00 to Friday 06:00 make Thursday a Business Day, which closes at 06:00 on Friday, and Friday, with no open hours starting on it, is not one';

  test('the definition gives the rule with the calendar it applies to', () => {
    const definition = businessDayDefinition(markdownOf(night('nextReply')));
    expect(definition).toContain(`Open hours that run past midnight belong to the day on which they start: ${EXAMPLE}.`);
    expect(definition).toContain(NEXT_REPLY);
  });

  test('the calendar’s own section states it under its hours', () => {
    const text = markdownOf(night('updateInterval'));
    const section = text.slice(text.indexOf('### 3.3 Night Desk Hours'));
    expect(section).toContain(
      `For a target in Business Days, open hours that run past midnight belong to the day on which they start: ${EXAMPLE.replace('the Night Desk Hours', 'the hours')}.`,
    );
  });

  test('a calendar with no overnight hours, or no target in Business Days, has no such sentence', () => {
    const office = markdownOf(agreement({ metrics: [inBusinessDays('Fix', 'resolution')] }));
    expect(office).not.toContain('For a target in Business Days');
    expect(office).not.toContain('which closes at');
    const hoursOnly = agreement({
      calendars: [calendar('Office', [1, 2, 3, 4, 5], ['09:00-17:00']), nightDesk],
      metrics: [metric('Reply', { measures: 'nextReply', clock: 'NightDesk', defaultTarget: duration(4, 'hours') })],
    });
    expect(markdownOf(hoursOnly)).not.toContain('For a target in Business Days');
  });

  test('a shift followed by a day with hours of its own belongs to the day it starts', () => {
    const nights = calendar('Nights', [1, 2, 3, 4, 5, 6, 7], ['22:00-06:00']);
    const model = agreement({ calendars: [nights], metrics: [inBusinessDays('Fix', 'resolution', 'Nights')] });
    expect(businessDayDefinition(markdownOf(model))).toContain(
      'Open hours that run past midnight belong to the day on which they start: the Nights Hours from Monday 22:00 to Tuesday 06:00 belong to Monday, which closes at 06:00 on Tuesday.',
    );
  });
});
