import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_LENGTH } from '../../runtime/log/log-error.js';
import { builtBin, type CliRun } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER } from './hardening-fixtures.js';

/**
 * A log error or warning quotes the value (or key) at fault. A line of a log
 * may be 1 MB long, and 50 errors are printed: quoted whole, one bad column
 * made 50 MB of stderr. A quoted text is cut after MAX_QUOTED_LENGTH
 * characters and says how many more there were; the unknown-key warning is
 * still given once per distinct key, compared whole, at every --jobs.
 */

const CREATED = '{"ticket":"A","time":"2026-03-02T09:00:00+01:00","event":"created","severity":"High","channel":"Email"}';
const folder = freshFolder('long-values');
writeFileSync(join(folder, 'a.sla'), agreementText());

function slac(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [builtBin, ...args], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '8', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `text` as a message quotes it when longer than MAX_QUOTED_LENGTH. */
function cut(text: string, more: number): string {
  return `${text.slice(0, MAX_QUOTED_LENGTH)}… (${more} more characters)`;
}

describe('a long value quoted in a log error or warning', () => {
  it.each([
    {
      name: 'a CSV value (SLA4002)',
      file: 'time.csv',
      log: `${LOG_HEADER}\nT1,${'9'.repeat(300_000)},created,High,Email,,,\n`,
      expected: `time.csv:2: key 'time': '${cut('9'.repeat(300_000), 300_000 - MAX_QUOTED_LENGTH)}' is not an ISO 8601 instant`,
    },
    {
      name: 'a ticket id (SLA4010)',
      file: 'ticket.ndjson',
      log: `{"ticket":"${'t'.repeat(250)}","time":"2026-03-02T09:00:00+01:00","event":"reply","author":"agent"}\n`,
      expected: `ticket.ndjson:1: key 'ticket': ticket '${cut('t'.repeat(250), 50)}' has no 'created' event [SLA4010]`,
    },
    {
      name: 'an NDJSON row that is not an object (SLA4012)',
      file: 'string.ndjson',
      log: `${CREATED}\n"${'s'.repeat(1_000)}"\n`,
      expected: `string.ndjson:2: not a JSON object: the row is ${cut(`"${'s'.repeat(1_000)}"`, 1_002 - MAX_QUOTED_LENGTH)} [SLA4012]`,
    },
    {
      name: 'an unknown key (SLA4011)',
      file: 'key.ndjson',
      log: `${CREATED.slice(0, -1)},"${'k'.repeat(300)}":1}\n`,
      expected: `key.ndjson:1: warning: key '${cut('k'.repeat(300), 100)}': not a log key`,
    },
    {
      name: 'characters beyond the BMP, never cut in two',
      file: 'emoji.csv',
      log: `${LOG_HEADER}\nT1,${'😀'.repeat(150)},created,High,Email,,,\n`,
      expected: `emoji.csv:2: key 'time': '${'😀'.repeat(100)}… (50 more characters)' is not`,
    },
  ])('$name', ({ file, log, expected }) => {
    writeFileSync(join(folder, file), log);
    const run = slac(['check', 'a.sla', file]);
    expect(run.stderr).toContain(expected);
  });

  it('keeps stderr small when 50 errors quote 100,000 characters each', () => {
    const rows = Array.from({ length: 60 }, (_, index) => `T${index},${'9'.repeat(100_000)},created,High,Email,,,`);
    writeFileSync(join(folder, 'many.csv'), `${LOG_HEADER}\n${rows.join('\n')}\n`);
    const run = slac(['check', 'a.sla', 'many.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes('[SLA4002]'))).toHaveLength(50);
    expect(run.stderr.length).toBeLessThan(50 * 1_000);
  });
});

describe('two long unknown keys that differ only after the cut', () => {
  const first = `${'k'.repeat(300)}a`;
  const second = `${'k'.repeat(300)}b`;
  const rows = Array.from({ length: 400 }, (_, index) => `{"ticket":"A","time":"2026-03-02T09:${String(index % 60).padStart(2, '0')}:00+01:00","event":"reply","author":"agent","${index % 2 === 0 ? first : second}":1}`);
  writeFileSync(join(folder, 'keys.ndjson'), `${[CREATED, ...rows].join('\n')}\n`);

  it('are warned about twice, alike at --jobs 1, 2 and 3', () => {
    const one = slac(['check', 'a.sla', 'keys.ndjson', '--jobs', '1']);
    for (const jobs of ['2', '3']) {
      for (const blockBytes of [undefined, '4096']) {
        const many = slac(['check', 'a.sla', 'keys.ndjson', '--jobs', jobs], blockBytes === undefined ? {} : { SLAC_CHECK_BLOCK_BYTES: blockBytes });
        expect({ jobs, blockBytes, ...many }).toEqual({ jobs, blockBytes, ...one });
      }
    }
    const warnings = one.stderr.split('\n').filter((line) => line.includes('[SLA4011]'));
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^keys\\.ndjson:2: warning: key '${'k'.repeat(MAX_QUOTED_LENGTH)}… \\(101 more characters\\)': not a log key`)),
      expect.stringMatching(new RegExp(`^keys\\.ndjson:3: warning: key '${'k'.repeat(MAX_QUOTED_LENGTH)}… \\(101 more characters\\)': not a log key`)),
    ]);
  });

  it('are listed whole in the JSON report', () => {
    const one = slac(['check', 'a.sla', 'keys.ndjson', '--format', 'json', '--jobs', '1']);
    const two = slac(['check', 'a.sla', 'keys.ndjson', '--format', 'json', '--jobs', '2']);
    expect(two).toEqual(one);
    const keys = JSON.parse(one.stdout).warnings.filter((warning: { code: string }) => warning.code === 'SLA4011').map((warning: { key: string }) => warning.key);
    expect(keys).toEqual([first, second]);
  });
});
