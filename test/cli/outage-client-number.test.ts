import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * In a portfolio's NDJSON logs, the ticket log read a number in `client` as
 * its digits (docs/check.md: "as text or a number"), but the outage log
 * refused one: `"client": 42` was "'client' must be a text, not 42"
 * (SLA4014). The outage log now reads it as the ticket log does: 42 names
 * the client "42", and a number the portfolio does not list is refused as
 * an unlisted name is (SLA4056).
 */
describe('a number as the client of an outage row', () => {
  it('is read as its digits, as in the ticket log', () => {
    const folder = freshFolder('outage-client-number');
    cpSync(join(repoRoot, 'examples', 'multilevel'), folder, { recursive: true });
    const portfolio = readFileSync(join(folder, 'departments.sla'), 'utf8').replace('"HR" uses', '"HR", "42" uses');
    write(folder, 'departments.sla', portfolio);
    write(folder, 'tickets.ndjson', '{"ticket":"T1","time":"2026-03-03T10:00:00Z","event":"created","severity":"Medium","channel":"Portal","client":42}\n');
    write(folder, 'outages.ndjson', ['42', '43'].map((client) => `{"start":"2026-03-03T11:00:00Z","end":"2026-03-03T11:30:00Z","kind":"outage","client":${client}}\n`).join(''));
    const run = runBuiltCli(['check', 'departments.sla', 'tickets.ndjson', '--outages', 'outages.ndjson'], folder);
    expect(run.stderr).toMatch(/^outages\.ndjson:2: key 'client': [^\n]*'43'[^\n]*\[SLA4056\]\n/);
    expect(run.stderr).not.toMatch(/outages\.ndjson:1|SLA4014/);
    expect(run.code).toBe(2);
  });
});
