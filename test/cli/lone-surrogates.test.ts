import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCliOnThreads } from './built-cli.js';

/**
 * NDJSON values holding half of a character: `"T-\ud83d"` parses to a
 * string no UTF-8 writer can write. Read as before, the CSV report wrote
 * the two tickets T-\ud83d and T-\ud83e as one id, `T-` and U+FFFD, twice.
 * Such a row is now refused, naming the key and the half (SLA4052), at
 * every --jobs and for the outage log; a character written as its two
 * escapes in order reads as before.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-lone-surrogates-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const agreement = join(repoRoot, 'examples', 'hosting.sla');
const log = readFileSync(join(repoRoot, 'examples', 'logs', 'hosting.tickets.ndjson'), 'utf8').replaceAll('\r\n', '\n');

/** The example log with the rows of ticket NW-1001 renamed `id` (as JSON source text, escapes and all). */
function logRenaming(id: string): string {
  return log.replaceAll('"ticket":"NW-1001"', `"ticket":"${id}"`);
}

function write(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return name;
}

/** The lines of the example log that name NW-1001. */
const renamedLines = log
  .split('\n')
  .flatMap((row, index) => (row.includes('"NW-1001"') ? [index + 1] : []));

describe('slac check: NDJSON values that hold half of a character', () => {
  const cases = [
    { name: 'a high surrogate alone', id: 'NW-\\ud83d', shown: 'NW-\\u{d83d}' },
    { name: 'a low surrogate alone', id: 'NW-\\ude00', shown: 'NW-\\u{de00}' },
    { name: 'the halves in the wrong order', id: 'NW-\\ude00\\ud83d', shown: 'NW-\\u{de00}\\u{d83d}' },
  ];
  for (const { name, id, shown } of cases) {
    for (const jobs of ['1', '2']) {
      it(`${name}: every row of that ticket refused (SLA4052), at --jobs ${jobs}`, () => {
        const file = write(`lone-${cases.findIndex((c) => c.id === id)}.ndjson`, logRenaming(id));
        const run = runBuiltCliOnThreads(['check', agreement, file, '--jobs', jobs], folder);
        expect(run.code).toBe(2);
        const refusals = run.stderr.split('\n').filter((line) => line.includes('[SLA4052]'));
        expect(refusals).toEqual(
          renamedLines.map(
            (line) =>
              `${file}:${line}: key 'ticket': '${shown}' holds half of a character (a \\u escape of a surrogate without its other half); write the character itself, or both halves of its escape in order [SLA4052]`,
          ),
        );
      });
    }
  }

  it('a character beyond U+FFFF as its two escapes in order: read as before, the id written whole', () => {
    const file = write('pair.ndjson', logRenaming('NW-\\ud83d\\ude00'));
    // With the outage log, whose absence hosting's uptime credits warn of (SLA4064): stderr is silent.
    const run = runBuiltCliOnThreads(['check', agreement, file, '--outages', join(repoRoot, 'examples', 'logs', 'hosting.outages.csv'), '--format', 'csv'], folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('NW-\u{1f600},');
  });

  it('with --skip-invalid, the rows are counted as skipped, not read as a ticket', () => {
    const file = write('skip.ndjson', logRenaming('NW-\\ud83d'));
    const run = runBuiltCliOnThreads(['check', agreement, file, '--skip-invalid', '--format', 'csv'], folder);
    expect(run.stderr).toContain(`${renamedLines.length} invalid log rows skipped`);
    expect(run.stdout).not.toContain('NW-\ufffd');
  });

  it('an outage log: a kind with half a character refused alike; a description with one read (free text, shown as U+FFFD)', () => {
    const tickets = write('plain.ndjson', log);
    const outages = write(
      'outages.ndjson',
      '{"start":"2026-04-22T08:00:00Z","end":"2026-04-22T09:00:00Z","kind":"outage\\udc00"}\n' +
        '{"start":"2026-04-23T08:00:00Z","end":"2026-04-23T09:00:00Z","kind":"outage","description":"disk \\udc00"}\n',
    );
    const run = runBuiltCliOnThreads(['check', agreement, tickets, '--outages', outages], folder);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes('[SLA4052]'))).toEqual([
      `${outages}:1: key 'kind': 'outage\\u{dc00}' holds half of a character (a \\u escape of a surrogate without its other half); write the character itself, or both halves of its escape in order [SLA4052]`,
    ]);
  });
});
