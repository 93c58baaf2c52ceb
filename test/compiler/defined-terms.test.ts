import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { calendarTerm } from '../../compiler/document/context.js';
import type { AgreementModel } from '../../language/model/model.js';
import { agreement, duration, metric } from './model-builder.js';
import { markdownTerms, undefinedUses, unusedDefinitions } from './terms.js';

// Agreements the examples do not cover, each with fewer (or other) features than they have.

const VARIANTS: [string, AgreementModel][] = [
  ['first estimate is the only ticket metric', agreement({ metrics: [metric('Estimate', { measures: 'firstEstimate', defaultTarget: duration(4, 'hours') })] })],
];

describe.each(VARIANTS)('defined terms when %s', (_name, model) => {
  const { markdown } = renderAgreement(model);
  const terms = markdownTerms(markdown);
  const calendars = model.calendars.map((candidate) => calendarTerm(candidate.name));

  test('every defined term is used outside the definitions', () => expect(unusedDefinitions(terms)).toEqual([]));
  test('every term used capitalised, in the body or in a definition, is defined', () => {
    expect(undefinedUses({ defined: terms.defined, body: markdown }, calendars)).toEqual([]);
  });
  test('each term is defined once', () => expect(terms.defined.filter((term, index) => terms.defined.indexOf(term) !== index)).toEqual([]));
});
