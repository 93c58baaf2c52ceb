import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { calendarTerm } from '../../compiler/document/context.js';
import { hasHolidays } from '../../compiler/document/holiday-dates.js';
import type { AgreementModel } from '../../language/model/model.js';
import { agreement, calendar, duration, metric } from './model-builder.js';
import { markdownTerms, undefinedUses, unusedDefinitions } from './terms.js';

// Agreements the examples do not cover, each with fewer (or other) features than they have.
const always = calendar('Always', [1, 2, 3, 4, 5, 6, 7], ['00:00-24:00']);
const uptime = metric('Uptime', { measures: 'uptime', clock: 'Always', objective: { percent: 99.9, period: 'monthly' } });

const VARIANTS: [string, AgreementModel][] = [
  ['first estimate is the only ticket metric', agreement({ metrics: [metric('Estimate', { measures: 'firstEstimate', defaultTarget: duration(4, 'hours') })] })],
  ['business days on a calendar without holidays', agreement({ metrics: [metric('Fix', { measures: 'resolution', defaultTarget: duration(2, 'businessDays') })] })],
  ['pause statuses but only an availability objective', agreement({ calendars: [always], severities: [], pause: { statuses: ['Waiting'] }, metrics: [uptime] })],
  ['an escalation timed in business hours and no ticket service level', agreement({ escalation: { clock: 'Office', levels: [{ level: 1, who: 'Duty manager', trigger: { kind: 'after', duration: duration(4, 'hours') } }] } } as never)],
  [
    'the author redefines generated terms in lower case',
    agreement({
      calendars: [always],
      metrics: [uptime, metric('Fix', { measures: 'resolution', clock: 'Always', defaultTarget: duration(8, 'hours') })],
      terms: [
        { term: 'service', definition: 'the hosting of the website' },
        { term: 'ticket', definition: 'a support request' },
        { term: 'always  hours', definition: 'all the time' },
      ],
    }),
  ],
];

test('with one severity, Severity Level names it as the only level, not as a list of levels', () => {
  const model = agreement({ severities: [{ name: 'Normal', isDefault: true, matches: [] }], defaultSeverity: 'Normal', metrics: [metric('Fix', { measures: 'resolution', defaultTarget: duration(4, 'hours') })] });
  expect(renderAgreement(model).markdown).toContain('**Severity Level** means the level of impact given to a Ticket; the only level is Normal.');
});

describe.each(VARIANTS)('defined terms when %s', (_name, model) => {
  const { markdown } = renderAgreement(model);
  const terms = markdownTerms(markdown);
  const calendars = model.calendars.map((candidate) => calendarTerm(candidate.name));

  test('every defined term is used outside the definitions', () => expect(unusedDefinitions(terms)).toEqual([]));
  test('every term used capitalised, in the body or in a definition, is defined', () => {
    expect(undefinedUses({ defined: terms.defined, body: markdown }, calendars)).toEqual([]);
  });
  test('no definition speaks of holidays when no calendar has any', () => {
    const definitions = markdown.slice(markdown.indexOf('## 2. Definitions'), markdown.indexOf('\n## 3.'));
    if (!model.calendars.some(hasHolidays)) expect(definitions).not.toMatch(/holiday/i);
  });
  test('each term is defined once', () => expect(terms.defined.filter((term, index) => terms.defined.indexOf(term) !== index)).toEqual([]));
});
