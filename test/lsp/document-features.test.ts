import { beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type FoldingRange,
  type SemanticTokens,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { formatText } from '../../language/format/index.js';
import { applyEdits, at, example, readExample, uriOf } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';
import { semanticTokensLegend } from '../../lsp/services/semantic-tokens.js';

const client = useServer();
let hosting: OpenExample;
let poologics: OpenExample;

beforeAll(async () => {
  hosting = await openExample(client(), 'hosting.sla');
  poologics = await openExample(client(), 'poologics.sla');
});

const request = <R>(type: { method: string }, params: object): Promise<R> =>
  client().connection.sendRequest(type.method, params) as Promise<R>;

describe('document symbols', () => {
  it('outlines the declarations with their statements as children', async () => {
    const symbols = await request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri: hosting.uri } });
    expect(symbols.map((s) => s.name)).toEqual(
      expect.arrayContaining(['ManagedHosting', 'CustomerName', 'Office', 'OnCall', 'P1', 'FirstResponse', 'Uptime', 'maintenance', 'escalation', 'credits', 'clause "Emergency maintenance"', 'review']),
    );
    const office = symbols.find((s) => s.name === 'Office')!;
    expect(office.children?.map((c) => c.name)).toEqual(
      expect.arrayContaining(['timezone "Europe/Berlin"', 'hours Mon-Thu 08:00-12:00, 13:00-17:00', 'holidays "DE-BE"', 'annually 12-24 hours 08:00-12:00 "Christmas Eve"']),
    );
    expect(office.selectionRange.start).toEqual(at(hosting.text, 'calendar |Office'));
    const fix = symbols.find((s) => s.name === 'Fix')!;
    expect(fix.children?.map((c) => c.name)).toContain('target P2 2 business days');
  });
});

describe('folding ranges', () => {
  it('folds blocks, nested blocks, text blocks and comment runs', async () => {
    const ranges = await request<FoldingRange[]>(FoldingRangeRequest.type, { textDocument: { uri: poologics.uri } });
    const lines = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`);
    const line = (marked: string) => at(poologics.text, marked).line;
    expect(lines).toContain(`${line('|calendar BusinessHours')}-${line('|}\n\ncalendar AroundTheClock')}`);
    expect(lines).toContain(`${line('|maintenance {')}-${line('  at most 8 hours monthly\n|}')}`);
    expect(lines).toContain(`${line('purpose |"""')}-${line('    |"""\n}')}`);
    expect(lines).toContain('0-2 comment');
  });
});

describe('semantic tokens', () => {
  it('declares its legend and colours names by what they name', async () => {
    expect(client().capabilities.semanticTokensProvider).toMatchObject({ legend: semanticTokensLegend, full: true });
    const tokens = await request<SemanticTokens>(SemanticTokensRequest.type, { textDocument: { uri: poologics.uri } });
    const decoded = decode(tokens.data);
    const tokenAt = (marked: string) => {
      const p = at(poologics.text, marked);
      return decoded.find((t) => t.line === p.line && t.character === p.character);
    };
    expect(tokenAt('|metric Acknowledgement')).toMatchObject({ type: 'keyword', length: 6 });
    expect(tokenAt('calendar |BusinessHours')).toMatchObject({ type: 'type', modifiers: ['declaration'] });
    expect(tokenAt('clock |BusinessHours\n  target 20')).toMatchObject({ type: 'type', modifiers: [] });
    expect(tokenAt('target |Critical 1')).toMatchObject({ type: 'enumMember' });
    expect(tokenAt('of |Resolution')).toMatchObject({ type: 'function' });
    expect(tokenAt('timezone |"America/New_York"')).toMatchObject({ type: 'string', length: '"America/New_York"'.length });
    expect(tokenAt('|// The provider')).toMatchObject({ type: 'comment' });
    expect(tokenAt('objective |95% monthly')).toMatchObject({ type: 'number' });
    expect(tokenAt('purpose |"""')).toMatchObject({ type: 'string' });
    expect(tokenAt('|This agreement defines')).toMatchObject({ type: 'string' });
  });
});

function decode(data: number[]): { line: number; character: number; length: number; type: string; modifiers: string[] }[] {
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

describe('formatting', () => {
  const uri = uriOf(example('letsflo.sla'));
  const messy = readExample('letsflo.sla').replace('  title "Uptime"', 'title    "Uptime"').replace('hours Mon-Fri 09:00-17:30', 'hours   Mon-Fri   09:00-17:30');

  it('formats like slac fmt', async () => {
    await openExample(client(), 'letsflo.sla', messy);
    const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.length).toBeGreaterThan(0);
    expect(applyEdits(messy, edits)).toBe(formatText(messy, example('letsflo.sla')).text);
  });

  it('leaves a file with syntax errors alone', async () => {
    const broken = `${messy}\nmetric {{ "unclosed\n`;
    await client().change(uri, broken);
    const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([]);
  });
});
