import { describe, expect, it } from 'vitest';
import { fixtures, slac } from './helpers.js';

/**
 * Jira shows a custom field by its name ("Account code"), and its JSON keys
 * it by id (`customfield_10050`); a search with `expand=names` gives both
 * (`names`). `--client-field "Account code"` found no issue with that key,
 * and the note said to give an id, but not which: it now names the id the
 * pages give for that name.
 */
describe('slac import jira --client-field NAME: a field given by the name Jira shows', () => {
  it.each(['Account code', 'account code'])('%s: the note names the id the search pages give for it', (name) => {
    const run = slac('import', 'jira', `${fixtures}/jira`, '--client-field', name);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `note (4): issues without the field '${name}' that --client-field names: no issue has it, so none has a client; the search pages name customfield_10050 'Account code': give --client-field customfield_10050\n`,
    );
  });
});
