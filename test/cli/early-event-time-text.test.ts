import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * SLA4008 (an event before its ticket's `created`) quoted the event's time
 * as a UTC instant with milliseconds ('2026-03-02T14:00:00.000Z'), not as
 * the log wrote it ('2026-03-02T09:00:00-05:00'): the store keeps the
 * instant, so the text is read again from the file for the rows in error.
 * Every way a log file is checked, through the built CLI.
 */
const WRITTEN = '2026-03-02T09:00:00-05:00';
const MESSAGE = `'${WRITTEN}' comes before the ticket's 'created' event on line 3 [SLA4008]`;

const LOGS: Record<string, string[]> = {
  'log.ndjson': [
    '{"ticket":"B-1","time":"2026-03-02T08:00:00-05:00","event":"created","severity":"High","channel":"Email"}',
    `{"ticket":"A-1","time":"${WRITTEN}","event":"reply","author":"agent"}`,
    '{"ticket":"A-1","time":"2026-03-02T10:00:00-05:00","event":"created","severity":"High","channel":"Email"}',
  ],
  'log.csv': [
    'ticket,time,event,severity,channel,status,author',
    `A-1,${WRITTEN},reply,,,,agent`,
    'A-1,2026-03-02T10:00:00-05:00,created,High,Email,,',
  ],
};

function folderWith(file: string): string {
  const folder = freshFolder('early-event-time');
  write(folder, 'a.sla', agreementText());
  write(folder, file, `${LOGS[file]!.join('\n')}\n`);
  return folder;
}

const runs: [string, (folder: string, file: string) => CliRun][] = [
  ['check', (folder, file) => runBuiltCli(['check', 'a.sla', file], folder)],
  ['check --jobs 2', (folder, file) => runBuiltCliOnThreads(['check', 'a.sla', file, '--jobs', '2'], folder)],
  ['explain', (folder, file) => runBuiltCli(['explain', 'a.sla', file, 'A-1'], folder)],
];

describe('SLA4008 quotes the time as the log wrote it', () => {
  for (const file of Object.keys(LOGS)) {
    it.each(runs)(`${file}: %s`, (_name, run) => {
      const result = run(folderWith(file), file);
      // The reply is on line 2 of both logs.
      expect(result.stderr).toContain(`${file}:2: key 'time': ${MESSAGE}`);
      expect(result.code).toBe(2);
    });
  }
});

/**
 * A portfolio's log: each client's rows are checked apart, and each
 * client's check reads the shared file again for its own rows in error.
 */
describe('SLA4008 in a portfolio quotes each client\'s times as the log wrote them', () => {
  const portfolio = join(repoRoot, 'examples', 'multilevel', 'departments.sla');
  const log = [
    'ticket,time,event,severity,channel,status,author,level,client',
    'B-1,2026-03-02T08:00:00-05:00,created,Medium,Portal,,,,Finance',
    'A-1,2026-03-02T09:00:00-05:00,reply,,,,agent,,Finance',
    'A-1,2026-03-02T10:00:00-05:00,created,Medium,Portal,,,,Finance',
    'H-1,2026-03-03T07:15:00+09:00,reply,,,,agent,,HR',
    'H-1,2026-03-03T08:00:00+09:00,created,Medium,Portal,,,,HR',
  ];

  it.each([
    ['check', ['check', portfolio, 'log.csv']],
    ['check --format json', ['check', portfolio, 'log.csv', '--format', 'json']],
  ])('%s', (_name, args) => {
    const folder = freshFolder('early-event-time-portfolio');
    write(folder, 'log.csv', `${log.join('\n')}\n`);
    const result = runBuiltCli(args, folder);
    expect(result.stderr).toContain("log.csv:3: key 'time': '2026-03-02T09:00:00-05:00' comes before the ticket's 'created' event on line 4 [SLA4008]");
    expect(result.stderr).toContain("log.csv:5: key 'time': '2026-03-03T07:15:00+09:00' comes before the ticket's 'created' event on line 6 [SLA4008]");
    expect(result.code).toBe(2);
  });
});
