import { expect, test } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

// `also after major incident`: slac check calls a review for a breached Ticket whose severity, at the as-of instant,
// is the most severe (runtime/evaluate/report-builder.ts), whatever level the missed target was set for. The
// document said "an Urgent Ticket that misses its target": a reader takes T-DOWN (missed its Urgent target, then
// downgraded) for a major incident, which check does not call, and T-UP (missed a Normal target, then upgraded)
// for none, which check calls. The words must say what check does.
const AGREEMENT = `agreement A {
  title "Major"
  effective 2026-03-01
  provider "P"
  client "C"
}
calendar Always { timezone "UTC" hours Mon-Sun 00:00-24:00 }
severity Urgent { description "Down." }
severity Normal { description "Other." default }
metric Response { title "Response" measures first response clock Always target Urgent 1 hour target Normal 4 hours }
metric Fix { title "Fix" measures resolution clock Always target Urgent 8 hours target Normal 2 days }
review { every 12 months also after major incident }
`;

const LOG = [
  ['T-DOWN', '2026-03-02T10:00:00Z', 'created', 'Urgent'],
  ['T-DOWN', '2026-03-02T12:00:00Z', 'reply'],
  ['T-DOWN', '2026-03-02T12:30:00Z', 'severity', 'Normal'],
  ['T-DOWN', '2026-03-02T13:00:00Z', 'resolved'],
  ['T-UP', '2026-03-03T10:00:00Z', 'created', 'Normal'],
  ['T-UP', '2026-03-03T15:00:00Z', 'reply'],
  ['T-UP', '2026-03-03T15:10:00Z', 'severity', 'Urgent'],
  ['T-UP', '2026-03-03T15:20:00Z', 'resolved'],
]
  .map(([ticket, time, event, severity]) => JSON.stringify({ ticket, time, event, ...(severity ? { severity } : {}), ...(event === 'reply' ? { author: 'agent' } : {}) }))
  .join('\n');

test('the review clause names a major incident by the severity slac check looks at', () => {
  const folder = freshFolder('major-incident');
  write(folder, 'a.sla', AGREEMENT);
  write(folder, 'tickets.ndjson', `${LOG}\n`);
  const checked = runBuiltCli(['check', 'a.sla', 'tickets.ndjson', '--format', 'json'], folder);
  const report = JSON.parse(checked.stdout) as { review: { triggers: { ticket?: string }[] } };
  expect(report.review.triggers.map((trigger) => trigger.ticket)).toEqual(['T-UP']);
  const compiled = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect(compiled.stdout.replace(/\s+/g, ' ')).toContain(
    'after a major incident (a Ticket whose latest Severity Level is Urgent and that has missed any of its targets, set for that level or another).',
  );
});
