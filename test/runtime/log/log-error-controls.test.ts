import { describe, expect, it } from 'vitest';
import { formatLogError, logErrorToDiagnostic, type LogError } from '../../../runtime/log/log-error.js';
import { csvRowParser, ndjsonRowParser, type LogShape } from '../../../runtime/log/log-rows.js';

// A key of the log is quoted in `key '...':` before the message; like the
// values quoted in the message, it must not drive the terminal nor forge a line.

const shape: LogShape = { keys: ['ticket', 'time', 'event'], required: ['ticket', 'time', 'event'] };
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const controls = [
  { name: 'ESC', character: '\u001b', shown: '\\u{1b}' },
  { name: 'BEL', character: '\u0007', shown: '\\u{7}' },
  { name: 'CR', character: '\r', shown: '\\r' },
  { name: 'LF', character: '\n', shown: '\\n' },
  { name: 'C1 CSI', character: '\u009b', shown: '\\u{9b}' },
  { name: 'U+2028', character: '\u2028', shown: '\\u{2028}' },
];

function problemsOf(parser: (file: string, shape: LogShape, handler: { row(): void; problem(error: LogError): void }) => { push(chunk: string): void; end(): void }, file: string, text: string): LogError[] {
  const problems: LogError[] = [];
  const reader = parser(file, shape, { row: () => undefined, problem: (error) => problems.push(error) });
  reader.push(text);
  reader.end();
  return problems;
}

describe('a log key with a control character, quoted in a log warning', () => {
  it.each(controls)('NDJSON key with $name is escaped in SLA4011', ({ character, shown }) => {
    const key = `note${character}[31m`;
    const row = JSON.stringify({ ticket: 'T1', time: '2026-01-05T08:23:00Z', event: 'created', [key]: 'x' });
    const [warning] = problemsOf(ndjsonRowParser, 't.ndjson', `${row}\n`).filter((problem) => problem.code === 'SLA4011');
    expect(warning!.key).toBe(key);
    const line = formatLogError(warning!);
    expect(line).toContain(`key 'note${shown}[31m':`);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(logErrorToDiagnostic(warning!).message).not.toMatch(RAW_CONTROL);
  });

  it.each(controls.filter(({ name }) => name !== 'CR' && name !== 'LF'))('CSV column with $name is escaped in SLA4011', ({ character, shown }) => {
    const [warning] = problemsOf(csvRowParser, 't.csv', `ticket,time,event,x${character}y\nT1,2026-01-05T08:23:00Z,created,\n`).filter((problem) => problem.code === 'SLA4011');
    const line = formatLogError(warning!);
    expect(line).toContain(`key 'x${shown}y':`);
    expect(line).not.toMatch(RAW_CONTROL);
  });

  it.each(controls)('a quoted CSV column with $name is escaped in SLA4011 and SLA4023', ({ character }) => {
    const column = `"x${character}y"`;
    const problems = problemsOf(csvRowParser, 't.csv', `ticket,time,event,${column},${column}\nT1,2026-01-05T08:23:00Z,created,,\n`);
    expect(problems.map((problem) => problem.code).sort()).toEqual(['SLA4011', 'SLA4023']);
    for (const problem of problems) expect(formatLogError(problem)).not.toMatch(RAW_CONTROL);
  });
});
