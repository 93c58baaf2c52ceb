import { describe, expect, it } from 'vitest';
import { MAX_WARNINGS_SHOWN } from '../../cli/print-log-errors.js';
import { agreementText, freshFolder, slacIn, write } from './hardening-fixtures.js';

/**
 * Each distinct unknown key of a log is warned about once (SLA4011); a log of
 * 20,000 of them printed 20,000 lines on stderr. The first
 * MAX_WARNINGS_SHOWN are printed, the rest counted; a JSON report lists all.
 */
function logWithUnknownKeys(count: number): string {
  const created = '{"ticket":"A","time":"2026-03-02T09:00:00+01:00","event":"created","severity":"High","channel":"Email"}';
  const rows = Array.from({ length: count }, (_, index) => `{"ticket":"A","time":"2026-03-02T09:0${index % 10}:00+01:00","event":"reply","author":"agent","note${index}":1}`);
  return `${[created, ...rows].join('\n')}\n`;
}

describe('warnings on stderr', () => {
  it.each([
    ['as many as are shown', MAX_WARNINGS_SHOWN, ''],
    ['one more', MAX_WARNINGS_SHOWN + 1, '... and 1 more warning not shown; a JSON report lists them all.\n'],
    ['many more', 2_000, `... and ${2_000 - MAX_WARNINGS_SHOWN} more warnings not shown; a JSON report lists them all.\n`],
  ])('%s: the first %i printed, the rest counted', async (_name, count, tail) => {
    const folder = freshFolder('warnings');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.ndjson', logWithUnknownKeys(count));
    const text = await slacIn(folder, 'check', 'a.sla', 'log.ndjson');
    const lines = text.stderr.split('\n').filter((line) => line.includes('[SLA4011]'));
    expect(lines).toHaveLength(Math.min(count, MAX_WARNINGS_SHOWN));
    expect(lines[0]).toMatch(/^log\.ndjson:2: warning: key 'note0': not a log key/);
    expect(text.stderr.endsWith(`[SLA4011]\n${tail}`)).toBe(true);
    const json = await slacIn(folder, 'check', 'a.sla', 'log.ndjson', '--format', 'json');
    expect(JSON.parse(json.stdout).warnings.filter((warning: { code: string }) => warning.code === 'SLA4011')).toHaveLength(count);
  });
});
