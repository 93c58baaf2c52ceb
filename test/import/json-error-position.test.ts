import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFolder, slac } from './helpers.js';

/**
 * A JSON export that cannot be parsed is one error naming the file, the
 * line and the column, with V8's words escaped: the text V8 quotes may
 * hold an ESC ]0;… BEL that would drive the terminal. A Zendesk file of one
 * pretty-printed page named no position. Through the built executable (run
 * `node scripts/build.mjs` first).
 */

const out = outputFolder('json-position');

describe('slac import: a JSON file that is not JSON names its line and column, escaped (exit 2)', () => {
  const cases = [
    {
      name: 'zendesk: a pretty-printed page with a trailing comma',
      source: 'zendesk',
      text: '{\n  "ticket_events": [\n    {"id": 1,}\n  ]\n}\n',
      stderr: (file: string) => `slac: ${file}:3:14: not a JSON page of a Zendesk export, nor one page per line (Expected double-quoted property name).\n`,
    },
    {
      name: 'zendesk: a page with terminal controls on its second line',
      source: 'zendesk',
      text: '{"ticket_events":[\n\u001b]0;pwned\u0007\u001b[31mRED\n',
      stderr: (file: string) =>
        `slac: ${file}:2:1: not a JSON page of a Zendesk export, nor one page per line (Unexpected token '\\u{1b}', ..."events":[\\n\\u{1b}]0;pwned\\u{7}"... is not valid JSON).\n`,
    },
    {
      name: 'jira: a file starting with terminal controls',
      source: 'jira',
      text: '\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED\n{',
      stderr: (file: string) => `slac: ${file}:1:1: not JSON (Unexpected token '\\u{1b}', "\\u{1b}]0;pwned\\u{7}"... is not valid JSON).\n`,
    },
  ];
  it.each(cases)('$name', ({ name, source, text, stderr }) => {
    const file = join(out, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, text);
    const run = slac('import', source, file, '-o', join(out, 'out.ndjson'));
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toBe(stderr(file));
    expect(run.code).toBe(2);
  });
});
