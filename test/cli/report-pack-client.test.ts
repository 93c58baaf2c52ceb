import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * A portfolio's review packs, one per client, through the built CLI (from
 * an adversarial pass): clients that share an agreement whose `client` is a
 * text ("Client Ltd") got packs whose printed pages never named the client
 * they were for, so two clients' packs read the same but for their figures.
 */

/** The pack's printed text, runs of spaces squeezed. */
function packText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Writes a log of one High ticket a client (each answered after six hours, its target two) and makes the portfolio `p.sla`'s packs into `packs/`. */
function packsOf(folder: string, clients: readonly string[]): ReturnType<typeof runBuiltCli> {
  const rows = clients.flatMap((client, index) => [
    `T-${index},2026-03-0${index + 2}T09:00:00+01:00,created,High,Email,,,,${client}`,
    `T-${index},2026-03-0${index + 2}T15:00:00+01:00,reply,,,,agent,,`,
  ]);
  write(folder, 't.csv', [`${LOG_HEADER},client`, ...rows].join('\n'));
  return runBuiltCli(['report', 'p.sla', 't.csv', '--format', 'pdf', '-o', 'packs', '--as-of', '2026-04-01T00:00:00Z'], folder);
}

describe('slac report --format pdf: a portfolio client is named on its pack', () => {
  it('names each client on the cover, beside the agreement\'s own parties', () => {
    const folder = freshFolder('report-pack-client');
    write(folder, 'a.sla', agreementText());
    write(folder, 'p.sla', 'portfolio P {\n  client "Acme Widgets" uses "a.sla"\n  client "Globex <GmbH> & Co" uses "a.sla"\n}\n');
    const run = packsOf(folder, ['Acme Widgets', 'Globex <GmbH> & Co']);
    expect(run.code, run.stderr).toBe(0);
    for (const [file, client] of [
      ['acme-widgets-review.pdf', 'Acme Widgets'],
      ['globex-gmbh-co-review.pdf', 'Globex <GmbH> & Co'],
    ] as const) {
      const text = packText(join(folder, 'packs', file));
      const cover = text.slice(0, text.indexOf('Participants'));
      expect(cover, file).toContain('Between Provider Ltd (the Provider) and Client Ltd (the Client)');
      expect(cover, file).toContain(`Portfolio client ${client} Period reviewed`);
    }
  }, 120_000);

  it("names the client as its agreement document does when the portfolio's `with` gives the client's param", () => {
    // The document each client signs (slac compile of the portfolio) says "Acme Widgets GmbH"; the pack said "Acme".
    const folder = freshFolder('report-pack-client-param');
    write(folder, 'a.sla', agreementText().replace('client "Client Ltd"', 'client ClientName').concat('\nparam ClientName "[Client]"\n'));
    write(folder, 'p.sla', 'portfolio P {\n  client "Acme" uses "a.sla" with ClientName "Acme Widgets GmbH"\n  client "Globex" uses "a.sla"\n}\n');
    const run = packsOf(folder, ['Acme', 'Globex']);
    expect(run.code, run.stderr).toBe(0);
    const acme = packText(join(folder, 'packs', 'acme-review.pdf'));
    expect(acme.slice(0, acme.indexOf('Participants'))).toContain('Between Provider Ltd (the Provider) and Acme Widgets GmbH (the Client)');
    expect(acme.slice(0, acme.indexOf('Participants'))).toContain('Portfolio client Acme Period reviewed');
    // No `with` for Globex: its document prints the param's placeholder, and the pack names the client as the portfolio does.
    const globex = packText(join(folder, 'packs', 'globex-review.pdf'));
    expect(globex.slice(0, globex.indexOf('Participants'))).toContain('Between Provider Ltd (the Provider) and Globex (the Client)');
    const compiled = runBuiltCli(['compile', 'p.sla', '--format', 'html', '-o', 'docs'], folder);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(readFileSync(join(folder, 'docs', 'acme.html'), 'utf8').replace(/<[^>]*>/g, '')).toContain('made between Provider Ltd (the Provider) and Acme Widgets GmbH (the Client)');
  }, 120_000);
});
