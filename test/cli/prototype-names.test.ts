import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';

/**
 * Names an author may give that a plain JavaScript object already has:
 * `__proto__`, `constructor`, `toString`. A metric named `__proto__` made
 * `slac check --format json` exit 70, and a param named `constructor` made
 * `slac compile` exit 70, both after `slac validate` said "no problems"
 * (language/model/own-keys.ts). Every command, through the built CLI, on an
 * agreement with the word as a param, a severity and a metric name.
 */

const WORDS = ['__proto__', 'constructor', 'toString'] as const;

function agreementNaming(word: string): string {
  return `agreement Named {
  title "Named"
  provider "Provider Ltd"
  client ${word}
}

param ${word} "[Client]"

calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 09:00-17:00
}

channel Email {
  hours Office
}

severity ${word} {
  default
}

severity Other {
}

metric ${word} {
  measures first response
  clock Office
  target ${word} 2 hours
  target 8 hours
  objective 90% monthly
}

metric Resolution {
  measures resolution
  clock Office
  target Other 4 hours
}
`;
}

const LOG = [
  'ticket,time,event,severity,channel,status,author,level',
  'A,2026-03-02T09:00:00+01:00,created,WORD,Email,,,',
  'A,2026-03-02T09:30:00+01:00,reply,,,,agent,',
  'B,2026-03-02T10:00:00+01:00,created,Other,Email,,,',
  'B,2026-03-02T16:00:00+01:00,resolved,,,,,',
].join('\n');

describe.each(WORDS)('an agreement naming a param, a severity and a metric %s', (word) => {
  const folder = mkdtempSync(join(tmpdir(), 'slac-prototype-names-'));
  writeFileSync(join(folder, 'a.sla'), agreementNaming(word));
  writeFileSync(join(folder, 'log.csv'), `${LOG.replace('WORD', word)}\n`);
  const slac = (...args: string[]) => runBuiltCli(args, folder);

  it('validates, and compiles to Markdown and HTML with the param filled', () => {
    expect(slac('validate', 'a.sla')).toMatchObject({ code: 0, stderr: '' });
    for (const format of ['md', 'html']) {
      const run = slac('compile', 'a.sla', '--format', format, '--param', `${word}=Acme Ltd`, '-o', `a.${format}`);
      expect(run.stderr, format).toBe('');
      expect(run.code, format).toBe(0);
      expect(readFileSync(join(folder, `a.${format}`), 'utf8'), format).toContain('Acme Ltd');
    }
  });

  it('checks a log in every format, the metric and the severity\'s target kept', () => {
    const json = slac('check', 'a.sla', 'log.csv', '--format', 'json');
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    const ticket = report.tickets.find((entry: { id: string }) => entry.id === 'A');
    expect(Object.keys(ticket.metrics)).toEqual([word]);
    // The severity's own target, 2 hours, not the plain 8 hours.
    expect(ticket.metrics[word]).toMatchObject({ status: 'met', targetMinutes: 120 });
    const text = slac('check', 'a.sla', 'log.csv');
    expect(text.stderr).toBe('');
    // The text report names a metric by its title, the name split into words.
    expect(text.stdout).toMatch(/^ {2}\S.* {2}2026-03 {2}100% {2}objective 90% {2}2 met, 0 breached, 0 pending {2}OK$/m);
    const csv = slac('check', 'a.sla', 'log.csv', '--format', 'csv');
    expect(csv.stderr).toBe('');
    expect(csv.stdout.split('\n').filter((line) => line.startsWith(`A,${word},Email,${word},met,30,120,`))).toHaveLength(1);
  });

  it('checks the same from the compiled model', () => {
    expect(slac('compile', 'a.sla', '--emit', 'model').code).toBe(0);
    const model = JSON.parse(readFileSync(join(folder, 'a.sla.json'), 'utf8'));
    expect(Object.keys(model.metrics[0].targets)).toEqual([word]);
    const fromModel = slac('check', 'a.sla.json', 'log.csv', '--format', 'json');
    const fromSource = slac('check', 'a.sla', 'log.csv', '--format', 'json');
    expect(fromModel.stderr).toBe('');
    expect(fromModel.stdout).toBe(fromSource.stdout);
  });
});
