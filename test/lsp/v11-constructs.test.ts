// Every construct of language 1.1 (LANGUAGE.md "Version 1.1 additions"),
// one table row each, through the language services in-process: completion
// offers it where it may appear (with snippet defaults that are valid as they
// stand) and completes inside it; hover explains its keyword and its values;
// a messy copy formats back to the canonical fixture, idempotently, with the
// same meaning. "Today" is 2026-06-15, so holiday hovers speak of 2026 and 2027.
import { readFileSync } from 'node:fs';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language/parser/index.js';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument, type ServiceDocument } from '../../lsp/services/document.js';
import { formatDocument } from '../../lsp/services/formatting.js';
import { hover } from '../../lsp/services/hover.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { applyEdits, at } from './harness/cursor.js';
import { fixture } from './harness/session.js';

const today = Date.UTC(2026, 5, 15, 12);
type FixtureName = 'office.sla' | 'customers.sla';
const path = (name: FixtureName) => fixture(`v11-constructs/${name}`);
const canonical = (name: FixtureName) => readFileSync(path(name), 'utf8');

function open(name: FixtureName, text = canonical(name)): ServiceDocument {
  const workspace = new SlaWorkspace();
  workspace.update(path(name), text);
  return serviceDocument(workspace, path(name), uriOfFile, 'fresh', () => today)!;
}

/** The fixture with one edit (a line typed halfway), then the items at the marked cursor. */
function itemsAt(name: FixtureName, cursor: string, edit?: [string, string], trigger?: string): { items: CompletionItem[]; text: string } {
  let text = canonical(name);
  if (edit) {
    expect(text).toContain(edit[0]);
    text = text.replace(edit[0], edit[1]);
  }
  return { items: completion(open(name, text), at(text, cursor), trigger), text };
}

function hoverText(name: FixtureName, cursor: string): string {
  const text = canonical(name);
  const result = hover(open(name, text), at(text, cursor));
  return result ? (result.contents as MarkupContent).value : '';
}

/** Where completion is asked (after an optional edit), what it must offer and what it must not. */
interface CompletionCase {
  cursor: string;
  edit?: [string, string];
  trigger?: string;
  includes: string[];
  excludes: string[];
}

interface Construct {
  name: string;
  file: FixtureName;
  completions: CompletionCase[];
  /** Where the cursor is and what the hover must say. */
  hovers: { cursor: string; says: string[] }[];
  /** A canonical part of the fixture and a messy way of writing it. */
  messy: [string, string];
}

const constructs: Construct[] = [
  {
    name: 'holidays "CC-SUB"',
    file: 'office.sla',
    completions: [
      { cursor: '  hours Mon-Fri 08:00-17:00\n  |holidays "DE-BE"', includes: ['holidays', 'hours'], excludes: ['annually', 'window', 'timezone'] },
      { cursor: '  holidays |\n', edit: ['  holidays "DE-BE"\n', '  holidays \n'], trigger: ' ', includes: ['"CC-SUB" (public holidays of a country)', 'from', '{ ... } (dated and yearly holidays)'], excludes: ['timezone', 'Office'] },
      { cursor: 'holidays "DE-|BE"', includes: ['DE-BE', 'DE-BY', 'GB-ENG', 'US'], excludes: ['Europe/Berlin'] },
    ],
    hovers: [
      {
        cursor: 'holidays "DE-|BE"',
        says: ['**holidays "DE-BE"**: the public holidays of Berlin, Germany, every year', '**2026**', '| 2026-04-03 | Fri | Good Friday | closed |', '**2027**', '| 2027-03-26 | Fri | Good Friday | closed |'],
      },
      { cursor: 'holi|days "DE-BE"', says: ['Berlin, Germany', '| 2026-05-25 | Mon | Whit Monday | closed |'] },
    ],
    messy: ['  holidays "DE-BE"\n', '      holidays    "DE-BE"  \n'],
  },
  {
    name: 'holidays from "x.ics"',
    file: 'office.sla',
    completions: [
      { cursor: '  holidays from |\n', edit: ['  holidays from "company-days.ics"\n', '  holidays from \n'], trigger: ' ', includes: ['"company-days.ics"'], excludes: ['timezone', '"office.sla"'] },
      { cursor: 'holidays from "comp|any-days.ics"', includes: ['company-days.ics'], excludes: ['acme.sla'] },
    ],
    hovers: [
      { cursor: 'holidays fr|om', says: ['**holidays from "company-days.ics"**', 'all-day event', '| 2026-07-03 | Fri | Summer party | closed |', '| 2027-07-03 | Sat | Summer party | closed |'] },
      { cursor: 'holidays from "company-|days.ics"', says: ['**company-days.ics**: an iCalendar file'] },
    ],
    messy: ['  holidays from "company-days.ics"\n', '  holidays   from"company-days.ics"\n'],
  },
  {
    name: 'annually MM-DD',
    file: 'office.sla',
    completions: [
      { cursor: '  holidays {\n    |annually 12-24', includes: ['annually', 'annually (every year)', 'holiday (date and name)'], excludes: ['timezone', 'hours'] },
      { cursor: '    annually |12-24', includes: ['12-24', '12-31', '01-01'], excludes: ['Mon-Fri', 'annually'] },
      { cursor: '    annually 12-31 |\n', edit: ['    annually 12-31 "New Year\'s Eve"\n', '    annually 12-31 \n'], trigger: ' ', includes: ['hours'], excludes: ['annually', '12-24'] },
      { cursor: 'annually 12-24 hours |08:00-12:00', includes: ['09:00-17:00'], excludes: ['Mon-Fri'] },
    ],
    hovers: [
      { cursor: 'annu|ally 12-24', says: ['**annually**', 'the same day every year'] },
      { cursor: 'annually 12-2|4', says: ['**12-24** is 24 December, every year: a Thursday in 2026, a Friday in 2027.'] },
    ],
    messy: ['    annually 12-24 hours 08:00-12:00 "Christmas Eve"\n    annually 12-31 "New Year\'s Eve"\n', '  annually   12-24   hours 08:00 - 12:00"Christmas Eve" annually\n12-31 "New Year\'s Eve"\n'],
  },
  {
    name: 'maintenance { window … notice … at most … }',
    file: 'office.sla',
    completions: [
      { cursor: 'maintenance {\n  |window', includes: ['window'], excludes: ['target', 'timezone', 'maintenance', 'notice', 'at most'] },
      { cursor: '  window |SundayNight', includes: ['SundayNight', 'Office'], excludes: ['P1', 'Phone'] },
      { cursor: '  notice 48 |\n', edit: ['  notice 48 hours\n', '  notice 48 \n'], trigger: ' ', includes: ['minutes', 'hours', 'days', 'weeks'], excludes: ['business days', 'months'] },
      { cursor: '  at |most', includes: ['most'], excludes: ['of'] },
      { cursor: '  at most 4 |\n', edit: ['  at most 4 hours monthly\n', '  at most 4 \n'], trigger: ' ', includes: ['hours', 'days'], excludes: ['business days', 'months'] },
      { cursor: '  at most 4 hours |monthly', includes: ['monthly', 'quarterly', 'yearly', 'weekly'], excludes: ['hours'] },
      { cursor: '  at most |\n', edit: ['  at most 4 hours monthly\n', '  at most \n'], includes: [], excludes: ['window', 'notice'] },
    ],
    hovers: [
      { cursor: 'mainte|nance {', says: ['**maintenance**: planned maintenance that keeps to these terms', 'only during the open hours of SundayNight', 'at least 48 hours', 'It applies to `Uptime`'] },
      { cursor: 'win|dow SundayNight', says: ['**window SundayNight**', 'Sun 02:00-06:00 Europe/Berlin'] },
      { cursor: 'window Sunday|Night', says: ['**calendar SundayNight**'] },
      { cursor: 'noti|ce 48', says: ['**notice 48 hours**', 'real elapsed time'] },
      { cursor: 'at mo|st 4', says: ['**at most 4 hours monthly**: at most 4 hours of maintenance (real elapsed time) each calendar month'] },
    ],
    messy: ['maintenance {\n  window SundayNight\n  notice 48 hours\n  at most 4 hours monthly\n}\n', 'maintenance{window SundayNight notice 48   hours\n      at   most 4 hours monthly }\n'],
  },
  {
    name: 'matches on severities',
    file: 'office.sla',
    completions: [
      { cursor: 'severity P1 {\n  |description', includes: ['description', 'default', 'matches'], excludes: ['contact', 'target'] },
      { cursor: '  matches |\n', edit: ['  matches "urgent", "Highest"\n', '  matches \n'], includes: [], excludes: ['description', 'default'] },
    ],
    hovers: [
      { cursor: 'mat|ches "urgent"', says: ['**matches**', 'ignoring case'] },
      { cursor: 'matches "urgent", "High|est"', says: ['**"Highest"**', 'is a **P1** ticket'] },
      { cursor: 'severity P|1', says: ['Recorded in the helpdesk as "urgent" or "Highest".'] },
    ],
    messy: ['  matches "urgent", "Highest"\n', '  matches   "urgent" ,"Highest"\n'],
  },
  {
    name: 'matches on channels',
    file: 'office.sla',
    completions: [
      { cursor: 'channel Phone {\n  |contact', includes: ['contact', 'matches'], excludes: ['description', 'hours'] },
      { cursor: '  matches "email", |"web form"', includes: [], excludes: ['contact', 'hours'] },
    ],
    hovers: [{ cursor: '"web f|orm"', says: ['**"web form"**', 'came in via **Email**', '`via Email` targets'] }],
    messy: ['  matches "email", "web form"\n', '\tmatches "email",\n\t\t"web form"\n'],
  },
  {
    name: 'measures next reply',
    file: 'office.sla',
    completions: [
      // Not uptime: the metric has a target and a pause, which an uptime metric may not have (SLA3009, SLA3098).
      { cursor: '  measures |next reply', includes: ['next reply', 'first response'], excludes: ['Office', 'uptime'] },
      { cursor: '  measures next |\n', edit: ['  measures next reply\n', '  measures next \n'], includes: ['reply'], excludes: ['title', 'clock'] },
    ],
    hovers: [
      { cursor: 'measures next re|ply', says: ['**reply**', 'every answer to the customer'] },
      { cursor: 'measures ne|xt reply', says: ['every answer to the customer'] },
      { cursor: 'metric Next|Reply', says: ['the time to each reply to a customer message'] },
    ],
    messy: ['  measures next reply\n', '  measures   next\n   reply\n'],
  },
  {
    name: 'pause when status … inside a metric',
    file: 'office.sla',
    completions: [
      // Not excluding: the metric measures next reply, and `excluding maintenance` is for uptime only (SLA3020).
      { cursor: '  target 4 hours\n  |pause when', includes: ['pause', 'target'], excludes: ['window', 'matches', 'excluding'] },
      { cursor: '  pause |when status "On hold"', includes: ['when status', 'never'], excludes: ['P1'] },
      { cursor: '  pause when |status "On hold"', includes: ['status'], excludes: ['P1'] },
      { cursor: '  pause when status |\n', edit: ['  pause when status "On hold", "Waiting for parts"\n', '  pause when status \n'], trigger: ' ', includes: ['"Awaiting customer"'], excludes: ['title'] },
      { cursor: '"On hold", |"Waiting', includes: ['"Awaiting customer"', '"Waiting for parts"'], excludes: ['title'] },
      { cursor: '"On hold", "Wai|ting', includes: ['Awaiting customer', 'Waiting for parts'], excludes: ['"Awaiting customer"'] },
    ],
    hovers: [
      { cursor: '  pa|use when status "On hold"', says: ['replaces the agreement-wide pause statuses', 'NextReply\'s clock stops only for "On hold", "Waiting for parts", instead of the agreement-wide pause statuses ("Awaiting customer")'] },
      { cursor: 'status "On| hold"', says: ['**"On hold"**: NextReply\'s clock stops while a ticket\'s status is "On hold"', 'replace the agreement-wide ones ("Awaiting customer")'] },
      { cursor: 'status "Awaiting| customer"', says: ['every ticket clock stops', 'except the metrics with their own `pause` line (`PhoneAnswer`, `NextReply`)'] },
    ],
    messy: ['  pause when status "On hold", "Waiting for parts"\n', '  pause when status "On hold" , "Waiting for parts"   \n'],
  },
  {
    name: 'pause never inside a metric',
    file: 'office.sla',
    completions: [{ cursor: '  pause |never', includes: ['when status', 'never'], excludes: ['P1', 'title'] }],
    hovers: [{ cursor: 'pause nev|er', says: ['**never**', 'PhoneAnswer\'s clock never stops, not even for the agreement-wide pause statuses ("Awaiting customer")'] }],
    messy: ['  pause never\n}', '      pause    never }'],
  },
  {
    name: 'target [Severity] via Channel',
    file: 'office.sla',
    completions: [
      { cursor: '  target |via Phone', includes: ['P1', 'P2', 'via'], excludes: ['Phone', 'Office'] },
      { cursor: '  target P1 |via Email', includes: ['via'], excludes: ['P2', 'minutes'] },
      { cursor: '  target via |Phone', includes: ['Phone', 'Email'], excludes: ['P1', 'Office'] },
      { cursor: '  target P1 via |Email', includes: ['Phone', 'Email'], excludes: ['P1'] },
      { cursor: '  target via Phone |\n', edit: ['  target via Phone 2 minutes\n', '  target via Phone \n'], includes: [], excludes: ['title', 'Phone'] },
    ],
    hovers: [
      { cursor: 'target P1 v|ia Email', says: ['**via**', 'The most specific target wins', 'Here: P1 tickets that came in via **Email**: 30 minutes.'] },
      { cursor: 'target v|ia Phone', says: ['Here: tickets of every severity that came in via **Phone**: 2 minutes.'] },
      { cursor: 'target P1 via Em|ail', says: ['**channel Email**', 'Recorded in the helpdesk as "email" or "web form".'] },
      { cursor: 'target via Phone |2 minutes', says: ['tickets that came in via Phone: 2 minutes of Office open time'] },
    ],
    messy: ['  target via Phone 2 minutes\n  target P1 via Email 30 minutes\n', '  target via   Phone 2 minutes target P1\n via Email 30   minutes\n'],
  },
  {
    name: 'excluding maintenance',
    file: 'office.sla',
    completions: [
      { cursor: '  clock AroundTheClock\n  |excluding', includes: ['excluding'], excludes: ['window', 'measures', 'clock', 'objective'] },
      { cursor: '  excluding |maintenance', includes: ['maintenance'], excludes: ['Office'] },
    ],
    hovers: [
      { cursor: 'exclu|ding maintenance', says: ['**excluding maintenance**', 'only during the open hours of SundayNight', 'at most 4 hours of maintenance (real elapsed time) each calendar month'] },
      { cursor: 'excluding mainte|nance', says: ['**excluding maintenance**', 'It applies to `Uptime`'] },
    ],
    messy: ['  excluding maintenance\n', '  excluding\n  maintenance\n'],
  },
  {
    name: 'portfolio { client … uses … with …; others use … }',
    file: 'customers.sla',
    completions: [
      { cursor: 'portfolio Customers {\n  |client', includes: ['client'], excludes: ['title', 'maintenance', 'others'] },
      { cursor: '"Globex Corporation", "Globex GmbH" |uses', includes: ['uses'], excludes: ['ClientName'] },
      { cursor: '  client "Initech" uses |\n', edit: ['  others use', '  client "Initech" uses \n  others use'], trigger: ' ', includes: ['"acme.sla"'], excludes: ['"customers.sla"', '"office.sla"', 'client'] },
      { cursor: 'uses "ac|me.sla"\n', includes: ['acme.sla'], excludes: ['customers.sla', 'office.sla'] },
      { cursor: 'uses "acme.sla" |with', includes: ['with'], excludes: ['uses'] },
      { cursor: 'with |ClientName', includes: ['ClientName', 'SupportEmail'], excludes: ['uses'] },
      { cursor: 'with SupportEmail |\n', edit: ['"Globex Corporation"\n', '"Globex Corporation" with SupportEmail \n'], trigger: ' ', includes: ['"[support address]"'], excludes: ['with'] },
      { cursor: '  others |use', includes: ['use'], excludes: ['uses'] },
      { cursor: '  others use |\n', edit: ['  others use "acme.sla"\n', '  others use \n'], trigger: ' ', includes: ['"acme.sla"'], excludes: ['client'] },
    ],
    hovers: [
      { cursor: 'portfolio Cust|omers', says: ['**portfolio Customers**: 2 clients', 'every other client uses the `others` agreement'] },
      { cursor: 'cli|ent "Acme', says: ['tickets of "Acme Widgets Ltd" are checked against `acme.sla`'] },
      { cursor: 'uses "ac|me.sla"', says: ['**acme.sla**: the agreement Acme ("Acme Support Agreement")', '`ClientName`, `SupportEmail`'] },
      { cursor: 'with Client|Name', says: ['**ClientName**: a param of `acme.sla` (the document shows "[Client]" until it is filled). For this client it is "Globex Corporation".'] },
      { cursor: 'oth|ers use', says: ['tickets of every other client, and tickets with no client, are checked against `acme.sla`'] },
    ],
    messy: [
      'portfolio Customers {\n  client "Acme Widgets Ltd" uses "acme.sla"\n  client "Globex Corporation", "Globex GmbH" uses "acme.sla" with ClientName "Globex Corporation"\n  others use "acme.sla"\n}\n',
      'portfolio   Customers{client "Acme Widgets Ltd"uses"acme.sla"\n     client "Globex Corporation" ,"Globex GmbH"\n uses "acme.sla"   with ClientName "Globex Corporation" others use "acme.sla"}\n',
    ],
  },
];

/** A snippet placeholder with no default (`$1`, `${1}`, `${1:}`, `${1||}`): Neovim inserts nothing and leaves an error. */
const emptyPlaceholder = /\$\d|\$\{\d+\}|\$\{\d+:\}|\$\{\d+\|[^}]*\|\}/;

describe.each(constructs)('$name', ({ file, completions, hovers, messy }) => {
  it.each(completions)('completes at $cursor', ({ cursor, edit, trigger, includes, excludes }) => {
    const { items } = itemsAt(file, cursor, edit, trigger);
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(includes));
    for (const label of excludes) expect(labels).not.toContain(label);
    if (includes.length === 0) expect(labels).toEqual([]);
    for (const item of items) if (item.insertText) expect(item.insertText).not.toMatch(emptyPlaceholder);
  });

  it.each(hovers)('hovers at $cursor', ({ cursor, says }) => {
    const text = hoverText(file, cursor);
    for (const expected of says) expect(text).toContain(expected);
  });

  it('formats a messy copy to the canonical layout, idempotently, with the same meaning', () => {
    const text = canonical(file);
    expect(text).toContain(messy[0]);
    const untidy = text.replace(messy[0], messy[1]);
    expect(untidy).not.toBe(text);
    const messyDocument = open(file, untidy);
    const formatted = applyEdits(untidy, formatDocument(messyDocument));
    expect(formatted).toBe(text);
    const formattedDocument = open(file, formatted);
    expect(formatDocument(formattedDocument)).toEqual([]);
    expect(meaning(formattedDocument)).toEqual(meaning(messyDocument));
    expect(formattedDocument.analysis.diagnostics).toEqual([]);
  });
});

/**
 * What a document says, without where it says it: the syntax tree without
 * ranges, and the checked model without its sources (the hash of the text).
 */
function meaning(document: ServiceDocument): string {
  const isPosition = (p: unknown) => typeof p === 'object' && p !== null && 'line' in p && 'character' in p;
  const withoutRanges = (key: string, value: unknown) => {
    if (key === 'sources') return undefined;
    return typeof value === 'object' && value !== null && isPosition((value as { start?: unknown }).start) ? 'range' : value;
  };
  return JSON.stringify({ syntax: document.parse.document, model: document.analysis.model }, withoutRanges);
}

describe('quotes and snippets of the 1.1 constructs', () => {
  it('closes a fresh string when completing a holiday code, a path or a status', () => {
    // The fixture line, the line typed halfway (no closing quote), the item accepted, the line it gives.
    const cases: [FixtureName, string, string, string, string][] = [
      ['office.sla', '  holidays "DE-BE"\n', '  holidays "DE-B\n', 'DE-BE', '  holidays "DE-BE"\n'],
      ['office.sla', '  holidays from "company-days.ics"\n', '  holidays from "comp\n', 'company-days.ics', '  holidays from "company-days.ics"\n'],
      ['office.sla', '"On hold", "Waiting for parts"\n', '"On hold", "Await\n', 'Awaiting customer', '"On hold", "Awaiting customer"\n'],
      ['customers.sla', '  others use "acme.sla"\n', '  others use "ac\n', 'acme.sla', '  others use "acme.sla"\n'],
    ];
    for (const [file, line, typed, label, result] of cases) {
      const { items, text } = itemsAt(file, `${typed.trimEnd()}|`, [line, typed]);
      const item = items.find((i) => i.label === label);
      expect(item?.textEdit, label).toBeDefined();
      expect(applyEdits(text, [item!.textEdit as TextEdit])).toBe(canonical(file).replace(line, result));
    }
  });

  it('offers a maintenance snippet only while there is none, valid as inserted', () => {
    const labelsAtTop = (text: string) => completion(open('office.sla', text), at(text, '\n|\npause when status')).map((i) => i.label);
    expect(labelsAtTop(canonical('office.sla'))).not.toContain('maintenance (new maintenance)');
    const without = canonical('office.sla').replace(/\nmaintenance \{[^}]*\}\n/, '\n').replace('  excluding maintenance\n', '');
    const items = completion(open('office.sla', without), at(without, '\n|\npause when status'));
    const snippet = items.find((i) => i.label === 'maintenance (new maintenance)')!;
    expect(snippet.insertText).toBe('maintenance {\n  window ${1:Office}\n  notice ${2:48 hours}\n  at most ${3:4 hours} ${4:monthly}\n}');
    const inserted = `${without}\n${expandDefaults(snippet.insertText!)}\n`;
    expect(open('office.sla', inserted).analysis.diagnostics).toEqual([]);
  });

  it('offers a portfolio snippet only in a file that may declare one, valid as inserted', () => {
    const labelsAt = (name: FixtureName, text: string) => completion(open(name, text), { line: text.split('\n').length - 1, character: 0 }).map((i) => i.label);
    // Beside a calendar a portfolio makes the calendar "no effect in a portfolio file" (SLA3094), as the bare keyword is not offered there.
    expect(labelsAt('office.sla', `${canonical('office.sla')}\n`)).not.toContain('portfolio (new portfolio)');
    expect(labelsAt('customers.sla', `${canonical('customers.sla')}\n`)).not.toContain('portfolio (new portfolio)');
    const agreement = `${canonical('office.sla')}\nagreement Support {\n  title "Support"\n}\n`;
    expect(labelsAt('office.sla', `${agreement}\n`)).not.toContain('portfolio (new portfolio)');
    const empty = '\n';
    const snippet = completion(open('customers.sla', empty), { line: 1, character: 0 }).find((i) => i.label === 'portfolio (new portfolio)')!;
    expect(snippet.insertText).toBe('portfolio ${1:Customers} {\n  client "${2:Client name}" uses "${3:acme.sla}"\n}');
    const inserted = `${expandDefaults(snippet.insertText!)}\n`;
    expect(parseDocument(inserted, path('customers.sla')).diagnostics).toEqual([]);
    expect(open('customers.sla', inserted).analysis.diagnostics).toEqual([]);
  });
});

describe('formatting a 1.1 construct continued past a comment', () => {
  it('closes the blocks at their own indentation', () => {
    const text = canonical('office.sla');
    const line = '    annually 12-31 "New Year\'s Eve"\n';
    const commented = text.replace(line, '    annually // every year\n12-31 "New Year\'s Eve"\n');
    const formatted = applyEdits(commented, formatDocument(open('office.sla', commented)));
    expect(formatted).toBe(text.replace(line, '    annually // every year\n      12-31 "New Year\'s Eve"\n'));
    expect(formatDocument(open('office.sla', formatted))).toEqual([]);
  });
});

/** A snippet as a client without snippet support inserts it: every placeholder's default. */
function expandDefaults(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1');
}
