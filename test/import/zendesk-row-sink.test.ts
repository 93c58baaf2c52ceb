import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportedRowSink, InputFile } from '../../import/import-source.js';
import { ImportSummary } from '../../import/import-summary.js';
import type { ImportedRow } from '../../import/ticket-log-writer.js';
import { importZendesk } from '../../import/zendesk/import.js';
import { writeZendeskExport } from '../../scripts/generate-zendesk-export.mjs';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures } from './helpers.js';

/**
 * The Zendesk importer hands its rows to a sink's `writeFields` when it has
 * one (the log writer: no object per row) and to `write` otherwise (sinks
 * that keep rows): both paths must give the same rows, in the same order,
 * and the same summary.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-zendesk-sink-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A row as `write` receives it: keys with undefined values dropped, as a log line has them. */
function written(row: ImportedRow): ImportedRow {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as ImportedRow;
}

/** The rows and the summary of importing `files` into `sink` (which collects into `rows`). */
async function run(files: readonly InputFile[], sink: ImportedRowSink): Promise<string> {
  const summary = new ImportSummary();
  const tickets = await importZendesk({ files, sink, summary });
  return summary.render('zendesk', new Map(), tickets);
}

async function bothPaths(files: readonly InputFile[]): Promise<{ objects: ImportedRow[]; fields: ImportedRow[]; summaries: [string, string] }> {
  const objects: ImportedRow[] = [];
  const fields: ImportedRow[] = [];
  const byObject = await run(files, { write: (row) => objects.push(written(row)) });
  const byFields = await run(files, {
    write: () => {
      throw new Error('write called on a sink with writeFields');
    },
    writeFields: (ticket, time, event, severity, channel, status, author, client) => fields.push(written({ ticket, time, event, severity, channel, status, author, client })),
  });
  return { objects, fields, summaries: [byObject, byFields] };
}

const inputs = (dir: string, names: readonly string[]): InputFile[] => names.map((name) => ({ path: join(dir, name), shown: name }));

describe('Zendesk rows through writeFields and through write', () => {
  it('are the same for the fixture of awkward cases (deleted ticket, reopen, notes, audits)', async () => {
    const dir = join(repoRoot, fixtures, 'zendesk');
    const { objects, fields, summaries } = await bothPaths(inputs(dir, readdirSync(dir).sort()));
    expect(objects.length).toBeGreaterThan(10);
    expect(fields).toEqual(objects);
    expect(summaries[1]).toBe(summaries[0]);
  });

  it('are the same for a generated export of 300 tickets (the benchmark shape)', async () => {
    const dir = join(folder, 'export');
    writeZendeskExport(dir, 300);
    const { objects, fields, summaries } = await bothPaths(inputs(dir, readdirSync(dir).sort()));
    expect(objects.length).toBeGreaterThan(1000);
    expect(new Set(objects.map((row) => row.ticket)).size).toBe(300);
    expect(fields).toEqual(objects);
    expect(summaries[1]).toBe(summaries[0]);
  });
});
