import { describe, expect, it } from 'vitest';
import { FoldingRangeRequest, type FoldingRange } from 'vscode-languageserver-protocol';
import { openExample, useServer } from './harness/session.js';

/**
 * A declaration that is one text block (`clause "..." """ ... """`) was
 * folded twice, from the same line to the same line: once as a block over
 * several lines, once as a text block. An editor shows one fold there; the
 * server answers each fold once. Also the other places two folds could
 * share their lines: a block statement opened on its declaration's first
 * line and closed on its last.
 */
const client = useServer();

const DOCUMENTS: { name: string; file: string; text: string }[] = [
  {
    name: 'a clause that is a text block',
    file: 'fold-clause.sla',
    text: 'clause "Emergency maintenance" """\n  The Provider may fix a vulnerability at once.\n  """\n',
  },
  {
    name: 'a block statement on the lines of its declaration',
    file: 'fold-calendar.sla',
    text: 'calendar Office { holidays {\n  annually 12-24 "Christmas Eve"\n} }\n',
  },
  {
    name: 'a review whose agenda takes its lines',
    file: 'fold-review.sla',
    text: 'review { agenda {\n  "Metrics" "Uptime."\n} }\n',
  },
];

const key = (range: FoldingRange): string => `${range.startLine}-${range.endLine}`;

describe('folding ranges', () => {
  it.each(DOCUMENTS)('$name: one range a pair of lines', async ({ file, text }) => {
    const { uri } = await openExample(client(), file, text);
    const ranges = (await client().connection.sendRequest(FoldingRangeRequest.method, { textDocument: { uri } })) as FoldingRange[];
    expect(ranges.length).toBeGreaterThan(0);
    const keys = ranges.map(key);
    expect(keys).toEqual([...new Set(keys)]);
  });

  it('the example agreements: one range a pair of lines', async () => {
    for (const file of ['hosting.sla', 'poologics.sla', 'letsflo.sla']) {
      const { uri } = await openExample(client(), file);
      const ranges = (await client().connection.sendRequest(FoldingRangeRequest.method, { textDocument: { uri } })) as FoldingRange[];
      const keys = ranges.map(key);
      expect(keys, file).toEqual([...new Set(keys)]);
    }
  });
});
