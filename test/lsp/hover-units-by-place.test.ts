// Hovers and completion documentation of words whose meaning depends on
// where they stand: a duration unit of a claim, of maintenance terms or of
// a review cadence is not open time of a clock, `days` in `business days` is
// not days of 24 hours, and an escalation's `clock` is not a metric's. Over
// stdio JSON-RPC, on hosting.sla with those lines added.
import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, HoverRequest, type CompletionItem, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

const client = useServer();
let file: OpenExample;

/** hosting.sla with an escalation clock and a level after business days, a claim, and a cadence in weeks. */
function edited(text: string): string {
  return text
    .replace('escalation {\n', 'escalation {\n  clock Office\n')
    .replace('  level 2 "Head of Operations" at 100% of Fix\n', '  level 2 "Head of Operations" at 100% of Fix\n  level 3 "Managing director" after 2 business days\n')
    .replace('  cap 30%\n', '  claim within 30 days by "email to billing@northwind.example"\n  cap 30%\n')
    .replace('every 3 months', 'every 2 weeks');
}

beforeAll(async () => {
  file = await openExample(client(), 'hosting.sla');
  file.text = edited(file.text);
  await client().change(file.uri, file.text);
});

async function hoverText(marked: string): Promise<string> {
  const hover = (await client().connection.sendRequest(HoverRequest.type, { textDocument: { uri: file.uri }, position: at(file.text, marked) })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : '';
}

const AROUND_THE_CLOCK_ONLY = 'only allowed on a calendar open around the clock';

const hovers: { name: string; cursor: string; says: string[]; not: string[] }[] = [
  { name: 'days of a claim: real elapsed time', cursor: 'claim within 30 da|ys', says: ['real elapsed time', 'claim'], not: [AROUND_THE_CLOCK_ONLY, 'open time of'] },
  { name: 'weeks of a review cadence: calendar weeks', cursor: 'every 2 we|eks', says: ['Calendar weeks', 'effective'], not: ["clock's open time"] },
  { name: 'days of business days: the business-day rule', cursor: 'after 2 business da|ys', says: ['close of the N-th open day'], not: [AROUND_THE_CLOCK_ONLY] },
  { name: 'business of business days', cursor: 'after 2 busi|ness days', says: ['close of the N-th open day'], not: [] },
  { name: 'the clock of an escalation block', cursor: 'escalation {\n  clo|ck Office', says: ['`after` levels'], not: ['the metric counts'] },
  { name: 'the clock of a metric is still the metric\'s', cursor: 'measures resolution\n  clo|ck OnCall', says: ['the metric counts'], not: ['`after` levels'] },
];

describe('hovers on words that mean what their place says', () => {
  it.each(hovers)('$name', async ({ cursor, says, not }) => {
    const text = await hoverText(cursor);
    for (const expected of says) expect(text).toContain(expected);
    for (const unexpected of not) expect(text).not.toContain(unexpected);
  });
});

/** The documentation of each unit offered at the marked cursor of `text`. */
async function unitDocsAt(text: string, marked: string): Promise<Record<string, string>> {
  await client().change(file.uri, text);
  const result = (await client().connection.sendRequest(CompletionRequest.type, { textDocument: { uri: file.uri }, position: at(text, marked) })) as
    | CompletionItem[]
    | CompletionList
    | null;
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return Object.fromEntries(items.map((item) => [item.label, (item.documentation as MarkupContent | undefined)?.value ?? '']));
}

const completions: { name: string; from: string; to: string; cursor: string; units: string[]; says: string; not: string }[] = [
  { name: 'a notice', from: '  notice 5 days\n', to: '  notice 5 \n', cursor: 'notice 5 |', units: ['days', 'hours'], says: 'real elapsed time', not: AROUND_THE_CLOCK_ONLY },
  { name: 'a claim', from: 'claim within 30 days by', to: 'claim within 30  by', cursor: 'claim within 30 | by', units: ['days', 'weeks'], says: 'real elapsed time', not: "clock's open time" },
  { name: 'a review cadence', from: 'every 2 weeks', to: 'every 2 ', cursor: 'every 2 |', units: ['days', 'weeks'], says: 'Calendar', not: "clock's open time" },
];

describe('completion documents a unit as its place counts it', () => {
  it.each(completions)('$name', async ({ from, to, cursor, units, says, not }) => {
    const docs = await unitDocsAt(file.text.replace(from, to), cursor);
    for (const unit of units) {
      expect(docs[unit], unit).toContain(says);
      expect(docs[unit], unit).not.toContain(not);
    }
  });
});
