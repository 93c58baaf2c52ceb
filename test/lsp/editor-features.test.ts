import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentRangeFormattingRequest,
  HoverRequest,
  SelectionRangeRequest,
  WorkspaceSymbolRequest,
  type DocumentHighlight,
  type DocumentLink,
  type Hover,
  type MarkupContent,
  type SelectionRange,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits, at, example, rangeOfText, readExample, repoRoot, uriOf, word } from './harness/cursor.js';
import { fixture, openExample, openFixture, useServer } from './harness/session.js';

// The features editors expect beyond the basics: range formatting, document
// highlight, workspace symbols, document links, selection ranges, and
// hovers on values. The workspace folder is examples/, indexed but not opened.
const client = useServer(undefined, () => ({ folders: [`${repoRoot}/examples`] }));
const request = <R>(type: { method: string }, params: object): Promise<R> => client().connection.sendRequest(type.method, params) as Promise<R>;

beforeAll(async () => {
  await openExample(client(), 'poologics.sla');
});

describe('range formatting', () => {
  it('is offered', () => {
    expect(client().capabilities.documentRangeFormattingProvider).toBe(true);
  });

  it('formats the selected lines and leaves the rest as it was', async () => {
    const poologics = readExample('poologics.sla');
    const messy = poologics.replace('  clock BusinessHours\n  target Critical 1 hour', '      clock   BusinessHours\n  target Critical 1 hour').replace('  target 24 hours', '    target    24 hours');
    const { uri } = await openExample(client(), 'poologics.sla', messy);
    const line = at(messy, '|      clock   BusinessHours').line;
    const edits = await request<TextEdit[]>(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits(messy, edits)).toBe(poologics.replace('  target 24 hours', '    target    24 hours'));
    await client().change(uri, poologics);
  });
});

describe('document highlight', () => {
  it('marks the declaration as written and every use as read, in this file', async () => {
    const text = readExample('poologics.sla');
    const highlights = await request<DocumentHighlight[]>(DocumentHighlightRequest.type, {
      textDocument: { uri: uriOf(example('poologics.sla')) },
      position: at(text, 'clock Busi|nessHours'),
    });
    const uses = [...text.matchAll(/\bBusinessHours\b/g)].length;
    expect(highlights).toHaveLength(uses);
    expect(highlights).toContainEqual({ range: word(text, 'calendar |BusinessHours'), kind: DocumentHighlightKind.Write });
    expect(highlights.filter((h) => h.kind === DocumentHighlightKind.Read)).toHaveLength(uses - 1);
  });
});

describe('workspace symbols', () => {
  it('finds declarations in files nobody opened, by the letters of their name', async () => {
    const symbols = await request<SymbolInformation[]>(WorkspaceSymbolRequest.type, { query: 'srvdsk' });
    const corporate = readExample('multilevel/corporate.sla');
    expect(symbols).toContainEqual(
      expect.objectContaining({ name: 'ServiceDesk', containerName: 'calendar', location: expect.objectContaining({ uri: uriOf(example('multilevel/corporate.sla')) }) }),
    );
    expect(symbols.find((s) => s.name === 'ServiceDesk')!.location.range.start).toEqual(at(corporate, '|calendar ServiceDesk'));
  });

  it('lists a name declared in several files once per file', async () => {
    const symbols = await request<SymbolInformation[]>(WorkspaceSymbolRequest.type, { query: 'Resolution' });
    const files = symbols.filter((s) => s.name === 'Resolution').map((s) => s.location.uri.split('/examples/')[1]).sort();
    expect(files).toEqual(['letsflo.sla', 'multilevel/corporate.sla', 'multilevel/finance.sla', 'poologics.sla']);
  });
});

describe('document links', () => {
  it('links an import path to the imported file', async () => {
    const { uri, text } = await openExample(client(), 'multilevel/finance.sla');
    const links = await request<DocumentLink[]>(DocumentLinkRequest.type, { textDocument: { uri } });
    expect(links).toEqual([expect.objectContaining({ range: rangeOfText(text, 'corporate.sla'), target: uriOf(example('multilevel/corporate.sla')) })]);
  });

  it('links the agreements of a portfolio', async () => {
    const { uri, text } = await openExample(client(), 'multilevel/departments.sla');
    const links = await request<DocumentLink[]>(DocumentLinkRequest.type, { textDocument: { uri } });
    expect(links.map((l) => l.range)).toEqual(expect.arrayContaining([rangeOfText(text, 'finance.sla'), rangeOfText(text, 'hr.sla')]));
    expect(links.map((l) => l.target)).toContain(uriOf(example('multilevel/hr.sla')));
  });

  it('links a holiday file', async () => {
    const { uri, text } = await openFixture(client(), 'v11/office.sla');
    const links = await request<DocumentLink[]>(DocumentLinkRequest.type, { textDocument: { uri } });
    expect(links).toContainEqual(expect.objectContaining({ range: rangeOfText(text, 'company-days.ics'), target: uriOf(fixture('v11/company-days.ics')) }));
    expect(readFileSync(fixture('v11/company-days.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});

describe('selection ranges', () => {
  it('grows from the word to the statement, the declaration and the document', async () => {
    const text = readExample('poologics.sla');
    const [selection] = await request<SelectionRange[]>(SelectionRangeRequest.type, {
      textDocument: { uri: uriOf(example('poologics.sla')) },
      positions: [at(text, 'clock Busi|nessHours\n  target Critical')],
    });
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = selection; s; s = s.parent) {
      const lines = text.split('\n');
      const { start, end } = s.range;
      chain.push(start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : `lines ${start.line + 1}-${end.line + 1}`);
    }
    const metric = rangeOfText(text, 'metric Resolution {');
    const lastLine = text.split('\n').length;
    expect(chain[0]).toBe('BusinessHours');
    expect(chain).toContain('clock BusinessHours');
    expect(chain).toContain(`lines ${metric.start.line + 1}-${metric.start.line + 8}`);
    expect(chain[chain.length - 1]).toBe(`lines 1-${lastLine}`);
  });
});

describe('hover on values', () => {
  const hoverText = async (name: string, marked: string): Promise<string> => {
    const text = readExample(name);
    const result = await request<Hover | null>(HoverRequest.type, { textDocument: { uri: uriOf(example(name)) }, position: at(text, marked) });
    return (result?.contents as MarkupContent | undefined)?.value ?? '';
  };
  beforeAll(async () => {
    await openExample(client(), 'hosting.sla');
  });

  it('gives a time zone its offsets through the year', async () => {
    const value = await hoverText('hosting.sla', 'timezone "Europe/Be|rlin"');
    expect(value).toContain('**Europe/Berlin**: UTC+01:00 in January (GMT+1), UTC+02:00 in July (GMT+2)');
  });

  it('spells out a weekday range', async () => {
    expect(await hoverText('poologics.sla', 'hours Mon-F|ri 08:00-18:00')).toBe('**Mon-Fri**: Monday to Friday, 5 days a week.');
  });

  it('works out when an escalation level is reached, per severity', async () => {
    const value = await hoverText('poologics.sla', 'at 5|0% of Resolution');
    expect(value).toContain("**50%**: Level 1 is reached when 50% of Resolution's target has gone by on its clock");
    expect(value).toContain('- Critical: after 30m (target 1 hour)');
    expect(value).toContain('- Standard: after 1h (target 2 hours)');
  });

  it('counts business days in the singular when there is one', async () => {
    const value = await hoverText('hosting.sla', 'at 5|0% of Fix');
    expect(value).toContain('- P2: after 1 business day (target 2 business days)');
    expect(value).toContain('- P3: after 5 business days (target 10 business days)');
  });
});
