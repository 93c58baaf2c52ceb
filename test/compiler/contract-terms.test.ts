import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { calendarTerm } from '../../compiler/document/context.js';
import { documentFingerprint } from '../../compiler/document/fingerprint.js';
import { curlApostrophes } from '../../compiler/document/apostrophes.js';
import { spellAllowance, spellMinutes } from '../../compiler/document/periods.js';
import { agreement, calendar, duration, metric } from './model-builder.js';
import { EXAMPLES, loadModel, prose } from './helpers.js';
import { markdownTerms, undefinedUses, unusedDefinitions, usesTerm } from './terms.js';

const markdownOf = (model: ReturnType<typeof agreement>): string => renderAgreement(model).markdown;

describe('every generated sentence comes from a declaration', () => {
  const review = { participants: [], agenda: [], report: [], afterMajorIncident: true, onRequest: false } as never;
  const ticketOnly = agreement({ metrics: [metric('Response', { targets: { High: duration(1, 'hours') } })], review });
  const uptimeOnly = agreement({ metrics: [metric('Uptime', { measures: 'uptime', objective: { percent: 99, period: 'monthly' } })], review });

  test.each([
    ['no availability objective: no missed availability objective', ticketOnly, 'availability objective'],
    ['no ticket metric: no ticket that misses its target', uptimeOnly, 'missed its target'],
    ['no credits: no Fee or Service Credit', ticketOnly, 'Fee'],
    ['no uptime: no Downtime, Service or Scheduled Time', ticketOnly, 'Downtime'],
    ['no uptime: no Service', ticketOnly, '**Service**'],
    ['no business days: no Business Day', ticketOnly, 'Business Day'],
    ['no maintenance: no Scheduled Maintenance', uptimeOnly, 'Scheduled Maintenance'],
    ['no escalation: no Escalation section', ticketOnly, 'Escalation'],
    ['no channels: no Channels', ticketOnly, 'Channels'],
    ['no pause statuses: no Paused Time', ticketOnly, 'Paused Time'],
    ['no next reply: no Further Message', ticketOnly, 'Further Message'],
  ])('%s', (_name, model, absent) => {
    expect(markdownOf(model)).not.toContain(absent);
  });

  test('the review sentence names what the agreement has', () => {
    expect(markdownOf(ticketOnly)).toContain('after a major incident (a Ticket whose latest Severity Level is High and that has missed its target, set for that level or another)');
    expect(markdownOf(uptimeOnly)).toContain('after a major incident (a missed availability objective)');
  });

  test('Business Day appears, with the rule the clock computes, when a target is in business days', () => {
    // The holiday rule is stated for a calendar with holidays (defined-terms.test.ts: none without).
    const office = calendar('Office', [1, 2, 3, 4, 5], ['09:00-17:00'], { holidaySets: ['DE-BE'] });
    const model = agreement({ calendars: [office], metrics: [metric('Fix', { measures: 'resolution', targets: { High: duration(2, 'businessDays') } })] });
    expect(markdownOf(model)).toContain('a holiday on which it is open for short hours is one');
  });
});

describe('allowances are rounded down', () => {
  test.each([
    [44.5833333, '44 minutes 34 seconds', '44 minutes 35 seconds'],
    [43.2, '43 minutes 12 seconds', '43 minutes 12 seconds'],
    [0.99, '59 seconds', '59 seconds'],
    [0.999, '59 seconds', '1 minute'],
  ])('%s minutes', (minutes, down, nearest) => {
    expect(spellAllowance(minutes)).toBe(down);
    expect(spellMinutes(minutes)).toBe(nearest);
  });
});

describe('the document fingerprint', () => {
  const model = loadModel(EXAMPLES.find(({ name }) => name === 'finance')!.file);
  const base = documentFingerprint(model, {});

  test('covers imported files, holiday files and param values', () => {
    expect(model.sources.length).toBeGreaterThan(1);
    const imported = { ...model, sources: model.sources.map((source, index) => (index === 1 ? { ...source, sha256: 'f'.repeat(64) } : source)) };
    expect(documentFingerprint(imported, {})).not.toBe(base);
    const withIcs = { ...model, calendars: [...model.calendars, calendar('Extra', [1], ['09:00-17:00'], { holidayFiles: [{ path: 'x.ics', ics: 'A' }] })] };
    const otherIcs = { ...model, calendars: [...model.calendars, calendar('Extra', [1], ['09:00-17:00'], { holidayFiles: [{ path: 'x.ics', ics: 'B' }] })] };
    expect(documentFingerprint(withIcs, {})).not.toBe(documentFingerprint(otherIcs, {}));
    const name = model.params[0]?.name ?? 'client';
    expect(documentFingerprint(model, { [name]: 'A Ltd' })).not.toBe(documentFingerprint(model, { [name]: 'B Ltd' }));
    expect(documentFingerprint(model, {})).toBe(base);
  });

  test('is in the document model, the footer, and the Markdown and HTML with what it identifies', () => {
    const rendered = renderAgreement(model);
    expect(rendered.document.fingerprint).toBe(base);
    expect(rendered.document.footer.sourceHash).toBe(base);
    const note = `Document fingerprint: ${base.slice(0, 12)}. These are the first 12 hex digits of a SHA-256 hash over every source file`;
    expect(rendered.markdown).toContain(note);
    expect(rendered.html).toContain(base.slice(0, 12));
  });
});

test.each([
  ['AroundTheClock', 'Around the Clock Hours'],
  ['OnCall', 'On Call Hours'],
  ['BusinessHours', 'Business Hours'],
  ['office_hours', 'Office Hours'],
  ['SLADesk', 'SLA Desk Hours'],
  // A name that ends in Hours gets no second one, however it is capitalised.
  ['OFFICE_HOURS', 'OFFICE HOURS'],
  ['officehours', 'Officehours Hours'],
])('calendar %s reads as the term %s', (name, term) => expect(calendarTerm(name)).toBe(term));

test('one apostrophe: straight ones between letters become ’', () => {
  expect(curlApostrophes("Client's New Year's Day 'quoted'")).toBe("Client’s New Year’s Day 'quoted'");
});

describe.each(EXAMPLES)('terms in $name', ({ file }) => {
  const model = loadModel(file);
  const { markdown } = renderAgreement(model);
  const terms = markdownTerms(markdown);

  test('has definitions', () => expect(terms.defined.length).toBeGreaterThan(3));
  test('every defined term is used outside the definitions', () => {
    expect(unusedDefinitions(terms)).toEqual([]);
  });
  test('every term used capitalised is defined', () => {
    expect(undefinedUses(terms, model.calendars.map((candidate) => calendarTerm(candidate.name)))).toEqual([]);
  });
  test('a lower-case use is not a use', () => {
    expect(usesTerm('the ticket is resolved', 'Ticket')).toBe(false);
    expect(usesTerm('see Service Levels', 'Service')).toBe(false);
    expect(usesTerm('within 10 Business Days', 'Business Day')).toBe(true);
  });
  test('each ticket commitment is stated once, in the targets table, and the worked examples are tables', () => {
    const levels = markdown.slice(markdown.indexOf('. Service Levels\n'), markdown.indexOf('\n## ', markdown.indexOf('. Service Levels\n')));
    expect(levels).toContain('| Service level | Hours |');
    expect(levels).not.toMatch(/within \d/);
    expect(markdown).not.toMatch(/is due for|falls due by/);
  });
  test('one style: the Agreement, one apostrophe', () => {
    expect(markdown).not.toMatch(/this Agreement/);
    expect(markdown).not.toMatch(/\p{L}'\p{L}/u);
  });
});

describe('the review cadence', () => {
  const reviewEvery = (amount: number, unit: 'months' | 'weeks' | 'days') =>
    agreement({ review: { every: duration(amount, unit), participants: [], agenda: [], report: [], afterMajorIncident: false, onRequest: false } as never });

  // `every 1 month` is no English a lawyer would sign; a count of one is the unit alone.
  test.each([
    [1, 'months', 'delivered under it every month.'],
    [1, 'weeks', 'delivered under it every week.'],
    [1, 'days', 'delivered under it every day.'],
    [3, 'months', 'delivered under it every 3 months.'],
  ] as const)('every %s %s', (amount, unit, sentence) => {
    expect(markdownOf(reviewEvery(amount, unit))).toContain(sentence);
  });
});

describe('reviews counted from an effective date late in the month', () => {
  const review = { every: duration(1, 'months'), participants: [], agenda: [], report: [], afterMajorIncident: false, onRequest: false } as never;
  const effectiveOn = (effective: string) =>
    agreement({ agreement: { ...agreement().agreement!, effective }, review });

  // slac check counts every review from the effective date (SEMANTICS.md, Review): from 31 January, 28 February
  // and then 31 March, not 28 March as a reader counting on from the first review would take it.
  test('the day of later reviews is stated when a month can lack it', () => {
    const text = prose(markdownOf(effectiveOn('2026-01-31')));
    expect(text).toContain(
      'The first scheduled review falls due on 28 February 2026. Each later scheduled review falls due on the 31st of its month, or on the last day of a month that has no 31st.',
    );
  });

  test('not when every month has that day', () => {
    expect(markdownOf(effectiveOn('2026-01-28'))).not.toContain('Each later scheduled review');
  });
});

describe('Business Days and Paused Time', () => {
  // slac check turns N Business Days into the open time from the start to the N-th close (SEMANTICS.md, Ticket
  // metrics) and does not count Paused Time: opened Monday 10:00 with 1 Business Day, paused 11:00-15:00, the
  // Ticket is due Wednesday 13:00, not at Tuesday's close, which is all the definition said.
  const fix = metric('Fix', { measures: 'resolution', targets: { High: duration(1, 'businessDays') } });
  const sentence = 'N Business Days amount to the open hours from the moment the clock starts to that close. Paused Time moves the time N Business Days fall due later by the open hours paused.';

  test('with pauses, the definition says the close moves', () => {
    expect(prose(markdownOf(agreement({ metrics: [fix], pause: { statuses: ['Waiting'] } })))).toContain(sentence);
  });

  test('without pauses, only what the days amount to', () => {
    const text = prose(markdownOf(agreement({ metrics: [fix] })));
    expect(text).toContain('N Business Days amount to the open hours from the moment the clock starts to that close.');
    expect(text).not.toContain('open hours paused');
  });

  // An Update Interval's N Business Days are worked out from the opening of the Ticket, not from the start of each interval.
  test('an Update Interval keeps its own amount', () => {
    const updates = metric('Updates', { measures: 'updateInterval', defaultTarget: duration(1, 'businessDays') });
    const text = prose(markdownOf(agreement({ metrics: [updates, fix], pause: { statuses: ['Waiting'] } })));
    expect(text).toContain('Any other N Business Days amount to the open hours from the moment the clock starts to that close. Paused Time moves');
    const alone = prose(markdownOf(agreement({ metrics: [updates], pause: { statuses: ['Waiting'] } })));
    expect(alone).not.toContain('amount to the open hours from the start');
    expect(alone).toContain('Paused Time moves the time N Business Days fall due later by the open hours paused.');
  });

  // With a next reply beside another service level in Business Days, 'that close' read as the last close named
  // (after the day the Ticket was opened), not the close after the day of each Further Message.
  test.each([['a resolution', 'resolution'], ['an Update Interval', 'updateInterval']] as const)('a next reply beside %s: to the close at which they fall due', (_name, measures) => {
    const reply = metric('Reply', { measures: 'nextReply', defaultTarget: duration(1, 'businessDays') });
    const other = metric('Other', { measures, defaultTarget: duration(2, 'businessDays') });
    const text = prose(markdownOf(agreement({ metrics: [reply, other] })));
    expect(text).toContain('N Business Days amount to the open hours from the moment the clock starts to the close at which they fall due.');
    expect(text).not.toContain('to that close');
  });

  // Paused Time moves the due of only those N Business Days whose clock it stops: with 'pause never', or the
  // service level's own pauses, the definition contradicted the service level's 'Paused Time counts'.
  test.each([
    ['pause never', { statuses: [] }, []],
    ['its own pauses', { statuses: ['On hold'] }, ['Time during which a service level’s clock stops for a Ticket’s status moves']],
  ])('a service level in Business Days with %s: Paused Time moves nothing', (_name, pause, present) => {
    const text = prose(markdownOf(agreement({ metrics: [{ ...fix, pause }], pause: { statuses: ['Waiting'] } })));
    expect(text).not.toContain('Paused Time moves');
    for (const sentence of present) expect(text).toContain(sentence);
  });

  test('with a service level\'s own pauses only, without the undefined term', () => {
    const own = { ...fix, pause: { statuses: ['On hold'] } };
    expect(prose(markdownOf(agreement({ metrics: [own] })))).toContain(
      'to that close. Time during which a service level’s clock stops for a Ticket’s status moves the time N Business Days fall due later by the open hours stopped.',
    );
  });
});
