import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * In a portfolio of 200 clients, each row of an unlisted client (SLA4030)
 * named all 200 clients: 2.8 kB a line, on stderr and in the report, for
 * every row --skip-invalid lists (28 MB for 10,000 such rows). The message
 * names the first five and counts the rest, as does an outage row's
 * (SLA4056).
 */

const CLIENTS = 12;
const PORTFOLIO = ['portfolio Many {', ...Array.from({ length: CLIENTS }, (_, i) => `  client "Client ${i}" uses "finance.sla"`), '}', ''].join('\n');
const LIST = "portfolio Many lists 'Client 0', 'Client 1', 'Client 2', 'Client 3', 'Client 4' and 7 more and declares no others";

function folder(): string {
  const dir = freshFolder('portfolio-many-clients-message');
  cpSync(join(repoRoot, 'examples', 'multilevel'), dir, { recursive: true });
  write(dir, 'many.sla', PORTFOLIO);
  write(dir, 't.csv', 'ticket,time,event,severity,channel,status,author,level,client\nT-1,2026-03-03T09:00:00+01:00,created,High,Portal,,,,Nobody\n');
  write(dir, 'o.csv', 'start,end,kind,client\n2026-03-03T09:00:00+01:00,2026-03-03T09:10:00+01:00,outage,Nobody\n');
  return dir;
}

describe('the clients named in a message about a row of no client', () => {
  it('are the first five and a count of the rest', () => {
    const run = runBuiltCli(['check', 'many.sla', 't.csv', '--outages', 'o.csv'], folder());
    expect(run.stderr).toContain(`t.csv:2: key 'client': ticket 'T-1' has client 'Nobody'; ${LIST} [SLA4030]`);
    expect(run.stderr).toContain(`o.csv:2: key 'client': outage row has client 'Nobody'; ${LIST}, so it would apply to no client [SLA4056]`);
    expect(run.code).toBe(2);
  });
});
