import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Through the built executable: `slac compile`
 * writes figures as the source has them, refuses dates the clock cannot
 * state, leaves out the Severity Levels of an agreement without them, and
 * writes prose images as links, in Markdown and HTML alike.
 */
const figures = join(repoRoot, 'test', 'compiler', 'fixtures', 'figures');
const out = mkdtempSync(join(tmpdir(), 'slac-cli-figures-'));

function compiled(fixture: string, format: 'md' | 'html'): string {
  const target = join(out, `${fixture}.${format}`);
  const run = runBuiltCli(['compile', join(figures, fixture), '--format', format, '-o', target], out);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(target, 'utf8');
}

describe.each(['md', 'html'] as const)('slac compile --format %s', (format) => {
  it.each([
    ['exact-percentages.sla', 'at least 99.9995% of the Scheduled Time', 'at least 100%'],
    ['exact-percentages.sla', 'never exceed 12.34567%', '12.346%'],
    ['exact-percentages.sla', '99.99949% of Tickets', '99.999%'],
    ['no-severities.sla', 'Signatures', 'default level'],
    ['uptime-no-severities.sla', '99.9% of the Scheduled Time', 'Severity'],
    ['prose-images.sla', 'http://evil/x.png', format === 'md' ? '![img]' : '!<a href="http://evil'],
  ])('%s says %j and never %j', (fixture, present, absent) => {
    const document = compiled(fixture, format);
    expect(document).toContain(present);
    expect(document).not.toContain(absent);
  });
});

describe('slac compile of a date outside the supported years', () => {
  it.each([['effective 0001-01-01'], ['effective 2500-06-01'], ['effective 2026-01-01 }\ncalendar O { timezone "UTC" hours Mon-Fri 09:00-17:00 holidays { 1799-12-25 "Old" } ']])(
    '%s is SLA3076, exit 2, nothing written',
    (statement) => {
      const source = join(out, 'dated.sla');
      writeFileSync(source, `agreement A { provider "P" client "C" ${statement} }\n`);
      const run = runBuiltCli(['compile', source, '--format', 'md', '-o', join(out, 'dated.md')], out);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('SLA3076');
      expect(existsSync(join(out, 'dated.md'))).toBe(false);
    },
  );
});
