import { describe, expect, it } from 'vitest';
import { formatLogError, type LogError } from '../../../runtime/log/log-error.js';
import { ndjsonRowParser, type LogShape } from '../../../runtime/log/log-rows.js';

const shape: LogShape = { keys: ['ticket', 'time', 'event', 'severity', 'level'], required: ['ticket', 'time', 'event'] };

function read(text: string): { lines: number[]; problems: LogError[] } {
  const result = { lines: [] as number[], problems: [] as LogError[] };
  const parser = ndjsonRowParser('tickets.ndjson', shape, {
    row: (_values, line) => result.lines.push(line),
    problem: (error) => result.problems.push(error),
  });
  parser.push(text);
  parser.end();
  return result;
}

describe('NDJSON rows that give a key twice', () => {
  it.each([
    ['a repeated text key', '{"ticket":"A","ticket":"B","time":"t","event":"created"}', 'ticket'],
    ['a repeated key with space before the colon', '{"ticket" : "A", "time":"t","event":"created", "ticket" :"B"}', 'ticket'],
    ['a repeated number key', '{"ticket":"A","time":"t","event":"escalated","level":1,"level":2}', 'level'],
    ['a key written with an escape', '{"ticket":"A","time":"t","event":"created","\\u0074ime":"u"}', 'time'],
    ['a repeat after a nested value', '{"ticket":"A","time":"t","event":"created","x":{"event":"y"},"event":"reply"}', 'event'],
  ])('reports %s with file, line and key, and skips the row', (_name, row, key) => {
    const { lines, problems } = read(`{"ticket":"Z","time":"t","event":"created"}\n${row}\n`);
    expect(lines).toEqual([1]);
    expect(problems.map((problem) => [problem.code, problem.file, problem.line, problem.key])).toEqual([['SLA4042', 'tickets.ndjson', 2, key]]);
    expect(formatLogError(problems[0]!)).toBe(
      `tickets.ndjson:2: key '${key}': appears more than once in the row; JSON would keep only the last value [SLA4042]`,
    );
  });

  it.each([
    ['a flat row', '{"ticket":"A","time":"t","event":"created","severity":"P1"}'],
    ['a number id and level', '{"ticket":7,"time":"t","event":"escalated","level":2}'],
    ['an escaped quote in a value', '{"ticket":"A \\"x\\"","time":"t","event":"created"}'],
    ['the same key inside a nested value', '{"ticket":"A","time":"t","event":"created","x":{"ticket":"B","ticket":"C"}}'],
    ['a value that reads like a key', '{"ticket":"\\"time\\":","time":"t","event":"created"}'],
  ])('reads %s', (_name, row) => {
    const { lines, problems } = read(row + '\n');
    expect(lines).toEqual([1]);
    expect(problems.filter((problem) => problem.code === 'SLA4042')).toEqual([]);
  });
});
