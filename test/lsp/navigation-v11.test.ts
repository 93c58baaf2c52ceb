// Navigation, outline, folding, colouring and formatting for the constructs of
// language 1.1, over stdio JSON-RPC. This server's "today" is 2027-01-10, so
// its holiday hovers speak of 2027 and 2028.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type MarkupContent,
  type SemanticTokens,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { formatText } from '../../language/format/index.js';
import { semanticTokensLegend } from '../../lsp/services/semantic-tokens.js';
import { applyEdits, at, example, rangeOfText, uriOf, word } from './harness/cursor.js';
import { fixture, openExample, openFixture, useServer, type OpenExample } from './harness/session.js';

const client = useServer({ today: '2027-01-10' });
let hosting: OpenExample;
let departments: OpenExample;
let office: OpenExample;

beforeAll(async () => {
  hosting = await openExample(client(), 'hosting.sla');
  departments = await openExample(client(), 'multilevel/departments.sla');
  office = await openFixture(client(), 'v11/office.sla');
});

const request = <R>(type: { method: string }, params: object): Promise<R> =>
  client().connection.sendRequest(type.method, params) as Promise<R>;

const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('go to definition', () => {
  it('opens the agreement a portfolio line uses', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: departments.uri }, position: at(departments.text, 'uses "fin|ance.sla"') });
    expect(result).toEqual([{ uri: uriOf(example('multilevel/finance.sla')), range: fileStart }]);
  });

  it('opens the iCalendar file of holidays from', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: office.uri }, position: at(office.text, 'holidays from "company|-days.ics"') });
    expect(result).toEqual([{ uri: uriOf(fixture('v11/company-days.ics')), range: fileStart }]);
  });

  it('finds nothing for a path that names no file', async () => {
    const text = departments.text.replace('"hr.sla"', '"payroll.sla"');
    await client().change(departments.uri, text);
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: departments.uri }, position: at(text, 'uses "pay|roll.sla"') });
    expect(result).toEqual([]);
    await client().change(departments.uri, departments.text);
  });

  it('jumps from via Channel to the channel', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: hosting.uri }, position: at(hosting.text, 'via Em|ail 4 hours') });
    expect(result).toEqual([{ uri: hosting.uri, range: word(hosting.text, 'channel |Email') }]);
  });

  it('jumps from window Calendar to the calendar', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: hosting.uri }, position: at(hosting.text, 'window Sunday|Night') });
    expect(result).toEqual([{ uri: hosting.uri, range: word(hosting.text, 'calendar |SundayNight') }]);
  });
});

describe('references and rename include the 1.1 references', () => {
  it('finds a channel\'s via references', async () => {
    const result = await request<Location[]>(ReferencesRequest.type, {
      textDocument: { uri: office.uri },
      position: at(office.text, 'channel Pho|ne'),
      context: { includeDeclaration: true },
    });
    expect(result.map((l) => l.range)).toEqual([word(office.text, 'channel |Phone'), word(office.text, 'target via |Phone')]);
  });

  it('renames a channel together with its via references', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { textDocument: { uri: hosting.uri }, position: at(hosting.text, 'via Em|ail'), newName: 'Mail' });
    const renamed = applyEdits(hosting.text, edit.changes![hosting.uri]!);
    expect(renamed).toBe(hosting.text.replace('channel Email {', 'channel Mail {').replace('via Email 4 hours', 'via Mail 4 hours'));
  });

  it('renames a calendar together with its maintenance window', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { textDocument: { uri: hosting.uri }, position: at(hosting.text, 'calendar Sunday|Night'), newName: 'Sundays' });
    expect(applyEdits(hosting.text, edit.changes![hosting.uri]!)).toBe(hosting.text.replaceAll('SundayNight', 'Sundays'));
  });

  it('refuses a 1.1 keyword as a new name', async () => {
    const answer = request(RenameRequest.type, { textDocument: { uri: hosting.uri }, position: at(hosting.text, 'via Em|ail'), newName: 'via' });
    await expect(answer).rejects.toThrow('keyword');
  });
});

describe('outline, folding and colours', () => {
  it('outlines maintenance with its terms and a portfolio with its clients', async () => {
    const symbols = await request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri: hosting.uri } });
    const maintenance = symbols.find((s) => s.name === 'maintenance')!;
    expect(maintenance.children?.map((c) => c.name)).toEqual(['window SundayNight', 'notice 5 days', 'at most 8 hours monthly']);
    const nextReply = symbols.find((s) => s.name === 'NextReply')!;
    expect(nextReply.children?.map((c) => c.name)).toEqual(['measures next reply', 'clock Office', 'target 8 hours', 'pause never']);
    const [portfolio] = await request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri: departments.uri } });
    expect(portfolio).toMatchObject({ name: 'Departments', kind: SymbolKind.Package, detail: 'portfolio' });
    expect(portfolio!.children?.map((c) => [c.name, c.detail])).toEqual([
      ['Finance Department', 'finance.sla'],
      ['Human Resources Department', 'hr.sla'],
    ]);
  });

  it('folds maintenance and portfolio blocks and a holidays block', async () => {
    const folds = async (open: OpenExample) =>
      (await request<FoldingRange[]>(FoldingRangeRequest.type, { textDocument: { uri: open.uri } })).map((r) => `${r.startLine}-${r.endLine}`);
    const line = (open: OpenExample, marked: string) => at(open.text, marked).line;
    expect(await folds(hosting)).toContain(`${line(hosting, '|maintenance {')}-${line(hosting, '  at most 8 hours monthly\n|}')}`);
    expect(await folds(hosting)).toContain(`${line(hosting, '  |holidays {')}-${line(hosting, '"New Year\'s Eve"\n  |}')}`);
    expect(await folds(departments)).toContain(`${line(departments, '|portfolio Departments')}-${line(departments, '"hr.sla"\n|}')}`);
  });

  it('colours the 1.1 keywords, month-days and names', async () => {
    const decode = decoder(await request<SemanticTokens>(SemanticTokensRequest.type, { textDocument: { uri: hosting.uri } }));
    const tokenAt = (text: string, marked: string) => {
      const p = at(text, marked);
      return decode.find((t) => t.line === p.line && t.character === p.character);
    };
    for (const keyword of ['|annually 12-24', '|maintenance {', '|window SundayNight', '|notice 5 days', 'at |most 8', 'target P3 |via', 'pause |never', 'measures |next reply', '|matches "urgent"']) {
      expect(tokenAt(hosting.text, keyword), keyword).toMatchObject({ type: 'keyword' });
    }
    expect(tokenAt(hosting.text, 'annually |12-24')).toMatchObject({ type: 'number', length: 5 });
    expect(tokenAt(hosting.text, 'via |Email')).toMatchObject({ type: 'variable', modifiers: [] });
    expect(tokenAt(hosting.text, 'window |SundayNight')).toMatchObject({ type: 'type' });
    const portfolio = decoder(await request<SemanticTokens>(SemanticTokensRequest.type, { textDocument: { uri: departments.uri } }));
    const p = at(departments.text, 'portfolio |Departments');
    expect(portfolio.find((t) => t.line === p.line && t.character === p.character)).toMatchObject({ type: 'class', modifiers: ['declaration'] });
    const uses = at(departments.text, '"Finance" |uses');
    expect(portfolio.find((t) => t.line === uses.line && t.character === uses.character)).toMatchObject({ type: 'keyword' });
  });
});

describe('formatting the 1.1 examples', () => {
  it.each(['hosting.sla', 'multilevel/departments.sla'])('leaves %s as it is written', async (name) => {
    const open = name === 'hosting.sla' ? hosting : departments;
    const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri: open.uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([]);
  });

  it('puts a messy maintenance block and portfolio back in the canonical layout, comments kept', async () => {
    const messy = hosting.text
      .replace('  window SundayNight\n  notice 5 days', '    window   SundayNight  // Sunday nights only\n notice 5   days')
      .replace('  holidays "DE-BE"', 'holidays    "DE-BE"');
    await client().change(hosting.uri, messy);
    const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri: hosting.uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyEdits(messy, edits);
    expect(formatted).toBe(formatText(messy, example('hosting.sla')).text);
    expect(formatted).toBe(hosting.text.replace('  window SundayNight', '  window SundayNight // Sunday nights only'));
    await client().change(hosting.uri, hosting.text);

    const messyPortfolio = departments.text.replace('  client "Finance Department", "Finance"', 'client   "Finance Department" ,"Finance"');
    await client().change(departments.uri, messyPortfolio);
    const portfolioEdits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri: departments.uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(messyPortfolio, portfolioEdits)).toBe(departments.text);
    await client().change(departments.uri, departments.text);
  });
});

describe('the server\'s today comes from the client', () => {
  it('lists this year\'s and next year\'s holidays for the injected day', async () => {
    const hover = (await request<Hover>(HoverRequest.type, { textDocument: { uri: hosting.uri }, position: at(hosting.text, 'holidays "DE-|BE"') }))!;
    const text = (hover.contents as MarkupContent).value;
    expect(text).toContain('| 2027-03-26 | Fri | Good Friday | closed |');
    expect(text).toContain('| 2028-04-14 | Fri | Good Friday | closed |');
    expect(text).not.toContain('2026-');
    expect(hover.range).toEqual(rangeOfText(hosting.text, 'holidays "DE-BE"'));
  });
});

function decoder(tokens: SemanticTokens): { line: number; character: number; length: number; type: string; modifiers: string[] }[] {
  const data = tokens.data;
  const result = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const modifiers = semanticTokensLegend.tokenModifiers.filter((_, bit) => (data[i + 4]! >> bit) & 1);
    result.push({ line, character, length: data[i + 2]!, type: semanticTokensLegend.tokenTypes[data[i + 3]!]!, modifiers });
  }
  return result;
}
