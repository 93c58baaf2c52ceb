import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac explain` printed none of the warnings `slac check` prints about the
 * log's rows. A ticket created with status "Waiting" on its created row
 * (read only on status rows, SLA4054) breached with no word on stderr that
 * the status was ignored and paused nothing; a portfolio ticket whose rows
 * named two clients (SLA4031) was explained against the first with no word
 * either. explain now prints the rows' warnings as check does. Through the
 * built CLI.
 */
const resolution = `
pause when status "Waiting"

metric Fix {
  measures resolution
  clock Office
  target 4 hours
}
`;

describe('slac explain prints the warnings slac check prints about the rows', () => {
  it('a status on a created row (SLA4054), and an unknown column (SLA4011)', () => {
    const folder = freshFolder('explain-warnings');
    write(folder, 'a.sla', agreementText(resolution));
    write(folder, 'log.csv', `${LOG_HEADER},priority\nT1,2026-03-02T09:00:00Z,created,Normal,Email,Waiting,,,P1\nT1,2026-03-03T10:00:00Z,resolved,,,,,,\n`);
    const check = runBuiltCli(['check', 'a.sla', 'log.csv'], folder);
    const warnings = check.stderr.split('\n').filter((line) => line.includes(': warning: '));
    expect(warnings.map((line) => /\[(SLA\d+)\]$/.exec(line)?.[1])).toEqual(['SLA4011', 'SLA4054']);
    const explain = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T1'], folder);
    expect(explain.code).toBe(0);
    expect(explain.stderr).toBe(`${warnings.join('\n')}\n`);
    expect(explain.stdout).toContain('Fix: breached');
  });

  it('a portfolio ticket whose rows name two clients (SLA4031)', () => {
    const folder = freshFolder('explain-warnings');
    write(folder, 'a.sla', agreementText(resolution));
    write(folder, 'portfolio.sla', 'portfolio Clients {\n  client "Acme" uses "a.sla"\n  client "Globex" uses "a.sla"\n}\n');
    write(folder, 'log.csv', `${LOG_HEADER},client\nT1,2026-03-02T09:00:00Z,created,Normal,Email,,,,Acme\nT1,2026-03-02T10:00:00Z,reply,,,,agent,,Globex\n`);
    const explain = runBuiltCli(['explain', 'portfolio.sla', 'log.csv', 'T1'], folder);
    expect(explain.code).toBe(0);
    expect(explain.stderr).toBe("log.csv:3: warning: key 'client': ticket 'T1' has client 'Globex' here but 'Acme' on line 2; the first client counts [SLA4031]\n");
    expect(explain.stdout).toContain('Ticket T1 (client Acme,');
  });
});
