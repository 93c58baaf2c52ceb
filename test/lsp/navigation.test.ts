import { beforeAll, describe, expect, it } from 'vitest';
import {
  DefinitionRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits, at, rangeOfText, word } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

const client = useServer();
let finance: OpenExample;
let corporate: OpenExample;
let poologics: OpenExample;

beforeAll(async () => {
  finance = await openExample(client(), 'multilevel/finance.sla');
  corporate = await openExample(client(), 'multilevel/corporate.sla');
  poologics = await openExample(client(), 'poologics.sla');
});

const request = <R>(type: { method: string }, params: object): Promise<R> =>
  client().connection.sendRequest(type.method, params) as Promise<R>;

function sortLocations(locations: Location[]): string[] {
  return locations.map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}:${l.range.start.character}`).sort();
}

describe('go to definition', () => {
  it('jumps from finance.sla to the calendar declared in corporate.sla', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: finance.uri }, position: at(finance.text, 'clock Service|Desk') });
    expect(result).toEqual([{ uri: corporate.uri, range: rangeOfText(corporate.text, 'ServiceDesk') }]);
  });

  it('jumps from an override to the declaration it replaces', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: finance.uri }, position: at(finance.text, 'override metric Reso|lution') });
    expect(result).toEqual([{ uri: corporate.uri, range: word(corporate.text, 'metric |Resolution') }]);
  });

  it('opens the imported file from an import path', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: finance.uri }, position: at(finance.text, 'import "corp|orate.sla"') });
    expect(result).toEqual([{ uri: corporate.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });

  it('finds nothing on a keyword', async () => {
    const result = await request<Location[]>(DefinitionRequest.type, { textDocument: { uri: finance.uri }, position: at(finance.text, 'esc|alation {') });
    expect(result).toEqual([]);
  });
});

describe('find references', () => {
  it('finds every use of an imported calendar, in both files', async () => {
    const result = await request<Location[]>(ReferencesRequest.type, {
      textDocument: { uri: finance.uri },
      position: at(finance.text, 'clock Service|Desk'),
      context: { includeDeclaration: true },
    });
    const expected = [
      ...[1, 2, 3, 4, 5].map((n) => ({ uri: corporate.uri, range: rangeOfText(corporate.text, 'ServiceDesk', n) })),
      { uri: finance.uri, range: rangeOfText(finance.text, 'ServiceDesk') },
    ];
    expect(sortLocations(result)).toEqual(sortLocations(expected));
  });

  it('finds the uses in an open importing file when asked from the imported one', async () => {
    const result = await request<Location[]>(ReferencesRequest.type, {
      textDocument: { uri: corporate.uri },
      position: at(corporate.text, 'calendar Service|Desk'),
      context: { includeDeclaration: false },
    });
    expect(sortLocations(result)).toContain(sortLocations([{ uri: finance.uri, range: rangeOfText(finance.text, 'ServiceDesk') }])[0]);
    expect(result).toHaveLength(5);
  });
});

describe('rename', () => {
  it('renames a calendar in the file that declares it and the file that imports it', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { textDocument: { uri: finance.uri }, position: at(finance.text, 'clock Service|Desk'), newName: 'HelpDesk' });
    const financeText = applyEdits(finance.text, edit.changes![finance.uri]!);
    const corporateText = applyEdits(corporate.text, edit.changes![corporate.uri]!);
    expect(financeText).toBe(finance.text.replaceAll('ServiceDesk', 'HelpDesk'));
    expect(corporateText).toBe(corporate.text.replaceAll('ServiceDesk', 'HelpDesk'));
  });

  it('renames an overridden metric together with its override and their references', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { textDocument: { uri: corporate.uri }, position: at(corporate.text, 'metric Reso|lution'), newName: 'TimeToFix' });
    expect(applyEdits(finance.text, edit.changes![finance.uri]!)).toBe(finance.text.replaceAll('Resolution {', 'TimeToFix {').replaceAll('of Resolution', 'of TimeToFix'));
    expect(applyEdits(corporate.text, edit.changes![corporate.uri]!)).toBe(corporate.text.replace('metric Resolution', 'metric TimeToFix'));
  });

  it('prepares a rename on a name, with the name as placeholder', async () => {
    const result = await request<{ range: unknown; placeholder: string }>(PrepareRenameRequest.type, { textDocument: { uri: poologics.uri }, position: at(poologics.text, 'target Criti|cal 1 hour') });
    expect(result).toEqual({ range: rangeOfText(poologics.text, 'Critical', 2), placeholder: 'Critical' });
  });

  const refusals: { name: string; cursor: string; newName: string; says: string }[] = [
    { name: 'a name already taken by a severity', cursor: 'target Criti|cal 1 hour', newName: 'Standard', says: "already a severity named 'Standard'" },
    { name: 'a keyword', cursor: 'target Criti|cal 1 hour', newName: 'target', says: 'keyword' },
    { name: 'a name with a space', cursor: 'target Criti|cal 1 hour', newName: 'Very critical', says: 'not a valid name' },
    { name: 'a name starting with a digit', cursor: 'clock Busi|nessHours\n  target 20', newName: '9to5', says: 'not a valid name' },
  ];

  it.each(refusals)('refuses $name with a clear message', async ({ cursor, newName, says }) => {
    const answer = request(RenameRequest.type, { textDocument: { uri: poologics.uri }, position: at(poologics.text, cursor), newName });
    await expect(answer).rejects.toBeInstanceOf(ResponseError);
    await expect(answer).rejects.toThrow(says);
  });

  it('allows a name taken by a declaration of another kind', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { textDocument: { uri: poologics.uri }, position: at(poologics.text, 'target Criti|cal 1 hour'), newName: 'Resolution' });
    expect(Object.values(edit.changes ?? {}).flat()).toHaveLength(3);
  });

  it('answers null to prepare a rename on a keyword: LSP 3.17, no rename is valid there (an error is for a failure)', async () => {
    const answer = await request(PrepareRenameRequest.type, { textDocument: { uri: poologics.uri }, position: at(poologics.text, 'mea|sures first response') });
    expect(answer).toBeNull();
  });
});
