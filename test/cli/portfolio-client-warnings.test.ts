import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * The warnings about one client's report, made as its tickets are evaluated
 * (SLA4050: tickets created before the agreement took effect; SLA4041: a
 * business-day target that never falls due), were only in the JSON
 * report's `warnings` of that client: the text and CSV reports said
 * nothing, and neither did stderr. For one agreement they go to stderr in
 * every format; a portfolio prints them there too, naming the client.
 */

/** Open on 2026-03-02 alone (a short day; every other Monday is closed by the weekly event): 1 business day after then never comes. */
const ONCE_AGREEMENT = `agreement Once {
  title "Once"
  effective 2026-03-01
  provider "P"
  client "C"
}

calendar OnlyOneMonday {
  timezone "Europe/Berlin"
  hours Mon 08:00-18:00
  holidays from "mondays.ics"
  holidays {
    2026-03-02 hours 08:00-18:00 "Open day"
  }
}

channel Portal {
  hours OnlyOneMonday
}

severity Normal {
  default
}

metric Resolution {
  measures resolution
  clock OnlyOneMonday
  target 1 business day
  objective 90% monthly
}
`;

const MONDAYS = 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//slac test//EN\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY;BYDAY=MO\nSUMMARY:Closed\nEND:VEVENT\nEND:VCALENDAR\n';

const PORTFOLIO = `portfolio Pair {
  client "Early Client" uses "finance.sla"
  client "Once Client" uses "once.sla"
}
`;

// finance.sla takes effect on 2026-03-01: E-1 is older.
const LOG = [
  'ticket,time,event,severity,channel,status,author,level,client',
  'E-1,2026-02-20T09:00:00+01:00,created,High,Portal,,,,Early Client',
  'E-1,2026-02-20T09:10:00+01:00,reply,,,,agent,,Early Client',
  'E-1,2026-02-20T10:30:00+01:00,resolved,,,,,,Early Client',
  'O-1,2026-03-02T09:00:00+01:00,created,,Portal,,,,Once Client',
  'O-1,2026-03-02T09:10:00+01:00,reply,,,,agent,,Once Client',
].join('\n');

const EARLY = '1 ticket was created before the agreement took effect on 2026-03-01; it is checked, and counted in the objectives and credits of its periods, as if it applied then';
const NEVER_DUE = "the Resolution target of ticket 'O-1', 1 business day, never falls due: its calendar has no such open day ahead, so the metric stays pending (and so may other tickets')";

function folderWithPortfolio(): string {
  const folder = freshFolder('portfolio-client-warnings');
  for (const file of ['finance.sla', 'corporate.sla']) cpSync(join(repoRoot, 'examples', 'multilevel', file), join(folder, file));
  write(folder, 'once.sla', ONCE_AGREEMENT);
  write(folder, 'mondays.ics', MONDAYS);
  write(folder, 'pair.sla', PORTFOLIO);
  write(folder, 'log.csv', `${LOG}\n`);
  return folder;
}

describe("a portfolio check shows each client's own warnings in every format", () => {
  const folder = folderWithPortfolio();

  it.each(['text', 'json', 'csv'])('%s: on stderr, naming the client', (format) => {
    const run = runBuiltCli(['check', 'pair.sla', 'log.csv', '--format', format, '--as-of', '2026-03-04T00:00:00Z'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `log.csv: warning: client 'Early Client': ${EARLY} [SLA4050]\n` + `log.csv:5: warning: client 'Once Client': ${NEVER_DUE} [SLA4041]\n`,
    );
    if (format !== 'json') return;
    // The JSON report lists each in its client's report, as the agreement's own check does.
    const clients = JSON.parse(run.stdout).clients.map((entry: { client: string; report: { warnings: unknown[] } }) => [entry.client, entry.report.warnings]);
    expect(clients).toEqual([
      ['Early Client', [{ file: 'log.csv', line: 0, code: 'SLA4050', message: EARLY }]],
      ['Once Client', [{ file: 'log.csv', line: 5, code: 'SLA4041', message: NEVER_DUE }]],
    ]);
  });
});
