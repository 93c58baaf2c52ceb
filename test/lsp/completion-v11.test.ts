// Completion for the constructs of language 1.1 (LANGUAGE.md "Version 1.1
// additions"), over stdio JSON-RPC, with the cursor addressed by text.
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { allHolidayCodes } from '../../language/holidays/holiday-codes.js';
import { at } from './harness/cursor.js';
import { openExample, openFixture, useServer, type OpenExample } from './harness/session.js';

const client = useServer();
const files: Record<string, OpenExample> = {};

/** Lines typed halfway, so that completion is asked where an author would ask it. */
const halfTyped: Record<string, [string, string]> = {
  'v11/office.sla': ['  holidays "DE-BE"\n', '  holidays "DE-BE"\n  holidays \n'],
  'v11/customers.sla': [
    '  others use "standard.sla"\n',
    '  others use "standard.sla"\n  client "Initech" uses "acme.sla" \n  client "Hooli" uses "standard.sla" with \n',
  ],
};

beforeAll(async () => {
  for (const name of ['hosting.sla', 'poologics.sla', 'multilevel/departments.sla', 'multilevel/finance.sla']) files[name] = await openExample(client(), name);
  for (const name of ['v11/office.sla', 'v11/customers.sla']) {
    files[name] = await openFixture(client(), name);
    const [line, typed] = halfTyped[name]!;
    const text = files[name]!.text.replace(line, typed);
    await client().change(files[name]!.uri, text);
    files[name]!.text = text;
  }
});

async function itemsAt(name: string, marked: string): Promise<CompletionItem[]> {
  const file = files[name]!;
  const result = (await client().connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: file.uri },
    position: at(file.text, marked),
  })) as CompletionItem[] | CompletionList | null;
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labelsAt = async (name: string, marked: string) => (await itemsAt(name, marked)).map((item) => item.label);

/** Where the cursor is, what must be offered, and what must not. */
const cases: { name: string; file: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  { name: 'declarations of 1.1 at the top level', file: 'hosting.sla', cursor: '}\n\n|escalation {', includes: ['metric'], excludes: ['window', 'client', 'maintenance', 'portfolio'] },
  { name: 'matches in a severity', file: 'hosting.sla', cursor: 'severity P1 {\n  |description', includes: ['description', 'default', 'matches'], excludes: ['contact', 'target'] },
  { name: 'matches in a channel', file: 'hosting.sla', cursor: 'channel Phone {\n  |contact', includes: ['contact', 'matches'], excludes: ['description', 'hours'] },
  // Not uptime: the metric has a target (SLA3009 in an uptime metric).
  { name: 'next reply after measures', file: 'hosting.sla', cursor: 'measures |next reply', includes: ['next reply', 'first response'], excludes: ['Office', 'uptime'] },
  { name: 'pause among a metric\'s statements', file: 'hosting.sla', cursor: '  target 8 hours\n  |pause never', includes: ['pause', 'target'], excludes: ['window', 'title', 'measures', 'clock'] },
  { name: 'when status and never after pause in a metric', file: 'v11/office.sla', cursor: '  pause |never', includes: ['when status', 'never'], excludes: ['P1'] },
  { name: 'status after pause when in a metric', file: 'v11/office.sla', cursor: '  pause when |status "On hold"', includes: ['status'], excludes: ['P1'] },
  { name: 'severities and via after target', file: 'v11/office.sla', cursor: '  target |via Phone', includes: ['P1', 'P2', 'via'], excludes: ['Phone', 'Office'] },
  { name: 'via after target and a severity', file: 'v11/office.sla', cursor: '  target P1 |via Email', includes: ['via'], excludes: ['P2', 'minutes'] },
  { name: 'channels after via', file: 'v11/office.sla', cursor: '  target via |Phone', includes: ['Phone', 'Email'], excludes: ['P1', 'Office'] },
  { name: 'channels after a severity and via', file: 'v11/office.sla', cursor: '  target P1 via |Email', includes: ['Phone', 'Email'], excludes: ['P1'] },
  { name: 'the forms of holidays in a calendar', file: 'v11/office.sla', cursor: '  holidays |\n', includes: ['"CC-SUB" (public holidays of a country)', 'from', '{ ... } (dated and yearly holidays)'], excludes: ['timezone', 'Office'] },
  { name: 'annually in a holidays block', file: 'v11/office.sla', cursor: '  holidays {\n    |annually', includes: ['annually', 'annually (every year)', 'holiday (date and name)'], excludes: ['timezone'] },
  { name: 'month-days after annually', file: 'v11/office.sla', cursor: '    annually |12-24', includes: ['12-24', '12-31', '01-01'], excludes: ['Mon-Fri'] },
  { name: 'maintenance statements', file: 'v11/office.sla', cursor: 'maintenance {\n  |window', includes: ['window'], excludes: ['target', 'timezone', 'notice', 'at most'] },
  { name: 'calendars after window', file: 'v11/office.sla', cursor: '  window |SundayNight', includes: ['SundayNight', 'Office'], excludes: ['P1', 'Phone'] },
  { name: 'most after at in maintenance', file: 'v11/office.sla', cursor: '  at |most 4 hours', includes: ['most'], excludes: ['of'] },
  { name: 'units after notice and a number', file: 'v11/office.sla', cursor: '  notice 48 |hours', includes: ['hours', 'days', 'minutes'], excludes: ['months'] },
  { name: 'periods after at most and a duration', file: 'v11/office.sla', cursor: '  at most 4 hours |monthly', includes: ['monthly', 'quarterly', 'yearly', 'weekly'], excludes: ['hours'] },
  { name: 'portfolio statements', file: 'v11/customers.sla', cursor: 'portfolio Customers {\n  |client', includes: ['client'], excludes: ['title', 'maintenance', 'others'] },
  { name: 'uses after the client names', file: 'v11/customers.sla', cursor: '"Globex Corporation", "Globex GmbH" |uses', includes: ['uses'], excludes: ['ClientName'] },
  { name: 'use after others', file: 'v11/customers.sla', cursor: '  others |use', includes: ['use'], excludes: ['uses'] },
  { name: 'with after the agreement path', file: 'v11/customers.sla', cursor: 'client "Initech" uses "acme.sla" |\n', includes: ['with'], excludes: ['uses'] },
  { name: 'no params after client in a portfolio', file: 'v11/customers.sla', cursor: '  client |"Acme Widgets Ltd"', includes: [], excludes: ['ClientName', 'client'] },
  {
    name: 'the used agreement\'s params after with, imported ones too',
    file: 'v11/customers.sla',
    cursor: 'uses "standard.sla" with |\n',
    includes: ['ClientName', 'SupportEmail'],
    excludes: ['Region', 'uses'],
  },
  { name: 'another agreement\'s params after with', file: 'v11/customers.sla', cursor: 'uses "standard.sla" with |ClientName "Globex', includes: ['ClientName', 'SupportEmail'], excludes: ['Region'] },
];

describe('completion of the 1.1 constructs', () => {
  it.each(cases)('$name', async ({ file, cursor, includes, excludes }) => {
    const labels = await labelsAt(file, cursor);
    expect(labels).toEqual(expect.arrayContaining(includes));
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});

describe('holiday codes inside holidays "', () => {
  it('offers every country and subdivision code of the data set, named', async () => {
    const items = await itemsAt('v11/office.sla', 'holidays "DE-|BE"');
    expect(items.map((item) => item.label).sort()).toEqual([...allHolidayCodes()].sort());
    expect(items.find((item) => item.label === 'DE-BE')?.detail).toBe('Berlin, Germany');
    expect(items.find((item) => item.label === 'GB-ENG')?.detail).toBe('England, United Kingdom');
    expect(items.find((item) => item.label === 'US')?.detail).toBe('United States of America');
  });

  it('replaces the whole content of the string, up to the closing quote', async () => {
    const file = files['v11/office.sla']!;
    const items = await itemsAt('v11/office.sla', 'holidays "DE-|BE"');
    const opening = at(file.text, 'holidays "|DE-BE"');
    const closing = at(file.text, 'holidays "DE-BE|"');
    expect(items.find((item) => item.label === 'ES-MD')?.textEdit).toEqual({ range: { start: opening, end: closing }, newText: 'ES-MD' });
  });
});

describe('paths inside quotes', () => {
  it('offers the .ics files beside the file after holidays from "', async () => {
    const file = files['v11/office.sla']!;
    const items = await itemsAt('v11/office.sla', 'holidays from "|company-days.ics"');
    expect(items.map((item) => item.label)).toEqual(['company-days.ics']);
    const start = at(file.text, 'holidays from "|company-days.ics"');
    expect(items[0]!.textEdit).toEqual({ range: { start, end: at(file.text, 'company-days.ics|"') }, newText: 'company-days.ics' });
  });

  it('offers the agreements beside a portfolio after uses ", each named, and not the files that declare none', async () => {
    // office.sla (a calendar) and shared/terms.sla (a param) declare no agreement: a client using one is SLA2015.
    const items = await itemsAt('v11/customers.sla', 'uses "|acme.sla"');
    expect(items.map((item) => [item.label, item.detail])).toEqual([
      ['acme.sla', 'agreement Acme'],
      ['standard.sla', 'agreement Standard'],
    ]);
  });

  it('offers the .sla files beside the file after import ", but not a portfolio (SLA2019)', async () => {
    const items = await itemsAt('multilevel/finance.sla', 'import "corp|orate.sla"');
    expect(items.map((item) => [item.label, item.detail])).toEqual([
      ['corporate.sla', 'shared declarations (no agreement)'],
      ['hr.sla', 'agreement HumanResources'],
    ]);
  });

  it('offers no codes or paths in a string elsewhere', async () => {
    expect(await labelsAt('hosting.sla', 'description "The production| site')).toEqual([]);
  });

  it('offers the agreements beside the example portfolio after uses "', async () => {
    const labels = await labelsAt('multilevel/departments.sla', 'uses "fin|ance.sla"');
    expect(labels).toEqual(['finance.sla', 'hr.sla']);
  });
});
