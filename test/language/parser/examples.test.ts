import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../language/parser/index.js';
import type { Declaration, MetricDeclaration, SlaDocument } from '../../../language/syntax/ast.js';

import { exampleFiles, examplesDir } from './example-files.js';

function parseExample(name: string): SlaDocument {
  const file = join(examplesDir, name);
  return parseDocument(readFileSync(file, 'utf8'), file).document;
}

function declaration<K extends Declaration['kind']>(document: SlaDocument, kind: K, name?: string): Extract<Declaration, { kind: K }> {
  const found = document.declarations.find((d) => d.kind === kind && (name === undefined || ('name' in d && d.name?.text === name)));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found as Extract<Declaration, { kind: K }>;
}

describe('every example parses without diagnostics', () => {
  it.each(exampleFiles())('%s', (file) => {
    const result = parseDocument(readFileSync(file, 'utf8'), file);
    expect(result.diagnostics).toEqual([]);
    // A portfolio file (departments.sla) holds its one portfolio; the agreements more.
    expect(result.document.declarations.length).toBeGreaterThan(file.endsWith('departments.sla') ? 0 : 3);
  });
});

describe('syntax tree of the examples', () => {
  it('reads hours with several ranges, a country set and short annual holidays', () => {
    const office = declaration(parseExample('hosting.sla'), 'Calendar', 'Office');
    const [timezone, monToThu, friday, set, holidays] = office.statements;
    expect(timezone).toMatchObject({ kind: 'Timezone', zone: { value: 'Europe/Berlin' } });
    expect(monToThu).toMatchObject({
      kind: 'Hours',
      days: [{ from: 'Mon', to: 'Thu' }],
      ranges: [{ start: { minutes: 480 }, end: { minutes: 720 } }, { start: { minutes: 780 }, end: { minutes: 1020 } }],
    });
    expect(friday).toMatchObject({ kind: 'Hours', days: [{ from: 'Fri', to: undefined }] });
    expect(set).toMatchObject({ kind: 'HolidaySet', code: { value: 'DE-BE' } });
    expect(holidays?.kind).toBe('Holidays');
    if (holidays?.kind !== 'Holidays') return;
    expect(holidays.entries).toHaveLength(2);
    expect(holidays.entries[0]).toMatchObject({ monthDay: { kind: 'MonthDay', text: '12-24' }, hours: [{ start: { text: '08:00' }, end: { text: '12:00' } }], name: { value: 'Christmas Eve' } });
    expect(holidays.entries[0]!.date).toBeUndefined();
    expect(holidays.entries[0]!.annually).toEqual({ start: { line: 28, character: 4 }, end: { line: 28, character: 12 } });
  });

  it('reads 24:00 as 1440 minutes and wrapping day ranges', () => {
    const document = parseExample('hosting.sla');
    expect(declaration(document, 'Calendar', 'OnCall').statements[1]).toMatchObject({ days: [{ from: 'Mon', to: 'Sun' }], ranges: [{ start: { minutes: 0 }, end: { minutes: 1440 } }] });
    expect(declaration(document, 'Calendar', 'NightDesk').statements[1]).toMatchObject({ days: [{ from: 'Sun', to: 'Thu' }], ranges: [{ start: { minutes: 1320 }, end: { minutes: 360 } }] });
  });

  it('reads targets per severity and business days', () => {
    const fix: MetricDeclaration = declaration(parseExample('hosting.sla'), 'Metric', 'Fix');
    expect(fix.statements.map((s) => s.kind)).toEqual(['Title', 'Measures', 'Clock', 'Target', 'Target', 'Objective']);
    expect(fix.statements[1]).toMatchObject({ measure: 'resolution' });
    expect(fix.statements[2]).toMatchObject({ calendar: { text: 'Office', expects: 'calendar' } });
    expect(fix.statements[3]).toMatchObject({ severity: { text: 'P2', expects: 'severity' }, duration: { amount: 2, unit: 'business day', text: '2 business days' } });
    expect(fix.statements[5]).toMatchObject({ percent: { value: 90 }, period: 'quarterly' });
    const acknowledgement = declaration(parseExample('poologics.sla'), 'Metric', 'Acknowledgement');
    expect(acknowledgement.statements[3]).toMatchObject({ kind: 'Target', severity: undefined, duration: { amount: 20, unit: 'minute' } });
  });

  it('reads escalation triggers and credit tiers', () => {
    const document = parseExample('hosting.sla');
    expect(declaration(document, 'Escalation').statements[0]).toMatchObject({
      kind: 'Level', level: { value: 1 }, who: { value: 'Senior engineer on call' }, trigger: { kind: 'At', percent: { value: 50 }, metric: { text: 'Fix', expects: 'metric' } },
    });
    const credits = declaration(document, 'Credits').statements;
    expect(credits[0]).toMatchObject({ kind: 'Tier', metric: { text: 'Uptime' }, below: { value: 99.9 }, credit: { value: 5 } });
    expect(credits.at(-1)).toMatchObject({ kind: 'Cap', percent: { value: 30 } });
  });

  it('removes the common indentation of a text block', () => {
    const agreement = declaration(parseExample('hosting.sla'), 'Agreement');
    const purpose = agreement.statements.find((s) => s.kind === 'Purpose');
    expect(purpose?.value).toMatchObject({
      kind: 'TextBlock',
      value: "The Provider hosts and operates the Client's web applications as a SaaS\nservice. This agreement sets out the support hours, the channels through\nwhich the Client reaches the Provider, and the levels of service the\nProvider commits to.",
    });
    expect(agreement.statements.find((s) => s.kind === 'Client')?.value).toMatchObject({ text: 'CustomerName', expects: 'param' });
  });

  it('reads the review block, imports and override', () => {
    const review = declaration(parseExample('letsflo.sla'), 'Review');
    expect(review.statements.map((s) => s.kind)).toEqual(['Every', 'AlsoOnRequest', 'AlsoAfterMajorIncident', 'Participants', 'Agenda', 'Report', 'NotifyChanges', 'Amendments']);
    expect(review.statements[0]).toMatchObject({ duration: { amount: 12, unit: 'month' } });
    expect(review.statements[3]).toMatchObject({ entries: [{ party: { text: 'Provider' } }, { party: { text: 'Client' } }] });
    expect(review.statements[4]).toMatchObject({ items: { length: 6 } });
    expect(review.statements[6]).toMatchObject({ medium: { text: 'email' } });
    const finance = parseExample('multilevel/finance.sla');
    expect(finance.declarations[0]).toMatchObject({ kind: 'Import', path: { value: 'corporate.sla' } });
    const override = declaration(finance, 'Metric', 'Resolution');
    expect(override.override).toEqual({ start: { line: 18, character: 0 }, end: { line: 18, character: 8 } });
    expect(override.keywordRange).toEqual({ start: { line: 18, character: 9 }, end: { line: 18, character: 15 } });
  });

  it('keeps every comment and gives 0-based ranges', () => {
    const document = parseExample('hosting.sla');
    expect(document.comments).toHaveLength(12);
    expect(document.comments[0]).toMatchObject({ kind: 'LineComment', range: { start: { line: 0, character: 0 } } });
    const agreement = declaration(document, 'Agreement');
    expect(agreement.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 16, character: 1 } });
    expect(agreement.name?.range).toEqual({ start: { line: 4, character: 10 }, end: { line: 4, character: 24 } });
  });
});
