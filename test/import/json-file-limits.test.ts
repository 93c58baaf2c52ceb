import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFolder, slac } from './helpers.js';

/**
 * A JSON export read whole is refused, naming the file, when it is larger
 * than slac reads as one document (a 611 MB file stopped the import with
 * V8's "Cannot create a string longer than 0x1fffffe8 characters", exit 70)
 * or when it is not UTF-8 (its bad bytes became U+FFFD silently, and two
 * Jira keys that differ only there became one ticket). Through the built
 * executable (run `node scripts/build.mjs` first).
 */

const out = outputFolder('json-limits');

const MIB = 1024 * 1024;

describe('slac import: a JSON document larger than 256 MiB is refused before it is read (exit 2)', () => {
  const cases = [
    { source: 'zammad', start: '[' },
    { source: 'jira', start: '{"issues":[' },
    { source: 'freshdesk', start: '[' },
    { source: 'glpi', start: '[' },
    // Pretty-printed: its first line is not a whole page, so the file is one document.
    { source: 'zendesk', start: '{\n  "ticket_events": [\n' },
  ];
  it.each(cases)('$source', ({ source, start }) => {
    const file = join(out, `${source}-huge.json`);
    writeFileSync(file, start);
    // A sparse file: its size is all that is looked at.
    truncateSync(file, 300 * MIB);
    const run = slac('import', source, file, '-o', join(out, 'huge.ndjson'));
    expect(run.stderr).toBe(
      `slac: ${file}: the file is 300.0 MiB, more than the 256 MiB that slac reads as one JSON document; export it in smaller files (the API's pages, a file each).\n`,
    );
    expect(run.code).toBe(2);
  });

  it('zendesk: a page per line may make a larger file, but not a line larger than 256 MiB', () => {
    const file = join(out, 'zendesk-long-line.json');
    writeFileSync(file, '{"ticket_events":[]}\n{"ticket_events":[');
    truncateSync(file, 300 * MIB);
    const run = slac('import', 'zendesk', file, '-o', join(out, 'huge.ndjson'));
    expect(run.stderr).toBe(`slac: ${file}:2: the line is longer than the 256 MiB that slac reads as one JSON document; export it in smaller files (the API's pages, a file each).\n`);
    expect(run.code).toBe(2);
  });
});

describe('slac import: a JSON export that is not UTF-8 is refused, naming the file, line and byte (exit 2)', () => {
  const bad = Buffer.from([0x41, 0x63, 0xff, 0x6d, 0x65]); // "Ac\xffme"
  const text = (before: string, after: string): Buffer => Buffer.concat([Buffer.from(before), bad, Buffer.from(after)]);
  const cases = [
    { source: 'zammad', name: 'tickets.json', bytes: text('[\n  {"id": 1, "title": "', '"}\n]\n'), line: 2 },
    { source: 'freshdesk', name: 'tickets.json', bytes: text('[{"id": 1, "subject": "', '"}]'), line: 1 },
    { source: 'glpi', name: 'tickets.json', bytes: text('[{"id": 1,\n"name": "', '"}]'), line: 2 },
    { source: 'jira', name: 'search.json', bytes: text('{"issues": [{"key": "SUP-', '", "fields": {}}]}'), line: 1 },
    { source: 'jira', name: 'issues.ndjson', bytes: text('{"key": "SUP-1", "fields": {}}\n{"key": "SUP-', '", "fields": {}}\n'), line: 2 },
    { source: 'freshdesk', name: 'tickets.ndjson', bytes: text('{"id": 1}\n\n{"id": 2, "subject": "', '"}\n'), line: 3 },
    { source: 'zendesk', name: 'events.json', bytes: text('{\n  "ticket_events": [\n    {"id": 1, "via": "', '"}\n  ]\n}\n'), line: 3 },
    { source: 'zendesk', name: 'lines.json', bytes: text('{"ticket_events": []}\n{"ticket_events": [{"via": "', '"}]}\n'), line: 2 },
    { source: 'zendesk', name: 'first-line.json', bytes: text('{"ticket_events": [{"via": "', '"}]}\n{"ticket_events": []}\n'), line: 1 },
  ];
  it.each(cases)('$source: $name', ({ source, name, bytes, line }) => {
    const file = join(out, `${source}-${name}`);
    writeFileSync(file, bytes);
    const offset = bytes.indexOf(0xff);
    const run = slac('import', source, file, '-o', join(out, 'utf8.ndjson'));
    expect(run.stderr).toBe(`slac: ${file}:${line}: not UTF-8 text: the byte at offset ${offset} (0xff) is not part of a UTF-8 character; save the export as UTF-8.\n`);
    expect(run.code).toBe(2);
  });

  // Windows PowerShell's `>` writes UTF-16 with a byte order mark (FF FE): zendesk, which reads a
  // file's first keys to know its kind, said the file had none of ticket_events, audits, users,
  // organizations, sending the user to look for keys the file has.
  const utf16 = (json: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
  const utf16Cases = [
    { source: 'zendesk', bytes: utf16('{"users": [{"id": 1, "role": "agent"}]}\n') },
    { source: 'zammad', bytes: utf16('[{"id": 1}]\n') },
    { source: 'freshdesk', bytes: utf16('[{"id": 1}]\n') },
    { source: 'glpi', bytes: utf16('[{"id": 1}]\n') },
    { source: 'jira', bytes: utf16('{"issues": []}\n') },
  ];
  it.each(utf16Cases)('$source: a UTF-16 file is said to be not UTF-8', ({ source, bytes }) => {
    const file = join(out, `${source}-utf16.json`);
    writeFileSync(file, bytes);
    const run = slac('import', source, file, '-o', join(out, 'utf16.ndjson'));
    expect(run.stderr).toBe(`slac: ${file}:1: not UTF-8 text: the byte at offset 0 (0xff) is not part of a UTF-8 character; save the export as UTF-8.\n`);
    expect(run.code).toBe(2);
  });

  it('zendesk: an empty file is said to be empty', () => {
    const file = join(out, 'zendesk-empty.json');
    writeFileSync(file, '');
    const run = slac('import', 'zendesk', file, '-o', join(out, 'empty.ndjson'));
    expect(run.stderr).toBe(`slac: ${file}: the file is empty; a Zendesk export is pages of JSON.\n`);
    expect(run.code).toBe(2);
  });
});
