import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { uriOf } from './harness/cursor.js';
import { useServer } from './harness/session.js';

const folder = mkdtempSync(join(tmpdir(), 'slac-import-updates-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const client = useServer(undefined, () => ({ folders: [folder], watchFiles: true }));

/** An agreement that imports `path` and uses its calendar `Office`. */
const importerOf = (path: string) =>
  `import "${path}"\n\nseverity High {\n  default\n}\n\nmetric Reply {\n  measures first response\n  clock Office\n  target High 1 hour\n  objective 90% monthly\n}\n`;
const office = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';
/** `promise`, or a failure naming `what` when it does not settle within 5 s. */
const within = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within 5 s`)), 5_000))]);
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => d.code);

// an importer of a file that was missing kept SLA2003 (and the
// SLA2001 that follows from it) after the file appeared, until it was edited.
describe('an importer is validated again when the file it could not find appears', () => {
  it.each([
    { how: 'opened in the editor (unsaved)', name: 'opened.sla' },
    { how: 'created on disk (a watched-file event)', name: 'created.sla' },
  ])('$how', async ({ how, name }) => {
    const importer = uriOf(join(folder, `imports-${name}`));
    const missing = client().diagnostics(importer);
    await client().open(importer, importerOf(name));
    expect(codes(await missing)).toEqual(expect.arrayContaining(['SLA2003', 'SLA2001']));
    const found = client().diagnostics(importer);
    if (how.startsWith('opened')) await client().open(uriOf(join(folder, name)), office);
    else {
      writeFileSync(join(folder, name), office);
      await client().connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(folder, name)), type: FileChangeType.Created }] });
    }
    expect(await within(found, 'the importer validated again')).toEqual([]);
  });
});

// SLA2008 said that the imported file has errors, and no
// diagnostic anywhere showed them.
describe("an imported file's errors", () => {
  it.each([
    { imported: 'broken.sla', text: 'calendar Office {\n  timezone "Mars/Olympus"\n  hours Mon-Fri 09:00-17:00\n}\n' },
    { imported: 'middle.sla', text: 'import "broken.sla"\n' },
  ])('go with the SLA2008 at import "$imported", each at its file and line', async ({ imported, text }) => {
    writeFileSync(join(folder, imported), text);
    const importer = uriOf(join(folder, `imports-${imported}`));
    const published = client().diagnostics(importer);
    await client().open(importer, importerOf(imported));
    const sla2008 = (await published).find((d) => d.code === 'SLA2008');
    expect(sla2008?.relatedInformation).toEqual([
      { location: { uri: uriOf(join(folder, 'broken.sla')), range: { start: { line: 1, character: 11 }, end: { line: 1, character: 25 } } }, message: expect.stringMatching(/^SLA\d{4} .*Mars\/Olympus/) },
    ]);
  });
});

// SLA5005 of a term that a shared file declares went nowhere in the editor:
// the shared file alone has no agreement to judge it by, and the importer
// showed only its own file's diagnostics; `slac validate` reported it.
describe("an imported file's term that the agreement never uses", () => {
  const terms = `${office}\nterm "Incident" "an unplanned interruption of the service"\n`;
  it.each([
    { how: 'imported directly', imported: 'shared-terms.sla', files: { 'shared-terms.sla': terms } },
    { how: 'imported through another file', imported: 'shared-middle.sla', files: { 'shared-middle.sla': 'import "shared-deep.sla"\n', 'shared-deep.sla': terms } },
  ])('is warned of at the import that brings it ($how), pointing to the term', async ({ imported, files }) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    const termFile = Object.keys(files).at(-1)!;
    const importer = uriOf(join(folder, `terms-via-${imported}`));
    // An agreement: a file without one prints no document, so has no terms to judge.
    const text = `${importerOf(imported)}\nagreement Terms {\n  title "Terms"\n}\n`;
    const published = client().diagnostics(importer);
    await client().open(importer, text);
    const warnings = (await published).filter((d) => d.code === 'SLA5005');
    const pathStart = text.indexOf(`"${imported}"`);
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: DiagnosticSeverity.Warning,
        range: { start: { line: 0, character: pathStart }, end: { line: 0, character: pathStart + imported.length + 2 } },
        message: `${termFile}, line 6: The term 'Incident' is defined, but the agreement never uses it: the document prints a definition nothing refers to.`,
        relatedInformation: [
          { location: { uri: uriOf(join(folder, termFile)), range: { start: { line: 5, character: 5 }, end: { line: 5, character: 15 } } }, message: "The term 'Incident' is defined, but the agreement never uses it: the document prints a definition nothing refers to." },
        ],
      }),
    ]);
    // Used in the agreement, the term is no longer warned of.
    await client().change(importer, `${text}\nclause "Incidents" """\n  Each Incident is logged.\n  """\n`);
    expect((await client().currentDiagnostics(importer)).filter((d) => d.code === 'SLA5005')).toEqual([]);
  });
});
