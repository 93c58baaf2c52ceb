/**
 * LANGUAGE.md "Diagnostics": one small invalid agreement per listed problem,
 * through `slac validate --format json`, expecting a diagnostic with a code at
 * the right line; and every example validates with no diagnostic at all.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, slac } from './helpers.js';

/** A valid agreement of 15 lines; cases append lines from 16 on. */
const BASE = [
  'agreement A { effective 2026-01-01 }',
  'calendar Cal {',
  '  timezone "America/New_York"',
  '  hours Mon-Fri 08:00-18:00',
  '}',
  'calendar Always { timezone "UTC" hours Mon-Sun 00:00-24:00 }',
  'severity High { description "h" }',
  'severity Low { description "l" default }',
  'metric Fix {',
  '  measures resolution',
  '  clock Cal',
  '  target 4 hours',
  '  objective 90% monthly',
  '}',
  'metric Up { measures uptime clock Always objective 99% monthly }',
];

interface Diagnostic {
  file: string;
  range: { start: { line: number; column: number } };
  severity: string;
  code: string;
  message: string;
}

async function validate(files: Record<string, string>, main = 'main.sla'): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  const folder = folderWith(files);
  const result = await slac(folder, 'validate', '--format', 'json', main);
  return { code: result.code, diagnostics: JSON.parse(result.stdout) };
}

interface Case {
  problem: string;
  lines: string[];
  code: string;
  line: number;
  /** Replace the base instead of appending to it. */
  alone?: boolean;
  message?: RegExp;
}

const CASES: Case[] = [
  { problem: 'syntax error (bad date)', lines: ['clause "C" """x"""', 'agreement B { effective 2026-13-01 }'], code: 'SLA1020', line: 17 },
  { problem: 'syntax error (statement not allowed in a block)', lines: ['severity Mid {', '  description "m"', '  deadline 4 hours', '}'], code: 'SLA1012', line: 18 },
  { problem: 'unknown reference with a did-you-mean', lines: ['channel Mail { hours Call }'], code: 'SLA2001', line: 16, message: /Cal/ },
  { problem: 'unknown metric in escalation', lines: ['escalation { level 1 "a" at 50% of Fixx }'], code: 'SLA2001', line: 16, message: /Fix/ },
  { problem: 'duplicate names', lines: ['calendar Cal { timezone "UTC" hours Mon 08:00-09:00 }'], code: 'SLA2002', line: 16 },
  { problem: 'unknown time zone', lines: ['calendar Office {', '  timezone "Europe/Berln"', '  hours Mon 08:00-09:00', '}'], code: 'SLA3001', line: 17, message: /Europe\/Berlin/ },
  { problem: 'overlapping hour ranges', lines: ['calendar Office {', '  timezone "UTC"', '  hours Mon-Fri 08:00-12:00, 11:00-13:00', '}'], code: 'SLA3002', line: 18 },
  { problem: 'overlapping hours over two lines', lines: ['calendar Office {', '  timezone "UTC"', '  hours Mon-Fri 08:00-12:00', '  hours Wed 09:00-10:00', '}'], code: 'SLA3002', line: 19 },
  { problem: 'empty hour range', lines: ['calendar Office {', '  timezone "UTC"', '  hours Mon 08:00-08:00', '}'], code: 'SLA3003', line: 18 },
  { problem: '24:00 as a start', lines: ['calendar Office {', '  timezone "UTC"', '  hours Mon 24:00-06:00', '}'], code: 'SLA3004', line: 18 },
  { problem: 'percentage above 100', lines: ['metric Fr {', '  measures first response', '  clock Cal', '  target 1 hour', '  objective 101% monthly', '}'], code: 'SLA3005', line: 20 },
  { problem: 'credit percentage above 100', lines: ['credits {', '  when Fix below 150% credit 5%', '  cap 10%', '}'], code: 'SLA3005', line: 17 },
  { problem: 'no default severity', alone: true, lines: ['calendar Always { timezone "UTC" hours Mon-Sun 00:00-24:00 }', 'severity High { description "h" }', 'severity Low { description "l" }', 'metric Fix { measures resolution clock Always target 4 hours }'], code: 'SLA3006', line: 0 },
  { problem: 'two default severities', lines: ['severity Lowest { description "x" default }'], code: 'SLA3007', line: 16 },
  { problem: 'a target for an unknown severity', lines: ['metric Fr {', '  measures first response', '  clock Cal', '  target Hig 1 hour', '}'], code: 'SLA3008', line: 19, message: /High/ },
  { problem: 'measures uptime with a target', lines: ['metric Up2 {', '  measures uptime', '  clock Always', '  target 1 hour', '  objective 99% monthly', '}'], code: 'SLA3009', line: 19 },
  { problem: 'escalation levels going backwards', lines: ['escalation {', '  level 1 "a" at 100% of Fix', '  level 2 "b" at 50% of Fix', '}'], code: 'SLA3010', line: 18 },
  { problem: 'credit tiers not monotonic', lines: ['credits {', '  when Up below 99.9% credit 10%', '  when Up below 99% credit 5%', '  cap 20%', '}'], code: 'SLA3011', line: 0 },
  { problem: 'a credit above the cap', lines: ['credits {', '  when Up below 99.9% credit 5%', '  when Up below 99% credit 25%', '  cap 20%', '}'], code: 'SLA3012', line: 18 },
  { problem: 'ambiguous days on a calendar not open around the clock', lines: ['metric Fr {', '  measures first response', '  clock Cal', '  target 2 days', '}'], code: 'SLA3013', line: 19, message: /business days/ },
  { problem: 'missing import file', lines: ['import "nowhere.sla"'], code: 'SLA2003', line: 16 },
];

describe('LANGUAGE.md Diagnostics: one case per listed problem', () => {
  it('the base agreement of the cases is valid', async () => {
    const { code, diagnostics } = await validate({ 'main.sla': BASE.join('\n') + '\n' });
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(CASES)('$problem: $code at line $line', async ({ lines, code, line, alone, message }) => {
    const text = (alone ? lines : [...BASE, ...lines]).join('\n') + '\n';
    const result = await validate({ 'main.sla': text });
    const found = result.diagnostics.filter((d) => d.code === code);
    expect(found.length, JSON.stringify(result.diagnostics)).toBeGreaterThan(0);
    // line 0: the problem is a whole-file one; any line is acceptable.
    if (line > 0) expect(found.map((d) => d.range.start.line), JSON.stringify(result.diagnostics)).toContain(line);
    if (message) expect(found.some((d) => message.test(d.message))).toBe(true);
    expect(found[0].severity).toBe('error');
    expect(result.code).toBe(2);
  });

  // Fixed: an `after` level and an `at` level on the same clock are compared.
  it('escalation levels going backwards across an `after` and an `at` level on the same clock', async () => {
    const text = [...BASE, 'metric Ack { measures first response clock Cal target 1 hour }', 'escalation {', '  clock Cal', '  level 1 "a" after 2 hours', '  level 2 "b" at 100% of Ack', '}'].join('\n') + '\n';
    const { diagnostics } = await validate({ 'main.sla': text });
    expect(diagnostics.map((d) => d.code)).toContain('SLA3010');
  });

  it('imports are relative to the importing file, through folders', async () => {
    const result = await validate({
      'main.sla': 'import "shared/base.sla"\nmetric M { measures resolution clock C target 4 hours }\n',
      'shared/base.sla': 'import "cal.sla"\nseverity S { description "s" default }\n',
      'shared/cal.sla': 'calendar C { timezone "UTC" hours Mon-Sun 00:00-24:00 }\n',
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('an import cycle is reported', async () => {
    const result = await validate({
      'main.sla': [...BASE, 'import "other.sla"'].join('\n') + '\n',
      'other.sla': 'import "main.sla"\n',
    });
    expect(result.diagnostics.map((d) => d.code)).toContain('SLA2004');
    expect(result.code).toBe(2);
  });

  it('syntax errors are recovered from: one file shows all of its errors', async () => {
    const text = [...BASE, 'agreement B { effective 2026-13-01 }', 'calendar X {', '  timezone "UTC"', '  hours Mon 25:00-26:00', '}', 'metric Y { measures resolution clock X target 4 hourz }'].join('\n') + '\n';
    const { diagnostics } = await validate({ 'main.sla': text });
    const lines = new Set(diagnostics.map((d) => d.range.start.line));
    expect(lines.has(16)).toBe(true);
    expect(lines.has(19)).toBe(true);
    expect(lines.has(21)).toBe(true);
  });

  it('the same code is reported by slac check for the same file (exit 2, nothing on stdout)', async () => {
    const folder = folderWith({
      'main.sla': [...BASE, 'calendar Office {', '  timezone "Europe/Berln"', '  hours Mon 08:00-09:00', '}'].join('\n') + '\n',
      'log.csv': 'ticket,time,event\nA,2026-03-02T10:00:00Z,created\n',
    });
    const result = await slac(folder, 'check', 'main.sla', 'log.csv', '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('SLA3001');
  });
});

describe('every example validates with zero diagnostics', () => {
  const root = join(import.meta.dirname, '..', '..');
  const examples = [
    ...readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.sla')).map((f) => `examples/${f}`),
    ...readdirSync(join(root, 'examples', 'multilevel')).filter((f) => f.endsWith('.sla')).map((f) => `examples/multilevel/${f}`),
  ];

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s', async (file) => {
    const result = await slac(root, 'validate', '--format', 'json', file);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });
});
