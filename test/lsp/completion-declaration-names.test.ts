// Typing the name of a new declaration: completion offered the statements
// around it, so `calendar Cal` was offered `calendar` (Enter in VS Code
// wrote `calendar calendar`), `metric Me` was offered `metric` and
// `measurement`, and `channel Ho {` was offered `hours`. A new name is the
// author's to invent: nothing is offered there. Where a name is one to
// pick (`override calendar `, `clock `), the names still are.
import { describe, expect, it } from 'vitest';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { positionAt, uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

const client = useServer();
const base = 'calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 }\nseverity P1 { description "x" default }\n';
let opened = 0;

/** The labels offered at the `|` of `marked` appended to `base`, asked as VS Code asks while a word is typed. */
async function labelsAt(marked: string): Promise<string[]> {
  const full = `${base}${marked}\n`;
  const bar = full.indexOf('|');
  const text = full.slice(0, bar) + full.slice(bar + 1);
  const uri = uriOf(`/tmp/slac-declaration-names/n${opened++}.sla`);
  const published = client().diagnostics(uri);
  await client().open(uri, text);
  await published;
  const answer = (await client().connection.sendRequest(CompletionRequest.method, {
    textDocument: { uri },
    position: positionAt(text, bar),
    context: { triggerKind: 1 },
  })) as CompletionItem[] | CompletionList | null;
  const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
  return items.map((item) => String(item.label));
}

const NEW_NAMES = [
  'calendar Cal|',
  'channel Ho| {\n}',
  'metric Me|',
  'param Cl|',
  'agreement Ti| {\n}',
  'severity De|',
  'portfolio Cl|',
  'calendar |',
];

describe('completion where a new declaration is named', () => {
  it.each(NEW_NAMES)('%s: nothing', async (marked) => {
    expect(await labelsAt(marked)).toEqual([]);
  });

  it('still offers statements at the start of a line and the names to pick after clock', async () => {
    expect(await labelsAt('cal|')).toEqual(expect.arrayContaining(['calendar', 'metric']));
    expect(await labelsAt('metric M {\n  clock |\n}')).toEqual(['Office']);
  });
});
