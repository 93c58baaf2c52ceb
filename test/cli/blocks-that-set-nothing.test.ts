import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A credits block with no tier (SLA3101) or an escalation block with no
 * level (SLA3097) sets nothing, and the document has no such section; yet
 * slac check's text report said "Credits: none due." and "Escalations: 0
 * met, 0 late, 0 missed, 0 pending.", and the site counted credits, as for
 * an agreement that agreed them and owed none. They now say what they say
 * of an agreement without the block.
 */
const AGREEMENT = [
  'agreement A {\n  title "A"\n  provider "P"\n  client "C"\n}',
  'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}',
  'severity P1 {\n  default\n}',
  'metric Fix {\n  measures resolution\n  clock Office\n  target 8 hours\n  objective 90% monthly\n}',
  'credits {\n  cap 10%\n}',
  'escalation {\n  clock Office\n}',
  '',
].join('\n');
const LOG = ['{"ticket":"T1","time":"2026-03-02T09:00:00Z","event":"created"}', '{"ticket":"T1","time":"2026-03-02T10:00:00Z","event":"resolved"}', ''].join('\n');

function folder(): string {
  const dir = freshFolder('blocks-that-set-nothing');
  write(dir, 'a.sla', AGREEMENT);
  write(dir, 'log.ndjson', LOG);
  return dir;
}

describe('blocks written that set nothing', () => {
  it('slac check: the text report says the agreement sets no credits and no escalation levels', () => {
    const run = runBuiltCli(['check', 'a.sla', 'log.ndjson'], folder());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('The agreement sets no escalation levels.\n');
    expect(run.stdout).toContain('The agreement sets no service credits.\n');
    expect(run.stdout).not.toContain('Credits: none due.');
    expect(run.stdout).not.toMatch(/^Escalations: /m);
  });

  it('slac report: the site says the agreement sets no credits', () => {
    const dir = folder();
    const run = runBuiltCli(['report', 'a.sla', 'log.ndjson', '-o', 'site'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'site', 'index.html'), 'utf8')).toContain('The agreement sets no service credits.');
  });
});
