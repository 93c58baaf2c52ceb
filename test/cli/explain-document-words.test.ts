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
 * for in the compiled document too, so the two cannot drift apart.
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
}
`;

const LOG = `${LOG_HEADER}
T1,2026-03-02T09:00:00Z,created,P2,Email,,,
T1,2026-03-02T10:00:00Z,reply,,,,agent,
T1,2026-03-02T10:30:00Z,escalated,,,,,1
T1,2026-03-03T08:30:00Z,resolved,,,,,
`;

/** What explain says of each target and level, and the words the document uses for the same. */
const WORDS = [
  { explain: 'within the 8h (8 business hours, severity P2) target', document: '| 8 business hours |' },
  { explain: 'within the 24h (2 Business Days, severity P2) target', document: '| 2 Business Days |' },
  { explain: 'within the 48h (2 days, severity P2) target', document: '| 2 days (48 hours) |' },
  { explain: 'Escalation to level 1 (Duty manager) owed after 2 business hours', document: '| 2 business hours after the Ticket is opened' },
];

it('explain states targets and escalation times in the words of the document', () => {
  const folder = freshFolder('explain-document-words');
  write(folder, 'a.sla', AGREEMENT);
  write(folder, 'log.csv', LOG);
  const explained = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T1'], folder);
  expect([explained.code, explained.stderr]).toEqual([0, '']);
  const document = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect(document.code).toBe(0);
  for (const words of WORDS) {
    expect(explained.stdout).toContain(words.explain);
    expect(document.stdout).toContain(words.document);
  }
});
