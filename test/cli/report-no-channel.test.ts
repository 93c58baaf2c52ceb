import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A breached ticket whose log gives no channel had a blank Channel cell in
 * the review pack's major-incidents table and in the site's breached
 * tickets, while the breaches-by-channel tables and the recurring issues
 * beside them count it under "(no channel)". Every table now says that.
 * The site's ticket page (its Channel line) and the heading of the pack's
 * incident summary left the channel out altogether; they say it too.
 */
const LOG = `ticket,time,event,severity,channel,status,author,level
X-1,2026-03-02T09:00:00Z,created,Urgent,,,,
X-1,2026-03-02T12:00:00Z,reply,,,,agent,
X-1,2026-03-02T13:00:00Z,resolved,,,,,
X-2,2026-03-03T09:00:00Z,created,Urgent,Email,,,
X-2,2026-03-03T12:00:00Z,reply,,,,agent,
`;
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('a breached ticket with no channel', () => {
  it('is "(no channel)" in the review pack\'s major incidents', () => {
    const folder = freshFolder('report-no-channel');
    write(folder, 'log.csv', LOG);
    const run = runBuiltCli(['report', join(repoRoot, 'examples', 'letsflo.sla'), 'log.csv', '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    const text = flat(execFileSync('pdftotext', ['-layout', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain('X-1 2026-03-02T09:00:00+00:00 (no channel) Incident response time');
    expect(text).toContain('X-2 2026-03-03T09:00:00+00:00 Email Incident response time');
  });

  it('is "(no channel)" in the site\'s table of breached tickets', () => {
    const folder = freshFolder('report-no-channel');
    write(folder, 'log.csv', LOG);
    const run = runBuiltCli(['report', join(repoRoot, 'examples', 'letsflo.sla'), 'log.csv', '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const cells = (ticket: string): string[] => {
      const row = /<tr>(.*?)<\/tr>/g;
      const html = readFileSync(join(folder, 'site', 'breaches', 'page-1.html'), 'utf8');
      const found = [...html.matchAll(row)].find((match) => match[1]!.includes(`>${ticket}<`))!;
      return [...found[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, ''));
    };
    expect(cells('X-1')[3]).toBe('(no channel)');
    expect(cells('X-2')[3]).toBe('Email');
  });

  it('is "(no channel)" in the heading of the pack\'s incident summary', () => {
    const folder = freshFolder('report-no-channel');
    write(folder, 'log.csv', LOG);
    const run = runBuiltCli(['report', join(repoRoot, 'examples', 'letsflo.sla'), 'log.csv', '--format', 'pdf', '-o', 'pack.pdf'], folder);
    expect(run.code, run.stderr).toBe(0);
    const text = flat(execFileSync('pdftotext', ['-layout', join(folder, 'pack.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain('X-1: Urgent, (no channel), created 2026-03-02 09:00');
    expect(text).toContain('X-2: Urgent, via Email, created 2026-03-03 09:00');
  });

  it('is "(no channel)" on the site\'s ticket page', () => {
    const folder = freshFolder('report-no-channel');
    write(folder, 'log.csv', LOG);
    const run = runBuiltCli(['report', join(repoRoot, 'examples', 'letsflo.sla'), 'log.csv', '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const channel = (ticket: string): string | undefined => /<dt>Channel<\/dt><dd>([^<]*)<\/dd>/.exec(readFileSync(join(folder, 'site', 'tickets', `${ticket}.html`), 'utf8'))?.[1];
    expect(channel('X-1')).toBe('(no channel)');
    expect(channel('X-2')).toBe('Email');
  });
});
