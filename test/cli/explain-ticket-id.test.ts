import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac explain` with an id typed in another Unicode normalization than the
 * log's (É as E and a combining accent, as macOS writes it, against the log's
 * one code point) answered "no ticket 'CAFÉ-1' ... Did you mean 'CAFÉ-1'?":
 * two ids that print alike, and no way to see what to type. The answer now
 * spells both ids' letters beyond ASCII as code points. Through the built CLI.
 */
const cases = [
  { name: 'NFD typed, NFC in the log', log: 'CAF\u00c9-1', typed: 'CAFE\u0301-1', note: "The log writes it 'CAF\\u{c9}-1' and you wrote 'CAFE\\u{301}-1'" },
  { name: 'NFC typed, NFD in the log', log: 'CAFE\u0301-1', typed: 'CAF\u00c9-1', note: "The log writes it 'CAFE\\u{301}-1' and you wrote 'CAF\\u{c9}-1'" },
  { name: 'full-width letters (a compatibility form)', log: 'LF-1164', typed: '\uff2c\uff26-1164', note: "The log writes it 'LF-1164' and you wrote '\\u{ff2c}\\u{ff26}-1164'" },
];

describe('slac explain with an id in another Unicode normalization', () => {
  for (const { name, log, typed, note } of cases) {
    it(name, () => {
      const folder = freshFolder('explain-id');
      write(folder, 'a.sla', agreementText());
      write(folder, 'log.csv', `${LOG_HEADER}\n${log},2026-03-02T09:00:00Z,created,High,Email,,,\n`);
      const run = runBuiltCli(['explain', 'a.sla', 'log.csv', typed], folder);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Did you mean '${log}'? ${note}: the same letters in other Unicode code points, which the log's ids do not equate.`);
    });
  }

  it('adds no note to a suggestion that differs in letters', () => {
    const folder = freshFolder('explain-id');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', `${LOG_HEADER}\nAB-12,2026-03-02T09:00:00Z,created,High,Email,,,\n`);
    const run = runBuiltCli(['explain', 'a.sla', 'log.csv', 'ab-12'], folder);
    expect(run.stderr).toBe("slac: log.csv: no ticket 'ab-12' among its 1 ticket. Did you mean 'AB-12'?\n");
  });

  // An id that starts with a dash (-T1, -o) was "unknown option '-T1'", with no word of how to give it.
  it('says to put -- before an id that reads as an option', () => {
    const run = runBuiltCli(['explain', 'a.sla', 'log.csv', '-T1'], freshFolder('explain-id'));
    expect(run.stderr).toBe(
      "slac: unknown option '-T1'\nIf '-T1' is the ticket id, put -- before it: slac explain AGREEMENT LOG -- -T1\nRun 'slac explain --help' for its options.\n",
    );
    expect(run.code).toBe(2);
  });
});

/**
 * `slac explain a.sla log.csv B` with a log whose only ticket is `A`
 * answered "Did you mean 'A'?": for a one-letter id any other letter is one
 * edit away, so the suggestion was any id of one character, however
 * unrelated. A one-character id gets a suggestion only in another letter
 * case; a longer one as before.
 */
describe('slac explain suggests only an id plausibly close to the one typed', () => {
  it.each([
    ['B', ['A'], undefined],
    ['7', ['1', '2'], undefined],
    ['a', ['A'], 'A'],
    ['A', ['AB'], undefined],
    ['T2', ['T1'], 'T1'],
  ])('%s among %j', (typed, ids, suggestion) => {
    const folder = freshFolder('explain-id');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', `${LOG_HEADER}\n${ids.map((id) => `${id},2026-03-02T09:00:00Z,created,High,Email,,,\n`).join('')}`);
    const run = runBuiltCli(['explain', 'a.sla', 'log.csv', typed], folder);
    expect(run.code).toBe(2);
    const count = ids.length === 1 ? '1 ticket' : `${ids.length} tickets`;
    expect(run.stderr).toBe(`slac: log.csv: no ticket '${typed}' among its ${count}.${suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`}\n`);
  });
});
