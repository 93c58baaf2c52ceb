import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOfText, slaFileKind } from '../../lsp/services/sla-file-kinds.js';

/** What completion after `uses "` and `import "` tells of a `.sla` file beside the document (lsp/services/file-paths.ts). */
describe('what a .sla file declares, told by its tokens', () => {
  const cases: [string, string, ReturnType<typeof kindOfText>][] = [
    ['an agreement', 'import "x.sla"\nagreement Acme {\n  title "A"\n}\n', { kind: 'agreement', name: 'Acme' }],
    ['a portfolio', 'portfolio Customers {\n  client "A" uses "a.sla"\n}\n', { kind: 'portfolio', name: 'Customers' }],
    ['shared declarations', 'calendar Office {\n  timezone "Europe/Berlin"\n}\nparam ClientName "[Client]"\n', { kind: 'shared' }],
    ['an agreement in a comment only', '// agreement Old {\n/* portfolio P { */\ncalendar C {\n}\n', { kind: 'shared' }],
    ['an agreement with a syntax error before it', 'calendar C {\n  hours ???\n}\nagreement Broken {\n', { kind: 'agreement', name: 'Broken' }],
    ['the word inside a block (a text, a clause)', 'clause C {\n  "agreement X"\n}\n', { kind: 'shared' }],
    ['an empty file', '', { kind: 'shared' }],
  ];
  it.each(cases)('%s', (_, text, kind) => expect(kindOfText(text, 'x.sla')).toEqual(kind));

  it('is told again when the file changes on disk, and not at all for a file that is not there', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slac-kinds-')), 'a.sla');
    writeFileSync(file, 'calendar C {\n}\n');
    utimesSync(file, 1_000, 1_000);
    expect(slaFileKind(file)).toEqual({ kind: 'shared' });
    writeFileSync(file, 'agreement Now {\n}\n');
    utimesSync(file, 2_000, 2_000);
    expect(slaFileKind(file)).toEqual({ kind: 'agreement', name: 'Now' });
    expect(slaFileKind(join(file, '..', 'missing.sla'))).toBeUndefined();
  });
});
