import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DefinitionRequest,
  ReferencesRequest,
  RenameRequest,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { loadPortfolio } from '../../language/workspace/index.js';
import { applyEdits, at, example, uriOf, word } from './harness/cursor.js';
import { useServer } from './harness/session.js';

// A portfolio's `with NAME "value"` names a param of the agreement its line
// uses, a file the portfolio does not import: the editor shows what `slac
// validate` says of it (SLA2016 and the other portfolio checks), refreshed
// when the agreement changes, and definition, references and rename treat
// it as a use of that param, from either end.
const folder = mkdtempSync(join(tmpdir(), 'slac-portfolio-params-'));
const hostingFile = join(folder, 'hosting.sla');
const otherFile = join(folder, 'other.sla');
const portfolioFile = join(folder, 'portfolio.sla');
cpSync(example('hosting.sla'), hostingFile);
// Declares a param of the same name: a `with` of a line using it is another param.
cpSync(example('hosting.sla'), otherFile);
const hostingText = readFileSync(hostingFile, 'utf8');
const portfolioText = [
  'portfolio Customers {',
  '  client "Acme" uses "hosting.sla" with CustomerName "Acme Ltd"',
  '  client "Globex" uses "other.sla" with CustomerName "Globex"',
  '  others use "hosting.sla" with CustomerName "Anyone"',
  '}',
  '',
].join('\n');
writeFileSync(portfolioFile, portfolioText);
// Not .sla: a portfolio line may not use it, and nothing opens it (SLA2021).
writeFileSync(join(folder, '.env'), 'API_KEY=hunter2\n');
writeFileSync(join(folder, 'params.txt'), 'param Secret "hunter2"\n');

const client = useServer(undefined, () => ({ folders: [folder] }));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const request = <R>(type: { method: string }, params: object): Promise<R> => client().connection.sendRequest(type.method, params) as Promise<R>;
const codesAndRanges = (diagnostics: { code?: unknown; range: unknown }[]) => diagnostics.map(({ code, range }) => ({ code, range }));

/** Opens `text` as `name` in the folder and waits for its diagnostics. */
async function openAndCheck(name: string, text: string) {
  const uri = uriOf(join(folder, name));
  await client().open(uri, text);
  return client().currentDiagnostics(uri);
}

beforeAll(async () => {
  // Only hosting.sla is open: portfolio.sla is found in the workspace folder.
  await openAndCheck('hosting.sla', hostingText);
});

describe('portfolio diagnostics match slac validate', () => {
  it.each([
    ['unknown.sla', 'client "Acme" uses "hosting.sla" with Bogus "Acme Ltd"', ['SLA2016']],
    ['misspelt.sla', 'client "Acme" uses "hosting.sla" with CustomerNme "Acme Ltd"', ['SLA2016']],
    ['known.sla', 'client "Acme" uses "hosting.sla" with CustomerName "Acme Ltd"', []],
    ['itself.sla', 'client "Acme" uses "itself.sla"', ['SLA2020']],
    ['dotenv.sla', 'client "Acme" uses ".env"', ['SLA2021']],
  ])('%s: %s', async (name, line, codes) => {
    const text = `portfolio Customers {\n  ${line}\n}\n`;
    writeFileSync(join(folder, name), text); // for `loadPortfolio`, which reads the disk as `slac validate` does
    const published = await openAndCheck(name, text);
    const validated = loadPortfolio(join(folder, name)).diagnostics.filter((d) => d.file === join(folder, name));
    expect(published.map((d) => d.code)).toEqual(codes);
    expect(codesAndRanges(published)).toEqual(codesAndRanges(validated));
    await client().close(uriOf(join(folder, name)));
  });

  it('offers no params of a used file that is not .sla (it is never opened)', async () => {
    const text = 'portfolio Customers {\n  client "Acme" uses "params.txt" with \n}\n';
    await openAndCheck('txt-params.sla', text);
    const result = (await request<{ label: string }[] | { items: { label: string }[] } | null>(CompletionRequest.type, {
      textDocument: { uri: uriOf(join(folder, 'txt-params.sla')) },
      position: at(text, 'with |\n'),
    })) ?? [];
    expect((Array.isArray(result) ? result : result.items).map((item) => item.label)).not.toContain('Secret');
    await client().close(uriOf(join(folder, 'txt-params.sla')));
  });

  it('says when the used agreement has errors (SLA2017), from its open buffer', async () => {
    const broken = client().diagnostics(uriOf(hostingFile), (p) => p.diagnostics.length > 0);
    await client().change(uriOf(hostingFile), hostingText.replace('clock Office', 'clock Ofice'));
    await broken;
    const published = await openAndCheck('uses-broken.sla', 'portfolio Customers {\n  client "Acme" uses "hosting.sla"\n}\n');
    expect(published.map((d) => d.code)).toEqual(['SLA2017']);
    await client().close(uriOf(join(folder, 'uses-broken.sla')));
    await client().change(uriOf(hostingFile), hostingText);
  });

  it('refreshes an open portfolio when the agreement it uses renames the param', async () => {
    const uri = uriOf(portfolioFile);
    expect(await openAndCheck('portfolio.sla', portfolioText)).toEqual([]);
    const stale = client().diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client().change(uriOf(hostingFile), hostingText.replaceAll('CustomerName', 'ClientName'));
    const diagnostics = await stale;
    expect(codesAndRanges(diagnostics)).toEqual([
      { code: 'SLA2016', range: word(portfolioText, '"hosting.sla" with |CustomerName') },
      { code: 'SLA2016', range: word(portfolioText, 'use "hosting.sla" with |CustomerName') },
    ]);
    const fixed = client().diagnostics(uri, (p) => p.diagnostics.length === 0);
    await client().change(uriOf(hostingFile), hostingText);
    expect(await fixed).toEqual([]);
    await client().close(uri);
  });
});

describe('navigation between a param and the with lines that fill it', () => {
  const paramDeclaration = () => ({ uri: uriOf(hostingFile), range: word(hostingText, 'param |CustomerName') });
  const fromHosting = { textDocument: { uri: uriOf(hostingFile) }, position: at(hostingText, 'param Customer|Name') };
  const fromPortfolio = () => ({ textDocument: { uri: uriOf(portfolioFile) }, position: at(portfolioText, '"hosting.sla" with Customer|Name') });
  const portfolioUses = [
    { uri: uriOf(portfolioFile), range: word(portfolioText, '"hosting.sla" with |CustomerName') },
    { uri: uriOf(portfolioFile), range: word(portfolioText, 'use "hosting.sla" with |CustomerName') },
  ];
  const renamedPortfolio = portfolioText.replace('"hosting.sla" with CustomerName', '"hosting.sla" with ClientName').replace('use "hosting.sla" with CustomerName', 'use "hosting.sla" with ClientName');

  it('finds the with lines of a closed portfolio among the references of the param', async () => {
    const result = await request<Location[]>(ReferencesRequest.type, { ...fromHosting, context: { includeDeclaration: true } });
    expect(result).toEqual(expect.arrayContaining([paramDeclaration(), ...portfolioUses]));
    expect(result.filter((l) => l.uri === uriOf(portfolioFile))).toEqual(portfolioUses);
    expect(result.some((l) => l.uri === uriOf(otherFile))).toBe(false);
  });

  it('renames the with lines of a closed portfolio with the param', async () => {
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { ...fromHosting, newName: 'ClientName' });
    expect(applyEdits(hostingText, edit.changes![uriOf(hostingFile)]!)).toBe(hostingText.replaceAll('CustomerName', 'ClientName'));
    expect(applyEdits(portfolioText, edit.changes![uriOf(portfolioFile)]!)).toBe(renamedPortfolio);
    expect(Object.keys(edit.changes!).sort()).toEqual([uriOf(hostingFile), uriOf(portfolioFile)].sort());
  });

  describe('from the portfolio', () => {
    beforeAll(async () => {
      await openAndCheck('portfolio.sla', portfolioText);
    });

    it('goes to the param the with line fills', async () => {
      expect(await request<Location[]>(DefinitionRequest.type, fromPortfolio())).toEqual([paramDeclaration()]);
      const other = await request<Location[]>(DefinitionRequest.type, {
        textDocument: { uri: uriOf(portfolioFile) },
        position: at(portfolioText, '"other.sla" with Customer|Name'),
      });
      expect(other).toEqual([{ uri: uriOf(otherFile), range: word(hostingText, 'param |CustomerName') }]);
    });

    it('finds the same references as from the param', async () => {
      const fromParam = await request<Location[]>(ReferencesRequest.type, { ...fromHosting, context: { includeDeclaration: true } });
      const fromWith = await request<Location[]>(ReferencesRequest.type, { ...fromPortfolio(), context: { includeDeclaration: true } });
      expect(fromWith).toEqual(expect.arrayContaining(fromParam));
      expect(fromWith).toHaveLength(fromParam.length);
    });

    it('renames the param and every with line filling it', async () => {
      const edit = await request<WorkspaceEdit>(RenameRequest.type, { ...fromPortfolio(), newName: 'ClientName' });
      expect(applyEdits(hostingText, edit.changes![uriOf(hostingFile)]!)).toBe(hostingText.replaceAll('CustomerName', 'ClientName'));
      expect(applyEdits(portfolioText, edit.changes![uriOf(portfolioFile)]!)).toBe(renamedPortfolio);
      expect(edit.changes![uriOf(otherFile)]).toBeUndefined();
    });
  });
});
