import { describe, expect, it } from 'vitest';
import { ImportSummary } from '../../import/import-summary.js';

/**
 * The summary of `slac import` on standard error quotes ids, names and values
 * from the export (a Jira issue key, an author's accountType): their control
 * and bidirectional characters are escaped, so that an export cannot drive
 * the terminal or forge a line of the summary.
 */
describe('the import summary', () => {
  it.each([
    ['ESC', '\u001b[31m', '\\u{1b}[31m'],
    ['OSC title with BEL', '\u001b]0;pwn\u0007', '\\u{1b}]0;pwn\\u{7}'],
    ['a line break', 'a\nforged line', 'a\\nforged line'],
    ['RLO', '\u202e', '\\u{202e}'],
  ])('escapes %s in skipped records, warnings and file names', (_name, raw, shown) => {
    const summary = new ImportSummary();
    summary.skip(`export/${raw}.json`, 3, 'issues without a key', `issue SUP${raw}-2: no key`);
    summary.warn('export/a.json', 'issues[1]', 'odd authors', `the author's accountType is '${raw}'`);
    const text = summary.render('jira', new Map(), 0);
    expect(text).toContain(`export/${shown}.json:3: issue SUP${shown}-2: no key`);
    expect(text).toContain(`export/a.json at issues[1]: the author's accountType is '${shown}'`);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});
