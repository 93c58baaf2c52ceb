import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { LOG_HEADER } from './hardening-fixtures.js';
import { aroundTheClockAgreement, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * The Severity Levels and Channels sections said a level or channel "is
 * recorded by its name or by one of the values shown under 'Recorded as';
 * those values are compared without regard to capitals", which a reader
 * could take to cover the names too; slac check compares names exactly
 * (LANGUAGE.md: names are case-sensitive; `p1` is an invalid row) and the
 * "Recorded as" values in any capitals, both with surrounding spaces
 * ignored. The sentence now says which is which; the check below is what
 * it describes.
 */
const AGREEMENT = `${aroundTheClockAgreement('S')}
channel Email {
  hours Always
  matches "mail"
}

severity P1 {
  matches "urgent"
}

severity P2 {
  default
}

metric Fix {
  measures resolution
  clock Always
  target P1 1 hour
  target 8 hours
}
`;

const LOG = `${LOG_HEADER}
A,2026-03-02T09:00:00Z,created," P1 ",Email,,,
B,2026-03-02T09:00:00Z,created," URGENT "," MAIL ",,,
C,2026-03-02T09:00:00Z,created,p1,email,,,
`;

const sentence = (kind: string): string =>
  `In the Provider’s ticketing system a ${kind} is recorded by its name, in the capitals shown, or by one of the values under “Recorded as”, in any capitals; surrounding spaces are ignored.`;

it('says names are compared exactly and "Recorded as" values in any capitals, as slac check compares them', () => {
  const folder = folderWithAgreementAndLog('recorded-as-wording', AGREEMENT, LOG, 'log.csv');
  const document = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect([document.code, document.stderr]).toEqual([0, '']);
  expect(document.stdout).toContain(sentence('Severity Level'));
  expect(document.stdout).toContain(sentence('channel'));
  const check = runBuiltCli(['check', 'a.sla', 'log.csv'], folder);
  expect(check.code).toBe(2);
  // Only ticket C's names in other capitals are refused; A's spaced name and B's values in capitals are read.
  expect(check.stderr.split('\n').filter((line) => line.startsWith('log.csv:'))).toEqual([
    "log.csv:4: key 'channel': 'email' is not a channel of the agreement; expected one of Email (did you mean 'Email'?) [SLA4005]",
    "log.csv:4: key 'severity': 'p1' is not a severity of the agreement; expected one of P1 or P2 (did you mean 'P1'?) [SLA4004]",
  ]);
});
