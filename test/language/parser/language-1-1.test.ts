import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../language/parser/index.js';
import type { Declaration } from '../../../language/syntax/ast.js';

// The syntax of the language 1.1 additions (LANGUAGE.md, "Version 1.1 additions").
function parsed(text: string): { declarations: Declaration[]; codes: string[] } {
  const { document, diagnostics } = parseDocument(text, 'x.sla');
  return { declarations: document.declarations, codes: diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`) };
}

function statementsOf(text: string): unknown[] {
  const { declarations, codes } = parsed(text);
  expect(codes).toEqual([]);
  return (declarations[0] as { statements: unknown[] }).statements;
}

describe('language 1.1 syntax', () => {
  it.each([
    ['calendar C { holidays "DE-BE" }', { kind: 'HolidaySet', code: { value: 'DE-BE' } }],
    ['calendar C { holidays from "days.ics" }', { kind: 'HolidayFile', path: { value: 'days.ics' } }],
    ['calendar C { holidays { annually 12-24 hours 08:00-12:00 "Eve" } }', { kind: 'Holidays', entries: [{ monthDay: { kind: 'MonthDay', text: '12-24' }, hours: [{ start: { minutes: 480 } }], name: { value: 'Eve' } }] }],
    ['channel E { matches "email", "web form" }', { kind: 'Matches', values: [{ value: 'email' }, { value: 'web form' }] }],
    ['severity P1 { matches "urgent" }', { kind: 'Matches', values: [{ value: 'urgent' }] }],
    ['metric M { measures next reply }', { kind: 'Measures', measure: 'next reply' }],
    ['metric M { target via Phone 2 minutes }', { kind: 'Target', severity: undefined, channel: { text: 'Phone', expects: 'channel' }, duration: { amount: 2, unit: 'minute' } }],
    ['metric M { target P1 via Email 30 minutes }', { kind: 'Target', severity: { text: 'P1' }, channel: { text: 'Email' }, duration: { amount: 30 } }],
    ['metric M { target P1 4 hours }', { kind: 'Target', severity: { text: 'P1' }, duration: { amount: 4, unit: 'hour' } }],
    ['metric M { pause when status "On hold", "Waiting" }', { kind: 'MetricPause', statuses: [{ value: 'On hold' }, { value: 'Waiting' }] }],
    ['metric M { pause never }', { kind: 'MetricPause', statuses: [], never: { start: { line: 0, character: 17 } } }],
    ['maintenance { window Night }', { kind: 'Window', calendar: { text: 'Night', expects: 'calendar' } }],
    ['maintenance { notice 48 hours }', { kind: 'Notice', duration: { amount: 48, unit: 'hour' } }],
    ['maintenance { at most 4 hours quarterly }', { kind: 'AtMost', duration: { amount: 4, unit: 'hour' }, period: 'quarterly' }],
  ])('%s', (text, expected) => {
    expect(statementsOf(text)[0]).toMatchObject(expected);
  });

  it('leaves via, channel and never out where they are not written', () => {
    expect(statementsOf('metric M { target P1 4 hours }')[0]).not.toHaveProperty('via');
    expect(statementsOf('metric M { target P1 4 hours }')[0]).not.toHaveProperty('channel');
    expect(statementsOf('metric M { pause when status "A" }')[0]).not.toHaveProperty('never');
  });

  it('reads a portfolio with several names, params and others', () => {
    const { declarations, codes } = parsed('portfolio P {\n  client "A", "A Ltd" uses "a.sla" with Name "A" with Region "EU"\n  others use "b.sla"\n}');
    expect(codes).toEqual([]);
    expect(declarations[0]).toMatchObject({
      kind: 'Portfolio',
      name: { text: 'P' },
      entries: [
        { kind: 'PortfolioClient', names: [{ value: 'A' }, { value: 'A Ltd' }], path: { value: 'a.sla' }, params: [{ param: { text: 'Name' }, value: { value: 'A' } }, { param: { text: 'Region' } }] },
        { kind: 'PortfolioOthers', path: { value: 'b.sla' }, params: [] },
      ],
    });
  });

  it('keeps a metric pause inside its metric and the agreement-wide pause at the top', () => {
    const { declarations, codes } = parsed('metric M {\n  pause never\n}\npause when status "Hold"');
    expect(codes).toEqual([]);
    expect(declarations.map((d) => d.kind)).toEqual(['Metric', 'Pause']);
  });

  it.each([
    ['calendar C { holidays { annually 1-5 "x" } }', ['1:34 SLA1010']],
    ['calendar C { holidays from }', ['1:28 SLA1010']],
    ['metric M { pause sometimes }', ['1:18 SLA1010']],
    // The channel after `via` is taken as any name is (never the next line's
    // statement), so recovery no longer meets the `}` too early: one report.
    ['metric M { target via 2 hours }', ['1:23 SLA1010']],
    ['maintenance { at 4 hours monthly }', ['1:18 SLA1010']],
    ['portfolio P { client "A" "a.sla" }', ['1:26 SLA1010']],
  ])('reports a broken 1.1 statement: %s', (text, expected) => {
    expect(parsed(text).codes).toEqual(expected);
  });
});
