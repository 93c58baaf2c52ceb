import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac explain` quoted the source's duration beside a target ("within the
 * 8h (8 hours, severity P2) target", "after 2 hours") where the document the
 * client signs says "8 business hours" and "2 business hours". It now words
 * each target and escalation time as the document does (the document's own
 * spelling code): business hours on a calendar with closed time, Business
 * Days, and plain days around the clock. The words explain prints are looked
 * for in the compiled document too, so the two cannot drift apart. An
 * escalation `after 1 business day` was explained as "owed after 1 Business
 * Day" (the same time of day on the next one, to a reader) where check and
 * the document make it due at that day's close; explain now uses the
 * document's own sentence for an escalation time.
 */
const AGREEMENT = `agreement W {
  title "W"
  provider "P"
  client "C"
}

calendar Office {
  timezone "UTC"
  hours Mon-Fri 09:00-17:00
}

calendar Always {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}

channel Email {
  hours Office
}

severity P1 {
}

severity P2 {
  default
}

metric Reply {
  measures first response
  clock Office
  target P1 1 hour
  target 8 hours
}

metric Fix {
  measures resolution
  clock Office
  target 2 business days
}

metric Restore {
  measures resolution
  clock Always
  target 2 days
}

escalation {
  clock Office
  level 1 "Duty manager" after 2 hours
  level 2 "Head of support" after 1 business day
}
`;

const LOG = `${LOG_HEADER}
T1,2026-03-02T09:00:00Z,created,P2,Email,,,
T1,2026-03-02T10:00:00Z,reply,,,,agent,
T1,2026-03-02T10:30:00Z,escalated,,,,,1
T1,2026-03-03T08:30:00Z,resolved,,,,,
T2,2026-03-02T10:00:00Z,created,P2,Email,,,
`;

/** What explain says of each target and level, and the words the document uses for the same. */
const WORDS = [
  { explain: 'within the 8h (8 business hours, severity P2) target', document: '| 8 business hours |' },
  { explain: 'within the 24h (2 Business Days, severity P2) target', document: '| 2 Business Days |' },
  { explain: 'within the 48h (2 days, severity P2) target', document: '| 2 days (48 hours) |' },
  { explain: 'Escalation to level 1 (Duty manager) owed 2 business hours after the Ticket is opened (Office Hours):', document: '| 2 business hours after the Ticket is opened (Office Hours),' },
  // Not `after 1 Business Day`, which reads as the same time on the next one: due at its close, as check times it.
  {
    explain: 'Escalation to level 2 (Head of support) owed at the close of the 1st Business Day after the day the Ticket is opened (Office Hours):',
    document: '| at the close of the 1st Business Day after the day the Ticket is opened (Office Hours),',
  },
];

it('explain states targets and escalation times in the words of the document', () => {
  const folder = freshFolder('explain-document-words');
  write(folder, 'a.sla', AGREEMENT);
  write(folder, 'log.csv', LOG);
  const explained = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T1'], folder);
  expect([explained.code, explained.stderr]).toEqual([0, '']);
  // T2 is never resolved: its level 2 is owed, at the close of Tuesday, after the as-of instant.
  const unresolved = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T2'], folder);
  expect([unresolved.code, unresolved.stderr]).toEqual([0, '']);
  expect(unresolved.stdout).toContain('2026-03-03T17:00:00+00:00  escalation  Escalation to level 2 (Head of support) owed at the close of the 1st Business Day');
  const document = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect(document.code).toBe(0);
  for (const words of WORDS) {
    expect(`${explained.stdout}${unresolved.stdout}`).toContain(words.explain);
    expect(document.stdout).toContain(words.document);
  }
});
