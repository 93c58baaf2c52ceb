import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hrefTo } from '../../review/site/html.js';
import { ticketPageFile, ticketPageFiles } from '../../review/site/ticket-page.js';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';

/**
 * A ticket page is named after its ticket id, and Windows cannot make a
 * file named CON, PRN, AUX, NUL, COM0-9 or LPT0-9, in any case and with any
 * extension (`CON.html`, `nul.old.html`): `slac report` failed there, or
 * wrote to the console device. Such a name now starts with its first letter
 * URL-encoded (`%43ON.html`), which no other id's page name can be (a
 * letter is never encoded), and the link to it encodes the `%`.
 */

/** The part of a file name Windows compares with the device names: up to the first dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const stemOf = (file: string): string => file.slice('tickets/'.length).split('.')[0]!;

describe('ticket pages named after a Windows device name', () => {
  it.each([
    ['CON', 'tickets/%43ON.html'],
    ['nul', 'tickets/%6Eul.html'],
    ['Aux', 'tickets/%41ux.html'],
    ['PRN', 'tickets/%50RN.html'],
    ['COM1', 'tickets/%43OM1.html'],
    ['lpt9', 'tickets/%6Cpt9.html'],
    ['COM0', 'tickets/%43OM0.html'],
    ['nul.old', 'tickets/%6Eul.old.html'],
    // Not device names: kept as they were.
    ['CONSOLE', 'tickets/CONSOLE.html'],
    ['COM10', 'tickets/COM10.html'],
    ['CON-1', 'tickets/CON-1.html'],
    ['con ', 'tickets/con%20.html'],
    ['a.', 'tickets/a..html'],
  ])('%s lives in %s', (ticket, file) => {
    expect(ticketPageFile(ticket)).toBe(file);
    expect(stemOf(file)).not.toMatch(RESERVED);
  });

  it('a long id that starts with a device name gets a safe hashed name too', () => {
    const file = ticketPageFile(`CON.${'x'.repeat(300)}`);
    expect(file.startsWith('tickets/%43ON.x')).toBe(true);
    expect(stemOf(file)).not.toMatch(RESERVED);
  });

  it('stays one file per id, ignoring case, beside ids that spell the escape', () => {
    const ids = ['CON', 'con', '%43ON', 'C%4FN', 'nul', 'NUL', '%6Eul'];
    const files = [...ticketPageFiles(ids).values()];
    expect(new Set(files.map((file) => file.toLowerCase())).size).toBe(ids.length);
    for (const file of files) expect(stemOf(file)).not.toMatch(RESERVED);
  });

  it('is linked with its % encoded, so the link opens that file', () => {
    const file = ticketPageFile('CON');
    expect(hrefTo(file)).toBe('tickets/%2543ON.html');
    expect(decodeURIComponent(hrefTo(file).slice('tickets/'.length))).toBe(file.slice('tickets/'.length));
  });
});

describe('slac report with tickets named CON and nul (built CLI)', () => {
  it('writes their pages under safe names and links the breaches page to them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-reserved-pages-'));
    const log = readFileSync(join(repoRoot, 'examples', 'logs', 'poologics.tickets.csv'), 'utf8').replace(/^PL-1014,/gm, 'CON,').replace(/^PL-1026,/gm, 'nul,');
    writeFileSync(join(folder, 'log.csv'), log);
    const run = runBuiltCli(['report', join(repoRoot, 'examples', 'poologics.sla'), 'log.csv', '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const pages = readdirSync(join(folder, 'site', 'tickets'));
    expect(pages).toEqual(expect.arrayContaining(['%43ON.html', '%6Eul.html']));
    for (const page of pages) expect(page.split('.')[0]).not.toMatch(RESERVED);
    const breaches = readFileSync(join(folder, 'site', 'breaches', 'page-1.html'), 'utf8');
    for (const page of ['%43ON.html', '%6Eul.html']) {
      const href = `../tickets/${encodeURIComponent(page)}`;
      expect(breaches).toContain(`href="${href}"`);
      // The file a browser opens for that link, from the breaches page's folder.
      expect(existsSync(join(folder, 'site', 'breaches', decodeURIComponent(href)))).toBe(true);
    }
  }, 120_000);
});
