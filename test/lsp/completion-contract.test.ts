// Completion for the contract-terms declarations (`severities`, `measurement`,
// `term`, and the claim lines of `credits`), over stdio JSON-RPC, with the
// cursor addressed by text in a half-typed copy of hosting.sla.
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

const client = useServer();
let file: OpenExample;

const typed = [
  'severities {',
  '  assigned ',
  '  changed by ',
  '  ',
  '}',
  '',
  'measurement {',
  '  ',
  '}',
  '',
  'credits {',
  '  claim ',
  '  sole ',
  '  cap 30%',
].join('\n');

beforeAll(async () => {
  file = await openExample(client(), 'hosting.sla');
  const text = file.text.replace('credits {\n', `${typed}\n`);
  await client().change(file.uri, text);
  file.text = text;
});

async function labelsAt(marked: string): Promise<string[]> {
  const result = (await client().connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: file.uri },
    position: at(file.text, marked),
  })) as CompletionItem[] | CompletionList | null;
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((item) => item.label);
}

const cases: { name: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  { name: 'the new declarations at the top level', cursor: '}\n|\nseverities {', includes: ['term'], excludes: ['records', 'assigned by', 'severities', 'measurement'] },
  { name: 'severities statements', cursor: '  changed by \n  |\n}', includes: ['changed by'], excludes: ['records', 'target', 'assigned by'] },
  { name: 'by after assigned', cursor: '  assigned |', includes: ['by'], excludes: ['Provider'] },
  { name: 'the parties after changed by', cursor: '  changed by |', includes: ['Provider', 'Client'], excludes: ['Office'] },
  { name: 'measurement statements', cursor: 'measurement {\n  |', includes: ['records'], excludes: ['assigned by', 'when'] },
  { name: 'credits statements', cursor: '  sole \n  |cap 30%', includes: ['when', 'fee'], excludes: ['records', 'cap', 'claim', 'sole remedy'] },
  { name: 'within and by after claim', cursor: '  claim |', includes: ['within', 'by'], excludes: ['Uptime'] },
  { name: 'remedy after sole', cursor: '  sole |', includes: ['remedy'], excludes: ['Uptime'] },
];

describe('completion of the contract terms', () => {
  it.each(cases)('$name', async ({ cursor, includes, excludes }) => {
    const labels = await labelsAt(cursor);
    expect(labels).toEqual(expect.arrayContaining(includes));
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});
