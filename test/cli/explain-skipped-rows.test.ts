import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac explain --skip-invalid` on a ticket whose rows were all skipped names
 * their lines. It found them by reading the whole log into one string and
 * looking for rows that start with the id: a log over 512 MB (longer than V8
 * makes a string) lost the hint, and rows that name the ticket otherwise
 * (`{ "ticket" : "A-1"`, a number id, a quoted or padded CSV cell, the
 * ticket column not first) were left out of the lines it listed. Through the
 * built CLI.
 */
const GOOD = '2026-03-02T09:00:00Z';

const cases: { name: string; file: string; rows: string[]; ticket: string; lines: string }[] = [
  {
    name: 'NDJSON rows with spaces around the key and a number id',
    file: 'log.ndjson',
    rows: [
      '{"ticket":"A-1","time":"x","event":"created"}',
      `{"ticket":"B-1","time":"${GOOD}","event":"created","severity":"High","channel":"Email"}`,
      '{ "ticket" : "A-1", "time":"x","event":"created"}',
      '{"time":"x","ticket":" A-1 ","event":"created"}',
      '{"ticket":7,"time":"x","event":"created"}',
      '{"ticket":"A-10","time":"x","event":"created"}',
    ],
    ticket: 'A-1',
    lines: 'Its rows (line 1, 3 and 4) were',
  },
  { name: 'a number id in NDJSON', file: 'num.ndjson', rows: ['{"ticket":7,"time":"x","event":"created"}', `{"ticket":"B-1","time":"${GOOD}","event":"created"}`], ticket: '7', lines: 'Its row (line 1) was' },
  {
    name: 'CSV rows with the id quoted, padded, and the ticket column second',
    file: 'log.csv',
    rows: ['time,ticket,event,severity,channel', `x,A-1,created,High,Email`, `${GOOD},B-1,created,High,Email`, 'x," A-1",created,High,Email', 'x,"A-1",created,High,Email', 'A-1,B-1,created,High,Email'],
    ticket: 'A-1',
    lines: 'Its rows (line 2, 4 and 5) were',
  },
];

describe('slac explain names the skipped rows of a ticket it cannot find', () => {
  for (const { name, file, rows, ticket, lines } of cases) {
    it(name, () => {
      const folder = freshFolder('explain-skipped');
      write(folder, 'a.sla', agreementText());
      write(folder, file, `${rows.join('\n')}\n`);
      const run = runBuiltCli(['explain', 'a.sla', file, ticket, '--skip-invalid'], folder);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`no ticket '${ticket}' among its 1 ticket. ${lines} skipped as invalid (listed above).`);
    });
  }

  it("names the ticket log's lines only, not an outage log's skipped lines of the same number", () => {
    const folder = freshFolder('explain-skipped-outages');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', `${LOG_HEADER}\nA-1,x,created,High,Email,,,\nB-1,${GOOD},created,High,Email,,,\n`);
    write(folder, 'outages.csv', 'start,end,kind,announced,description\nbad,bad,outage,,x\n');
    const run = runBuiltCli(['explain', 'a.sla', 'log.csv', 'A-1', '--outages', 'outages.csv', '--skip-invalid'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no ticket 'A-1' among its 1 ticket. Its row (line 2) was skipped as invalid (listed above).");
  });

  it('names them in a log over 512 MB', () => {
    const folder = freshFolder('explain-skipped-large');
    write(folder, 'a.sla', agreementText());
    const fd = openSync(join(folder, 'log.csv'), 'w');
    try {
      writeSync(fd, `${LOG_HEADER}\nA-1,x,created,High,Email,,,\nB-1,${GOOD},created,High,Email,,,\n`);
      // Lines of blanks, which the reader passes over: 528 MiB in all.
      const blanks = Buffer.alloc(1 << 20, ' ');
      blanks[blanks.length - 1] = 10;
      for (let index = 0; index < 528; index++) writeSync(fd, blanks);
      writeSync(fd, 'A-1,y,created,High,Email,,,\n');
    } finally {
      closeSync(fd);
    }
    const run = runBuiltCli(['explain', 'a.sla', 'log.csv', 'A-1', '--skip-invalid'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no ticket 'A-1' among its 1 ticket. Its rows (line 2 and 532) were skipped as invalid (listed above).");
  }, 120_000);
});

/**
 * A ticket typed in another letter case than the log writes it, all of whose
 * rows were skipped as invalid: the hint proposed another ticket of the log
 * ("Did you mean 'A-2'?") and never the skipped rows of 'A-1'. The ids are
 * told apart by case, so the hint names how the log writes the id and its lines.
 */
describe('slac explain: a ticket typed in another case, all its rows skipped', () => {
  it.each([
    ['CSV, lower case typed', 'log.csv', `${LOG_HEADER}\nA-1,x,created,High,Email,,,\nA-1,y,reply,,,,agent,\nA-2,${GOOD},created,High,Email,,,\n`, 'a-1', "The log writes it 'A-1': its rows (line 2 and 3) were skipped as invalid (listed above)."],
    ['NDJSON, upper case typed', 'log.ndjson', `{"ticket":"ab-1","time":"x","event":"created"}\n{"ticket":"ab-2","time":"${GOOD}","event":"created","severity":"High","channel":"Email"}\n`, 'AB-1', "The log writes it 'ab-1': its row (line 1) was skipped as invalid (listed above)."],
  ])('%s: the hint names the skipped rows, not another ticket', (_name, file, text, ticket, hint) => {
    const folder = freshFolder('explain-skipped-case');
    write(folder, 'a.sla', agreementText());
    write(folder, file, text);
    const run = runBuiltCli(['explain', 'a.sla', file, ticket, '--skip-invalid'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`no ticket '${ticket}' among its 1 ticket. ${hint}\n`);
    expect(run.stderr).not.toContain('Did you mean');
  });
});

/**
 * `slac explain --skip-invalid` on a log whose rows were all invalid said
 * only "the log has no events" (SLA4019): the rows it had left out, the
 * ticket's among them, were not listed, as `slac check` and `slac report`
 * list them. Through the built CLI, for an agreement and a portfolio.
 */
describe('slac explain lists the skipped rows when none was left', () => {
  it('lists them before the error, as slac check does', () => {
    const folder = freshFolder('explain-all-skipped');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', `${LOG_HEADER}\nA-1,x,created,High,Email,,,\nA-2,${GOOD},bogus,High,Email,,,\n`);
    const check = runBuiltCli(['check', 'a.sla', 'log.csv', '--skip-invalid'], folder);
    const run = runBuiltCli(['explain', 'a.sla', 'log.csv', 'A-1', '--skip-invalid'], folder);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual(check.stderr.split('\n').slice(0, 3));
    expect(lines[0]).toBe('slac: 2 invalid log rows skipped (no valid row left to report on):');
    expect(lines[1]).toMatch(/^log\.csv:2: key 'time': 'x' is not an ISO 8601 instant.* \[SLA4002\]$/);
    expect(lines[3]).toMatch(/^log\.csv: the log has no events/);
  });

  it('lists them for a portfolio', () => {
    const run = runBuiltCli(['explain', 'examples/multilevel/departments.sla', join(freshLog(), 'log.csv'), 'A-1', '--skip-invalid'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^slac: 1 invalid log row skipped \(no valid row left to report on\):\n.*log\.csv:2: /);
  });
});

function freshLog(): string {
  const folder = freshFolder('explain-all-skipped-portfolio');
  write(folder, 'log.csv', `ticket,time,event,severity,channel,status,author,level,client\nA-1,x,created,Medium,Portal,,,,Finance\n`);
  return folder;
}
