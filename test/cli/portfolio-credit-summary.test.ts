/**
 * The portfolio text report's line per client names its service credits. A
 * client owed a credit with no objective missed (a credit tier above the
 * objective) read "0 objectives missed  MISSED": the line named neither the
 * credit nor why it was marked, and a client owed credits beside a missed
 * objective did not say so either. The line now has a credits cell ("credit
 * due for 2026-03", "no credit due", "sets no service credits") and marks a
 * client owed a credit with no objective missed "CREDIT DUE".
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/** One agreement per client, each in its own zone; `objective` and the credit tier's threshold vary. */
function agreement(name: string, zone: string, objective: string, credits: string): string {
  return `agreement ${name} { provider "P" client "C" effective 2026-03-01 }
calendar Office {
  timezone "${zone}"
  hours Mon-Fri 09:00-17:00
}
severity Normal { description "Any request." default }
metric Response { measures first response clock Office target 1 hour objective ${objective} monthly }
${credits}`;
}

function folder(): string {
  const dir = freshFolder('portfolio-credit-summary');
  // East: 1 of 2 met (50%), above its 40% objective but below the 90% tier. West: the same, below its 60% objective.
  write(dir, 'east.sla', agreement('East', 'America/New_York', '40%', 'credits {\n  when Response below 90% credit 5%\n}\n'));
  write(dir, 'west.sla', agreement('West', 'Asia/Kathmandu', '60%', 'credits {\n  when Response below 90% credit 5%\n}\n'));
  write(dir, 'north.sla', agreement('North', 'Europe/London', '40%', 'credits {\n  when Response below 40% credit 5%\n}\n'));
  write(dir, 'south.sla', agreement('South', 'Australia/Lord_Howe', '40%', ''));
  write(dir, 'p.sla', 'portfolio Clients {\n  client "East" uses "east.sla"\n  client "West" uses "west.sla"\n  client "North" uses "north.sla"\n  client "South" uses "south.sla"\n}\n');
  const rows = ['ticket,client,time,event,author'];
  for (const [client, offset] of [['East', '-04:00'], ['West', '+05:45'], ['North', '+01:00'], ['South', '+11:00']] as const) {
    // Wednesday 1 April 2026, 10:00 local: one reply in 30 minutes (met), one in 3 hours (breached).
    rows.push(`${client}-1,${client},2026-04-01T10:00:00${offset},created,`, `${client}-1,${client},2026-04-01T10:30:00${offset},reply,agent`);
    rows.push(`${client}-2,${client},2026-04-01T10:00:00${offset},created,`, `${client}-2,${client},2026-04-01T13:00:00${offset},reply,agent`);
  }
  write(dir, 'log.csv', `${rows.join('\n')}\n`);
  return dir;
}

describe('the portfolio text report names each client\'s credits on its line', () => {
  it('a credit due, with or without a missed objective; none due; none set', { timeout: 60_000 }, () => {
    const run = runBuiltCli(['check', 'p.sla', 'log.csv'], folder());
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(3, 7)).toEqual([
      '  East   East   2 tickets, 1 with a breach  0 objectives missed  credit due for 2026-04   CREDIT DUE',
      '  West   West   2 tickets, 1 with a breach  1 objective missed   credit due for 2026-04   MISSED',
      '  North  North  2 tickets, 1 with a breach  0 objectives missed  no credit due            OK',
      '  South  South  2 tickets, 1 with a breach  0 objectives missed  sets no service credits  OK',
    ]);
  });
});
