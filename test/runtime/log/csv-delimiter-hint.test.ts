import { describe, expect, it } from 'vitest';
import { formatLogError, type LogError } from '../../../runtime/log/log-error.js';
import { csvRowParser, type LogShape } from '../../../runtime/log/log-rows.js';

const shape: LogShape = { keys: ['ticket', 'time', 'event', 'severity'], required: ['ticket', 'time', 'event'] };

function headerProblems(text: string): LogError[] {
  const problems: LogError[] = [];
  const parser = csvRowParser('tickets.csv', shape, { row: () => undefined, problem: (error) => problems.push(error) });
  parser.push(text);
  parser.end();
  return problems.filter((problem) => problem.code === 'SLA4013');
}

describe('a CSV header written with another delimiter', () => {
  it.each([
    ['semicolons', 'ticket;time;event\nT-1;2026-01-01T00:00Z;created\n'],
    ['semicolons with spaces and an optional column', 'Ticket ; Time ; Event ; Severity\n'],
    ['tabs', 'ticket\ttime\tevent\n'],
  ])('names the delimiter when the columns are separated by %s', (name, text) => {
    const problems = headerProblems(text);
    expect(problems.length).toBeGreaterThan(0);
    const message = formatLogError(problems[0]!);
    expect(message).toMatch(/^tickets\.csv:1: key 'ticket': the header row has no 'ticket' column/);
    expect(message).toContain(`the columns look separated by ${name.split(' ')[0]}: a CSV log separates them with commas`);
  });

  it('names the header it read, even the columns it does not know', () => {
    expect(headerProblems('ticket;time;event\n')[0]!.message).toContain("it names ticket;time;event;");
  });

  it('gives no delimiter hint for a header that merely lacks a column', () => {
    const problems = headerProblems('ticket,event,note;x\n');
    expect(problems.map((problem) => problem.key)).toEqual(['time']);
    expect(problems[0]!.message).toBe("the header row has no 'time' column; it names ticket, event or note;x");
  });
});
