import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Portfolios end to end through the built executable (bin/slac.js on the
 * bundle `npm run build` makes): `slac check`, `compile` and `validate` of
 * examples/multilevel/departments.sla, with the logs in fixtures/portfolio/.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'slac.js');
const folder = mkdtempSync(join(tmpdir(), 'slac-cli-portfolio-'));
cpSync(join(root, 'examples', 'multilevel'), join(folder, 'multilevel'), { recursive: true });
cpSync(join(root, 'test', 'cli', 'fixtures', 'portfolio'), join(folder, 'logs'), { recursive: true });
const PORTFOLIO = 'multilevel/departments.sla';

function slac(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('slac check PORTFOLIO LOG', () => {
  it('refuses a ticket of a client the portfolio does not list, naming file and line (no others)', () => {
    const run = slac('check', PORTFOLIO, 'logs/tickets.csv');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const message = "key 'client': ticket 'X-1' has client 'Marketing'; portfolio Departments lists 'Finance Department', 'Human Resources Department' and declares no others [SLA4030]";
    expect(run.stderr).toBe(
      `logs/tickets.csv:7: ${message}\nlogs/tickets.csv:8: ${message}\n` +
        'slac: no report: the input has 2 errors (pass --skip-invalid to leave invalid rows out).\n',
    );
  });

  it('with --skip-invalid, writes one report per client and counts and lists the rows of no client', () => {
    const run = slac('check', PORTFOLIO, 'logs/tickets.csv', '--skip-invalid');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^slac: 2 invalid log rows skipped \(also listed in the report\):\nlogs\/tickets\.csv:7: key 'client': ticket 'X-1' has client 'Marketing';/);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Portfolio Departments',
      'As of 2026-03-03T12:00:00+01:00',
      'Clients (2)',
      '  Finance Department          FinancePayroll  1 ticket, 0 with a breach  0 objectives missed  sets no service credits  OK',
      '  Human Resources Department  HumanResources  1 ticket, 0 with a breach  0 objectives missed  sets no service credits  OK',
    ]);
    expect(run.stdout).toContain('Rows of no client skipped: 2\n  logs/tickets.csv:7: key \'client\': ticket \'X-1\' has client \'Marketing\';');
    expect(run.stdout).toContain('== Client Finance Department: agreement FinancePayroll (finance.sla) ==\n\nPayroll Service Level Agreement (FinancePayroll)\n');
    expect(run.stdout).toContain('== Client Human Resources Department: agreement HumanResources (hr.sla) ==\n');
  });

  it('writes JSON as { portfolio, asOf, clients: [{ client, agreement, report }] }, each report that of the agreement alone', () => {
    const run = slac('check', PORTFOLIO, 'logs/tickets.csv', '--format', 'json', '--skip-invalid');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(run.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(Object.keys(report)).toEqual(['portfolio', 'asOf', 'clients', 'unassigned']);
    expect(report.portfolio).toBe('Departments');
    expect(report.asOf).toBe('2026-03-03T12:00:00+01:00');
    expect(report.clients.map((entry: Record<string, unknown>) => [Object.keys(entry), entry['client'], entry['agreement']])).toEqual([
      [['client', 'agreement', 'report'], 'Finance Department', 'FinancePayroll'],
      [['client', 'agreement', 'report'], 'Human Resources Department', 'HumanResources'],
    ]);
    expect(report.unassigned.invalidRows).toBe(2);
    expect(report.unassigned.skipped.map((row: { line: number }) => row.line)).toEqual([7, 8]);
    // The Finance rows alone, checked against finance.sla at the same instant, give the same report.
    const log = readFileSync(join(folder, 'logs', 'tickets.csv'), 'utf8').split('\n');
    writeFileSync(join(folder, 'logs', 'finance-only.csv'), [log[0], ...log.filter((line) => line.startsWith('F-1'))].join('\n'));
    const alone = slac('check', 'multilevel/finance.sla', 'logs/finance-only.csv', '--format', 'json', '--as-of', '2026-03-03T12:00:00+01:00');
    expect(report.clients[0].report).toEqual(JSON.parse(alone.stdout));
  });

  it('writes CSV with the client in a leading column', () => {
    const run = slac('check', PORTFOLIO, 'logs/tickets.csv', '--format', 'csv', '--skip-invalid');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => line.split(',').slice(0, 6).join(','))).toEqual([
      'client,ticket,severity,channel,metric,status',
      'Finance Department,F-1,High,Portal,Response,met',
      'Finance Department,F-1,High,Portal,Resolution,met',
      'Human Resources Department,H-1,Medium,Phone,Response,met',
      'Human Resources Department,H-1,Medium,Phone,Resolution,met',
    ]);
  });

  it('exits 1 when any client misses an objective', () => {
    const run = slac('check', PORTFOLIO, 'logs/tickets-missed.csv');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  Finance Department          FinancePayroll  1 ticket, 0 with a breach  0 objectives missed  sets no service credits  OK\n');
    expect(run.stdout).toContain('  Human Resources Department  HumanResources  1 ticket, 1 with a breach  1 objective missed   sets no service credits  MISSED\n');
  });
});

describe('slac compile PORTFOLIO -o DIR', () => {
  it.each(['md', 'html'])('writes one %s document per client, named after the client, creating the folder', (format) => {
    const run = slac('compile', PORTFOLIO, '-o', `out-${format}`, '--format', format);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(readdirSync(join(folder, `out-${format}`)).sort()).toEqual([`finance-department.${format}`, `human-resources-department.${format}`]);
    const finance = readFileSync(join(folder, `out-${format}`, `finance-department.${format}`), 'utf8');
    expect(finance).toContain('Payroll Service Level Agreement');
  });

  it("fills each client's params from `with`, then from --param; others gets a document when declared", () => {
    cpSync(join(root, 'examples', 'poologics.sla'), join(folder, 'params', 'poologics.sla'));
    cpSync(join(root, 'examples', 'letsflo.sla'), join(folder, 'params', 'letsflo.sla'));
    writeFileSync(
      join(folder, 'params', 'customers.sla'),
      [
        'portfolio Customers {',
        '  client "Acme Ltd" uses "poologics.sla" with ClientName "Acme Ltd"',
        '  client "Globex" uses "poologics.sla"',
        '  others use "letsflo.sla"',
        '}',
        '',
      ].join('\n'),
    );
    const run = slac('compile', 'params/customers.sla', '--format', 'md', '--param', 'ClientName=Default Co', '--param', 'Customer=Someone');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = join(folder, 'params', 'customers');
    expect(readdirSync(out).sort()).toEqual(['acme-ltd.md', 'globex.md', 'others.md']);
    expect(readFileSync(join(out, 'acme-ltd.md'), 'utf8')).toContain('Acme Ltd');
    expect(readFileSync(join(out, 'acme-ltd.md'), 'utf8')).not.toContain('Default Co');
    expect(readFileSync(join(out, 'globex.md'), 'utf8')).toContain('Default Co');
    expect(readFileSync(join(out, 'others.md'), 'utf8')).toContain('Someone');
    const unknown = slac('compile', 'params/customers.sla', '--format', 'md', '--param', 'Bogus=1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('slac: --param Bogus: no agreement of portfolio Customers declares a param named Bogus. Their params are: ClientName, Customer.\n');
  });

  it('refuses a file as the output folder', () => {
    writeFileSync(join(folder, 'a-file.txt'), '');
    const run = slac('compile', PORTFOLIO, '-o', 'a-file.txt', '--format', 'md');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('slac: cannot write into a-file.txt: it is a file; a portfolio compiles to a folder, one document per client (give -o a folder).\n');
  });

  it('prints every client as a PDF with one browser', () => {
    const run = slac('compile', PORTFOLIO, '-o', 'out-pdf');
    expect(run.code, run.stderr).toBe(0);
    for (const name of ['finance-department.pdf', 'human-resources-department.pdf']) {
      expect(readFileSync(join(folder, 'out-pdf', name)).subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 60_000);
});

describe('slac validate PORTFOLIO', () => {
  it('validates every agreement of the portfolio', () => {
    const run = slac('validate', PORTFOLIO);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('multilevel/departments.sla: no problems\n');
  });

  it("reports an agreement's errors by file and line, and the portfolio's path to it", () => {
    cpSync(join(folder, 'multilevel'), join(folder, 'broken'), { recursive: true });
    const finance = join(folder, 'broken', 'finance.sla');
    writeFileSync(finance, readFileSync(finance, 'utf8').replace('target High 2 hours', 'target Hgh 2 hours'));
    const run = slac('validate', 'broken/departments.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("broken/departments.sla:5:47: error SLA2017: The agreement 'finance.sla' has 1 error(s).");
    expect(run.stdout).toContain("broken/finance.sla:23:10: error SLA3008: Target for unknown severity 'Hgh'.");
    expect(existsSync(join(folder, 'broken', 'departments'))).toBe(false);
  });
});
