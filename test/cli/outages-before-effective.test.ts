import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * Uptime is measured in periods from the effective date on: an outage row
 * that ended before it (a mistyped year) fell in no period, and the report
 * said 100% without a word. SLA4059 names the first such row and counts them.
 */
const examples = join(repoRoot, 'examples');
const HEADER = 'start,end,kind,announced,description,client';
const early = '2025-04-12T02:00:00+02:00,2025-04-12T04:46:00+02:00,outage,,typo,';
const earlier = '2025-03-12T02:00:00+01:00,2025-03-12T04:46:00+01:00,outage,,typo,';
const inside = '2026-04-12T02:00:00+02:00,2026-04-12T02:46:00+02:00,outage,,real,';
const straddles = '2026-03-31T23:00:00+02:00,2026-04-01T01:00:00+02:00,outage,,across the effective date,';
const says = (count: number) =>
  count === 1
    ? '1 outage row ends before 2026-04-01, when the agreement took effect and uptime is first measured: no period counts it as downtime; correct the dates, or leave it out of the outage log'
    : `${count} outage rows end before 2026-04-01, when the agreement took effect and uptime is first measured (the first of them on this line): no period counts them as downtime; correct the dates, or leave them out of the outage log`;

interface Case {
  name: string;
  rows: string[];
  format: 'text' | 'json';
  jobs: '1' | '2';
  /** The warning's line and text; undefined: no SLA4059. */
  line?: number;
  text?: string;
}

const cases: Case[] = [
  { name: 'one row a year early', rows: [inside, early], format: 'text', jobs: '1', line: 3, text: says(1) },
  { name: 'two rows early, JSON', rows: [early, inside, earlier], format: 'json', jobs: '1', line: 2, text: says(2) },
  { name: 'two rows early, on threads', rows: [early, inside, earlier], format: 'json', jobs: '2', line: 2, text: says(2) },
  { name: 'a row across the effective date counts from it: no warning', rows: [straddles, inside], format: 'json', jobs: '1' },
];

describe('slac check: outage rows that end before the agreement took effect (SLA4059)', () => {
  it.each(cases)('$name', ({ rows, format, jobs, line, text }) => {
    const folder = freshFolder('outages-before-effective');
    write(folder, 'o.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const run: (args: string[], folder: string) => CliRun = jobs === '1' ? runBuiltCli : runBuiltCliOnThreads;
    const result = run(['check', join(examples, 'hosting.sla'), join(examples, 'logs', 'hosting.tickets.ndjson'), '--outages', 'o.csv', '--format', format, '--jobs', jobs], folder);
    expect(result.code, result.stderr).not.toBe(2);
    expect(result.code).not.toBe(70);
    const warned = result.stderr.split('\n').filter((entry) => entry.includes('SLA4059'));
    expect(warned).toEqual(text === undefined ? [] : [`o.csv:${line}: warning: ${text} [SLA4059]`]);
    if (format === 'json') {
      const report = JSON.parse(result.stdout) as { warnings: { code: string; line: number; message: string }[] };
      expect(report.warnings.filter((warning) => warning.code === 'SLA4059')).toEqual(text === undefined ? [] : [expect.objectContaining({ line, message: text })]);
    }
  });
});

it('a portfolio: its client is warned, naming the shared outage log', () => {
  const folder = freshFolder('portfolio-outages-before-effective');
  write(folder, 'hosting.sla', readFileSync(join(examples, 'hosting.sla'), 'utf8'));
  write(folder, 'p.sla', 'portfolio P {\n  client "Acme" uses "hosting.sla"\n}\n');
  write(folder, 'log.csv', 'ticket,time,event,severity,client\nT1,2026-04-07T09:00:00+02:00,created,P2,Acme\nT1,2026-04-07T10:00:00+02:00,resolved,,\n');
  write(folder, 'o.csv', `${HEADER}\n${inside}\n${early}\n`);
  const result = runBuiltCli(['check', 'p.sla', 'log.csv', '--outages', 'o.csv'], folder);
  expect(result.code, result.stderr).not.toBe(2);
  expect(result.code).not.toBe(70);
  const warned = result.stderr.split('\n').filter((entry) => entry.includes('SLA4059'));
  expect(warned).toEqual([`o.csv:3: warning: client 'Acme': ${says(1)} [SLA4059]`]);
});

/**
 * The effective date begins at midnight in each uptime clock's zone: with
 * one clock in Berlin and one in Auckland, a row ending at 15:00 UTC on 31
 * March is counted in Auckland's April and before Berlin's. The warning took
 * the earliest midnight only, so that row went unwarned for Berlin's metric.
 */
describe('SLA4059 with uptime clocks in different zones', () => {
  const aucklandUptime = `
calendar Auckland {
  timezone "Pacific/Auckland"
  hours Mon-Sun 00:00-24:00
}

metric UptimeNZ {
  title "Availability in New Zealand"
  measures uptime
  clock Auckland
  objective 99.5% monthly
}
`;
  const between = '2026-03-31T12:00:00Z,2026-03-31T15:00:00Z,outage,,between the two midnights,';
  const bothMissed = '1 outage row ends before 2026-04-01, when the agreement took effect and uptime is first measured: no period counts it as downtime; correct the dates, or leave it out of the outage log';
  const berlinMissed = bothMissed.replace('no period counts', "no period of 'Platform availability' counts");
  it.each([
    { name: 'a row between the midnights: Berlin’s metric is named', row: between, jobs: '1' as const, text: berlinMissed },
    { name: 'the same on threads', row: between, jobs: '2' as const, text: berlinMissed },
    { name: 'a row before both: no period counts it', row: early, jobs: '1' as const, text: bothMissed },
  ])('$name', ({ row, jobs, text }) => {
    const folder = freshFolder('outages-before-effective-zones');
    write(folder, 'h.sla', `${readFileSync(join(examples, 'hosting.sla'), 'utf8')}${aucklandUptime}`);
    write(folder, 'o.csv', `${HEADER}\n${row}\n`);
    const run = jobs === '1' ? runBuiltCli : runBuiltCliOnThreads;
    const result = run(['check', 'h.sla', join(examples, 'logs', 'hosting.tickets.ndjson'), '--outages', 'o.csv', '--jobs', jobs], folder);
    expect(result.code, result.stderr).not.toBe(2);
    expect(result.code).not.toBe(70);
    expect(result.stderr.split('\n').filter((entry) => entry.includes('SLA4059'))).toEqual([`o.csv:2: warning: ${text} [SLA4059]`]);
  });
});
