import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

// The small agreement is ticket-only: its generated text speaks of Tickets, never of the Service.
const uptime = '\ncalendar Always {\n  timezone "UTC"\n  hours Mon-Sun 00:00-24:00\n}\n\nmetric Uptime {\n  measures uptime\n  clock Always\n  objective 99.9% monthly\n}\n';
const clause = (prose: string): string => `\nclause "Support" """\n  ${prose}\n  """\n`;

/** [case, declarations appended to the small agreement, the term warned of or undefined]. */
const CASES: [string, string, string | undefined][] = [
  ['a term nothing uses', '\nterm "Incident" "an unplanned interruption"\n', 'Incident'],
  ['a term the author\'s clause uses', `\nterm "Incident" "an unplanned interruption"\n${clause('Each Incident is logged.')}`, undefined],
  ['a term used in the plural', `\nterm "Incident" "an unplanned interruption"\n${clause('Incidents are logged.')}`, undefined],
  ['a term used only in lower case (the word, not the term)', `\nterm "Incident" "an unplanned interruption"\n${clause('Every incident is logged.')}`, 'Incident'],
  ['a term used only in its own definition', '\nterm "Incident" "an Incident is an unplanned interruption"\n', 'Incident'],
  ['a term used in another term\'s definition', '\nterm "Incident" "an unplanned interruption"\nterm "Outage" "an Incident that stops the platform"\n', 'Outage'],
  ['a term used only as the start of a longer name', `\nterm "Service" "the hosting service"\n${clause('See the Service Desk.')}`, 'Service'],
  ['a term that replaces a generated one the document uses (availability speaks of the Service)', `\nterm "Service" "the hosting service"\n${uptime}`, undefined],
  ['a generated term replaced in other case keeps the generated spelling, which is used', '\nterm "ticket" "a request for support"\n', undefined],
];

describe('slac compile warns of an author\'s term the document never uses (SLA5005)', () => {
  test.each(CASES)('%s', (_name, extra, warned) => {
    const folder = freshFolder('unused-terms');
    write(folder, 'small.sla', agreementText(extra));
    const run = runBuiltCli(['compile', 'small.sla', '--format', 'md', '-o', 'small.md'], folder);
    expect(run.code).toBe(0);
    expect(existsSync(join(folder, 'small.md'))).toBe(true);
    if (warned === undefined) expect(run.stderr).not.toContain('SLA5005');
    else expect(run.stderr).toMatch(new RegExp(`small\\.sla:\\d+:\\d+: warning SLA5005: The term '${warned}' is defined, but the agreement never uses it`));
    expect(run.stderr.match(/SLA5005/g)?.length ?? 0).toBe(warned === undefined ? 0 : 1);
  });

  test('the warning stands at the term in the file that declares it, an import included, with its line', () => {
    const folder = freshFolder('unused-terms');
    write(folder, 'terms.sla', '// Shared terms\nterm "Incident" "an unplanned interruption"\n');
    write(folder, 'small.sla', `import "terms.sla"\n${agreementText()}`);
    const run = runBuiltCli(['compile', 'small.sla', '--format', 'html', '-o', 'small.html'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      ["terms.sla:2:6: warning SLA5005: The term 'Incident' is defined, but the agreement never uses it: the document prints a definition nothing refers to.", 'term "Incident" "an unplanned interruption"', '     ^~~~~~~~~~'].join('\n'),
    );
    expect(existsSync(join(folder, 'small.html'))).toBe(true);
  });

  test('an override of an imported term is warned of at the override', () => {
    const folder = freshFolder('unused-terms');
    write(folder, 'terms.sla', 'term "Incident" "an unplanned interruption"\n');
    write(folder, 'small.sla', `import "terms.sla"\n${agreementText('\noverride term "Incident" "any interruption"\n')}`);
    const run = runBuiltCli(['compile', 'small.sla', '--format', 'md', '-o', '-'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^small\.sla:\d+:15: warning SLA5005: The term 'Incident'/m);
    expect(run.stderr).not.toContain('terms.sla:');
  });

  test('a portfolio warns once for each agreement file, however many clients use it', () => {
    const folder = freshFolder('unused-terms');
    write(folder, 'small.sla', agreementText('\nterm "Incident" "an unplanned interruption"\n'));
    write(folder, 'customers.sla', 'portfolio Customers {\n  client "Acme Ltd" uses "small.sla"\n  client "Globex" uses "small.sla"\n}\n');
    const run = runBuiltCli(['compile', 'customers.sla', '--format', 'md', '-o', 'out'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr.match(/small\.sla:\d+:6: warning SLA5005: The term 'Incident'/g)).toHaveLength(1);
    expect(existsSync(join(folder, 'out', 'acme-ltd.md')) && existsSync(join(folder, 'out', 'globex.md'))).toBe(true);
  });

  test('slac validate warns of it too, for an agreement and for each agreement file of a portfolio, and exits 0', () => {
    const folder = freshFolder('unused-terms');
    write(folder, 'small.sla', agreementText('\nterm "Incident" "an unplanned interruption"\n'));
    write(folder, 'customers.sla', 'portfolio Customers {\n  client "Acme Ltd" uses "small.sla"\n  client "Globex" uses "small.sla"\n}\n');
    for (const file of ['small.sla', 'customers.sla']) {
      const run = runBuiltCli(['validate', file], folder);
      expect(run.code, file).toBe(0);
      expect(run.stdout.match(/small\.sla:\d+:6: warning SLA5005: The term 'Incident'/g), file).toHaveLength(1);
    }
    const json = runBuiltCli(['validate', 'small.sla', '--format', 'json'], folder);
    expect(json.stdout).toContain('"SLA5005"');
  });
});
