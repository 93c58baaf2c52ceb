import { describe, expect, it } from 'vitest';
import { runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';
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
