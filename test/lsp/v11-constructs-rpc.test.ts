// A sample of test/lsp/v11-constructs.test.ts over real stdio JSON-RPC: the
// completions, hovers and formatting of the 1.1 constructs reach a client
// as the services give them.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DocumentFormattingRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits, at } from './harness/cursor.js';
import { openFixture, useServer, type OpenExample } from './harness/session.js';

const client = useServer({ today: '2026-06-15' });
let office: OpenExample;
let customers: OpenExample;

beforeAll(async () => {
  office = await openFixture(client(), 'v11-constructs/office.sla');
  customers = await openFixture(client(), 'v11-constructs/customers.sla');
});

// Every test starts from the fixtures as written, whatever the one before typed.
afterEach(async () => {
  await client().change(office.uri, office.text);
  await client().change(customers.uri, customers.text);
});

const request = <R>(type: { method: string }, params: object): Promise<R> => client().connection.sendRequest(type.method, params) as Promise<R>;

async function edit(file: OpenExample, from: string, to: string): Promise<string> {
  expect(file.text).toContain(from);
  const text = file.text.replace(from, to);
  await client().change(file.uri, text);
  return text;
}

async function completionAt(file: OpenExample, text: string, cursor: string): Promise<CompletionItem[]> {
  const result = await request<CompletionItem[] | CompletionList | null>(CompletionRequest.type, {
    textDocument: { uri: file.uri },
    position: at(text, cursor),
    context: { triggerKind: 2, triggerCharacter: ' ' },
  });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

async function hoverAt(file: OpenExample, cursor: string): Promise<string> {
  const result = await request<Hover | null>(HoverRequest.type, { textDocument: { uri: file.uri }, position: at(file.text, cursor) });
  return result ? (result.contents as MarkupContent).value : '';
}

describe('the 1.1 constructs over JSON-RPC', () => {
  it('completes the .ics files, in quotes, after holidays from', async () => {
    const text = await edit(office, '  holidays from "company-days.ics"\n', '  holidays from \n');
    const items = await completionAt(office, text, '  holidays from |\n');
    expect(items.map((item) => item.label)).toEqual(['"company-days.ics"']);
    expect(applyEdits(text, [items[0]!.textEdit as TextEdit])).toBe(office.text);
  });

  it('completes the statuses after pause when status, and units of real time in maintenance', async () => {
    let text = await edit(office, '  pause when status "On hold", "Waiting for parts"\n', '  pause when status \n');
    // Completion may answer from the analysis made before the keystroke, which still names this line's statuses.
    expect((await completionAt(office, text, '  pause when status |\n')).map((item) => item.label)).toContain('"Awaiting customer"');
    text = await edit(office, '  notice 48 hours\n', '  notice 48 \n');
    expect((await completionAt(office, text, '  notice 48 |\n')).map((item) => item.label)).toEqual(['minutes', 'hours', 'days', 'weeks']);
  });

  it('completes a param\'s value after with Param in a portfolio', async () => {
    const text = await edit(customers, '"Globex Corporation"\n', '"Globex Corporation" with SupportEmail \n');
    const items = await completionAt(customers, text, 'with SupportEmail |\n');
    expect(items.map((item) => [item.label, item.insertText])).toEqual([['"[support address]"', '"${1:[support address]}"']]);
  });

  it('explains matches values, pauses, via targets, excluding maintenance and with Param', async () => {
    expect(await hoverAt(office, 'matches "urgent", "High|est"')).toContain('is a **P1** ticket');
    expect(await hoverAt(office, 'pause nev|er')).toContain('PhoneAnswer\'s clock never stops, not even for the agreement-wide pause statuses ("Awaiting customer")');
    expect(await hoverAt(office, 'target P1 v|ia Email')).toContain('Here: P1 tickets that came in via **Email**: 30 minutes.');
    expect(await hoverAt(office, 'exclu|ding maintenance')).toContain('only during the open hours of SundayNight');
    expect(await hoverAt(office, 'holidays "DE-|BE"')).toContain('| 2027-03-26 | Fri | Good Friday | closed |');
    expect(await hoverAt(customers, 'with Client|Name')).toContain('For this client it is "Globex Corporation".');
  });

  it('formats a messy maintenance block and portfolio back to the fixture', async () => {
    const messy: [OpenExample, string, string][] = [
      [office, 'maintenance {\n  window SundayNight\n  notice 48 hours\n  at most 4 hours monthly\n}\n', 'maintenance{window SundayNight notice 48   hours\n      at   most 4 hours monthly }\n'],
      [customers, '  others use "acme.sla"\n}', ' others   use "acme.sla"}'],
    ];
    for (const [file, canonical, untidy] of messy) {
      const text = await edit(file, canonical, untidy);
      const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri: file.uri }, options: { tabSize: 2, insertSpaces: true } });
      expect(applyEdits(text, edits)).toBe(file.text);
    }
  });
});
