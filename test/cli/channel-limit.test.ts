import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac check` keeps a log event's channel in a few bits and refuses an
 * agreement of more than 63 channels; `slac validate` said "no problems" of
 * one with 64, and `slac compile` wrote its document. Each now reports
 * SLA3085 at the first channel beyond the limit (docs/language.md "Limits").
 */

const channelsText = (names: readonly string[]): string => names.map((name) => `channel ${name} {\n}\n`).join('\n');
const names = (count: number, prefix = 'C'): string[] => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

/** 1-based line of `channel NAME {` in `text`. */
function lineOf(text: string, name: string): number {
  return text.split('\n').indexOf(`channel ${name} {`) + 1;
}

const LOG = `${LOG_HEADER}\nA,2026-03-02T09:00:00+01:00,created,High,C1,,,\n`;

describe('an agreement of more channels than slac check handles', () => {
  it.each([
    ['validate', ['validate', 'a.sla']],
    ['compile', ['compile', 'a.sla', '--format', 'md']],
    ['compile --emit model', ['compile', 'a.sla', '--emit', 'model']],
    ['check', ['check', 'a.sla', 'log.csv']],
  ])('%s: SLA3085 at the 64th channel', (_name, args) => {
    const folder = freshFolder('channel-limit');
    const text = agreementText('', channelsText(names(64)));
    write(folder, 'a.sla', text);
    write(folder, 'log.csv', LOG);
    const run = runBuiltCli(args, folder);
    expect(run.code).toBe(2);
    // validate prints its problems on stdout, compile and check on stderr.
    const printed = run.stdout + run.stderr;
    expect(printed).toContain(`a.sla:${lineOf(text, 'C64')}:9: error SLA3085: 'C64' is channel 64 of 64: slac check handles at most 63 channels in an agreement.\n`);
    expect(printed.match(/SLA3085/g)).toHaveLength(1);
  });

  it('63 channels: no problems', () => {
    const folder = freshFolder('channel-limit');
    write(folder, 'a.sla', agreementText('', channelsText(names(63))));
    expect(runBuiltCli(['validate', 'a.sla'], folder)).toEqual({ code: 0, stdout: 'a.sla: no problems\n', stderr: '' });
  });

  it('counts the channels of the agreement in force, imports included, at the file of the 64th', () => {
    const folder = freshFolder('channel-limit');
    const shared = channelsText(names(62, 'S'));
    write(folder, 'shared.sla', shared);
    const text = agreementText('', `import "shared.sla"\n\n${channelsText(names(3))}`);
    write(folder, 'a.sla', text);
    const run = runBuiltCli(['validate', 'a.sla'], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`a.sla:${lineOf(text, 'C2')}:9: error SLA3085: 'C2' is channel 64 of 65: slac check handles at most 63 channels in an agreement.\n`);
    expect(run.stdout.match(/SLA3085/g)).toHaveLength(1);
  });
});
