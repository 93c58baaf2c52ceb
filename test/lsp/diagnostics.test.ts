import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { analyze } from '../../language/workspace/index.js';
import { example, rangeOfText, readExample, uriOf } from './harness/cursor.js';
import { openExample, useServer } from './harness/session.js';

const client = useServer();

describe('diagnostics as the author types', () => {
  it('publishes no diagnostics for a valid example on open', async () => {
    const text = readExample('poologics.sla');
    const uri = uriOf(example('poologics.sla'));
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    expect(await published).toEqual([]);
  });

  it('reports an unknown calendar after an edit, with code, range, source and suggestion', async () => {
    const uri = uriOf(example('poologics.sla'));
    const text = readExample('poologics.sla').replace('clock BusinessHours\n  target 20', 'clock BusinesHours\n  target 20');
    await client().change(uri, text);
    const diagnostics = await client().currentDiagnostics(uri);
    const unknown = diagnostics.find((d) => d.code === 'SLA2001');
    expect(unknown).toMatchObject({
      source: 'slac',
      severity: DiagnosticSeverity.Error,
      range: rangeOfText(text, 'BusinesHours'),
      data: { suggestion: 'BusinessHours' },
    });
  });

  it('reports the same codes and ranges as slac validate', async () => {
    const uri = uriOf(example('hosting.sla'));
    const file = example('hosting.sla');
    const text = readExample('hosting.sla')
      .replace('timezone "Europe/Berlin"', 'timezone "Europe/Berlinn"')
      .replace('target P1 15 minutes', 'target P9 15 minutes')
      .replace('cap 30%', 'cap 130%');
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    const lsp = (await published).map((d) => ({ code: d.code, range: d.range }));
    const validate = analyze(file, { readFile: (f) => (f === file ? text : undefined) })
      .diagnostics.filter((d) => d.file === file)
      .map((d) => ({ code: d.code, range: d.range }));
    expect(validate.length).toBeGreaterThanOrEqual(3);
    expect(lsp).toEqual(validate);
  });

  it('warns of a term the document never uses, as slac validate does (SLA5005), at the term', async () => {
    const uri = uriOf(example('unused-term.sla'));
    const text = `${readExample('hosting.sla')}\nterm "Incident" "an unplanned interruption"\n`;
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    const warnings = (await published).filter((d) => d.code === 'SLA5005');
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: DiagnosticSeverity.Warning,
        range: rangeOfText(text, '"Incident"'),
        message: "The term 'Incident' is defined, but the agreement never uses it: the document prints a definition nothing refers to.",
      }),
    ]);
    const used = `${text}\nclause "Incidents" """\n  Each Incident is logged.\n  """\n`;
    await client().change(uri, used);
    expect((await client().currentDiagnostics(uri)).filter((d) => d.code === 'SLA5005')).toEqual([]);
  });

  it('marks text that changes nothing as unnecessary, so editors fade it, and only that text', async () => {
    const uri = uriOf(example('faded.sla'));
    // A pause in an uptime metric stops nothing (SLA3098); an unused calendar is still defined in the document (SLA3052).
    const text = readExample('poologics.sla')
      .replace('  excluding maintenance\n', '  excluding maintenance\n  pause never\n')
      .replace('calendar AroundTheClock', 'calendar Spare {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n\ncalendar AroundTheClock');
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    const diagnostics = await published;
    expect(diagnostics.find((d) => d.code === 'SLA3098')).toMatchObject({ range: rangeOfText(text, 'pause never'), tags: [DiagnosticTag.Unnecessary] });
    const unused = diagnostics.find((d) => d.code === 'SLA3052');
    expect(unused).toMatchObject({ range: rangeOfText(text, 'Spare') });
    expect(unused).not.toHaveProperty('tags');
  });

  it('points to the related place of a diagnostic', async () => {
    const uri = uriOf(example('hosting.sla'));
    const text = readExample('hosting.sla').replace('severity P1 {\n', 'severity P1 {\n  default\n');
    await client().change(uri, text);
    const twice = (await client().currentDiagnostics(uri)).find((d) => d.code === 'SLA3007');
    expect(twice?.relatedInformation).toEqual([
      expect.objectContaining({ location: { uri, range: rangeOfText(text, 'default') } }),
    ]);
  });

  it('reports two calendars that read as one defined term at the second name, pointing to the first', async () => {
    const uri = uriOf(example('hosting.sla'));
    const text = `${readExample('hosting.sla')}\ncalendar On_Call {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n`;
    await client().change(uri, text);
    const alike = (await client().currentDiagnostics(uri)).find((d) => d.code === 'SLA3088');
    expect(alike).toMatchObject({ severity: DiagnosticSeverity.Error, range: rangeOfText(text, 'On_Call') });
    expect(alike?.relatedInformation).toEqual([expect.objectContaining({ location: { uri, range: rangeOfText(text, 'OnCall') } })]);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = uriOf(example('hosting.sla'));
    const cleared = client().diagnostics(uri);
    await client().close(uri);
    expect(await cleared).toEqual([]);
  });
});

describe('diagnostics across imports', () => {
  it('updates an open finance.sla when the unsaved corporate.sla it imports changes', async () => {
    const finance = await openExample(client(), 'multilevel/finance.sla');
    const corporate = await openExample(client(), 'multilevel/corporate.sla');
    const broken = corporate.text.replace('calendar ServiceDesk', 'calendar ServiceDesks');

    const financeBroken = client().diagnostics(finance.uri, (p) => p.diagnostics.length > 0);
    await client().change(corporate.uri, broken);
    const diagnostics = await financeBroken;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SLA2001', range: rangeOfText(finance.text, 'ServiceDesk') }),
    );
    expect(diagnostics.map((d) => d.code)).toContain('SLA2008');

    const financeFixed = client().diagnostics(finance.uri, (p) => p.diagnostics.length === 0);
    await client().change(corporate.uri, corporate.text);
    expect(await financeFixed).toEqual([]);
  });
});

describe('documents that are not plain open files', () => {
  it('validates an unsaved, untitled buffer', async () => {
    const uri = 'untitled:Untitled-1';
    const text = 'metric Reply {\n  measures first response\n  clock Office\n  target 1 hour\n}\n';
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    expect(await published).toContainEqual(expect.objectContaining({ code: 'SLA2001', range: rangeOfText(text, 'Office') }));
  });

  // A UTF-16 client can send half of a surrogate pair; quoted raw in the
  // message, a client decoding JSON into UTF-8 would refuse the notification.
  it('publishes half of a surrogate pair typed into a buffer as an escape', async () => {
    const uri = 'untitled:Untitled-half';
    const text = 'term "a" "b"\n\ud83d\n';
    const published = client().diagnostics(uri);
    await client().open(uri, text);
    const unexpected = (await published).filter((d) => d.code === 'SLA1001');
    expect(unexpected.map((d) => d.message)).toEqual(["Unexpected character '\\u{d83d}'."]);
  });

  it('re-validates an open file when a file it imports changes on disk', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'slac-lsp-watch-'));
    for (const name of ['corporate.sla', 'finance.sla']) copyFileSync(example(`multilevel/${name}`), join(folder, name));
    const financeUri = uriOf(join(folder, 'finance.sla'));
    const opened = client().diagnostics(financeUri);
    await client().open(financeUri, readFileSync(join(folder, 'finance.sla'), 'utf8'));
    expect(await opened).toEqual([]);

    const corporate = join(folder, 'corporate.sla');
    writeFileSync(corporate, readFileSync(corporate, 'utf8').replace('calendar ServiceDesk', 'calendar Desk'));
    const broken = client().diagnostics(financeUri, (p) => p.diagnostics.length > 0);
    await client().connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(corporate), type: FileChangeType.Changed }],
    });
    expect((await broken).map((d) => d.code)).toContain('SLA2001');
    rmSync(folder, { recursive: true, force: true });
  });
});
