import { describe, expect, it } from 'vitest';
import { OwnedLines, quickTicket } from '../../../runtime/check/parallel/owned-lines.js';
import { partitionOf } from '../../../runtime/check/parallel/partition.js';

/** Lines whose ticket the quick reader must read as JSON.parse does, or decline (undefined). */
const LINES: [string, string | number | undefined][] = [
  ['{"ticket":"T-1","time":"2026-01-01T00:00:00Z","event":"created"}', 'T-1'],
  ['  { "time" : "x" , "ticket" : "T 2" }\r', 'T 2'],
  ['{"ticket":42,"event":"created"}', 42],
  ['{"ticket":-4.5e3}', -4500],
  ['{"ticket":"a\\"b"}', undefined], // an escape
  ['{"status":"x,","ticket":"y","z":"w"}', 'y'],
  ['{"status":"\\"ticket\\":\\"B\\"","ticket":"A"}', undefined],
  ['{"note":"say \\"ticket\\"","ticket":"A"}', undefined],
  ['{"x":{"ticket":"A"},"ticket":"B"}', undefined], // nested
  ['{"ticket":"A","ticket":"B"}', undefined], // repeated
  ['{"ticket":["A"]}', undefined],
  ['{"ticket":null}', undefined],
  ['{"ticket":true}', undefined],
  ['{"event":"created"}', undefined],
  ['[1,2]', undefined],
  ['x{"ticket":"A"}', undefined],
];

describe('quickTicket', () => {
  it.each(LINES)('%s', (line, expected) => {
    expect(quickTicket(line)).toBe(expected);
    if (expected !== undefined) expect((JSON.parse(line) as { ticket: unknown }).ticket).toBe(expected);
  });
});

describe('partitionOf', () => {
  it('puts the ways of writing one ticket id in one partition', () => {
    for (const partitions of [2, 3, 4, 7]) {
      expect(partitionOf(7, partitions)).toBe(partitionOf('7', partitions));
      expect(partitionOf(' 7 ', partitions)).toBe(partitionOf('7', partitions));
      expect(partitionOf('NW-1001\t', partitions)).toBe(partitionOf('NW-1001', partitions));
    }
  });

  it('spreads ids over every partition', () => {
    const counts = [0, 0, 0, 0];
    for (let id = 0; id < 4000; id++) counts[partitionOf(`T-${id}`, 4)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});

describe('OwnedLines', () => {
  it('gives every line to exactly one partition, blanking it in the others, line endings kept', () => {
    const text = ['{"ticket":"A"}', '{"ticket":"B"}', 'not json', '', '{"ticket":"A"}\r', '{"ticket":"C"}', '{"ticket":"B\\u0022"}', '{"ticket":"B\\"","x":1}'].join('\n');
    const outputs = [0, 1, 2].map((partition) => {
      let out = '';
      const lines = new OwnedLines(partition, 3, (chunk) => (out += chunk));
      // Chunks cut mid-line, as a stream gives them.
      for (let at = 0; at < text.length; at += 5) lines.write(text.slice(at, at + 5));
      lines.end();
      return out;
    });
    const split = outputs.map((out) => out.split('\n'));
    for (const lines of split) expect(lines).toHaveLength(8);
    text.split('\n').forEach((line, index) => {
      const holders = split.filter((lines) => lines[index] !== '');
      if (line === '') expect(holders).toHaveLength(0);
      else expect(holders.map((lines) => lines[index])).toEqual([line]);
    });
    // Both rows of ticket A in one partition; and both ways of escaping ticket B" (read by JSON.parse).
    expect(split.filter((lines) => lines[0] !== '' && lines[4] !== '')).toHaveLength(1);
    expect(split.filter((lines) => lines[6] !== '' && lines[7] !== '')).toHaveLength(1);
  });
});
