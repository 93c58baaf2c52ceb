import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * A string literal of about 8.4 MB or more, under the 10 MiB source limit,
 * stopped `slac validate` (and fmt, compile) with an internal error, exit
 * 70: the string token's pattern, `"(?:[^"\\\r\n]|\\[^\r\n])*"`, made V8's
 * regex engine recurse once a character. A 9 MB comment was fine.
 */
const LENGTH = 9_500_000;
const long = 's'.repeat(LENGTH);

describe('a string literal of 9.5 MB', () => {
  it.each([
    { what: 'closed', title: `"${long}"`, code: 0, out: /^a\.sla: no problems\n$/ },
    { what: 'of escaped quotes', title: `"${'\\"'.repeat(LENGTH / 2)}"`, code: 0, out: /^a\.sla: no problems\n$/ },
    { what: 'unclosed', title: `"${long}`, code: 2, out: /^a\.sla:2:9: error SLA1002: This string is not closed on its line/ },
  ])('$what: validated, exit $code', ({ title, code, out }) => {
    const folder = freshFolder('big-string');
    write(folder, 'a.sla', agreementText().replace('"Small Agreement"', title));
    const run = runBuiltCli(['validate', 'a.sla'], folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
    expect(run.stdout).toMatch(out);
  }, 60_000);
});
