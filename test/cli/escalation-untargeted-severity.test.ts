import { expect, test } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

// The hosting agreement escalates `at 50% of Fix`, and Fix sets no P1 target: slac check owes no escalation for a
// P1 Ticket (runtime/evaluate/escalation.ts). The document said only "A Ticket without a Resolution is escalated as
// follows", which a reader applies to every Ticket, the most severe first.
const AGREEMENT = `agreement A {
  title "Escalation"
  effective 2026-03-01
  provider "P"
  client "C"
}
calendar Always { timezone "UTC" hours Mon-Sun 00:00-24:00 }
severity P1 { description "Down." }
severity P2 { description "Degraded." }
severity P3 { description "Other." default }
metric Fix { title "Bug fix" measures resolution clock Always target P2 8 hours target P3 2 days }
escalation {
  level 1 "Lead" at 50% of Fix
}
`;

test('the escalation section says which Tickets a level tied to a service level leaves out', () => {
  const folder = freshFolder('escalation-untargeted');
  write(folder, 'a.sla', AGREEMENT);
  write(
    folder,
    'tickets.ndjson',
    ['P1', 'P2'].map((severity) => JSON.stringify({ ticket: severity, time: '2026-03-02T10:00:00Z', event: 'created', severity })).join('\n') +
      '\n{"ticket":"Z","time":"2026-03-05T10:00:00Z","event":"created"}\n',
  );
  const checked = runBuiltCli(['check', 'a.sla', 'tickets.ndjson', '--format', 'json'], folder);
  const report = JSON.parse(checked.stdout) as { escalations: { ticket: string }[] };
  expect(report.escalations.map((row) => row.ticket)).toEqual(['P2', 'Z']);
  const compiled = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect(compiled.stdout.replace(/\s+/g, ' ')).toContain(
    'A level tied to the Bug fix target does not apply to a Ticket for which that service level sets no target: a P1 Ticket is not escalated.',
  );
});
