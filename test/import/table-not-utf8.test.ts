import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFolder, slac } from './helpers.js';

/**
 * A CSV table that is not UTF-8 is refused naming the file, the line and the
 * first bad byte, as a JSON export is (docs/import.md, "Exports are UTF-8").
 * It said only `ticket.csv: not UTF-8 text; export the table as UTF-8`,
 * which left a warehouse table of millions of lines to be searched by hand.
 * The table is read in chunks of 64 KiB: the cases put the bad byte past the
 * first, and a good character across the boundary before a bad one. Through
 * the built executable (run `node scripts/build.mjs` first).
 */

const out = outputFolder('table-utf8');

const HEADER = 'id,created_at,updated_at,status,priority,organization_id,via_channel,subject\n';
const ROW = (id: number): string => `${id},2024-03-04 09:00:00,2024-03-04 11:00:00,open,urgent,500,email,Site down\n`;
/** The last row, up to its subject's opening quote. */
const LAST = '99,2024-03-04 09:00:00,2024-03-04 11:00:00,open,urgent,500,email,"';
/** Rows of tickets 1 to `count`, as bytes. */
const rows = (count: number): Buffer => Buffer.from(Array.from({ length: count }, (_, index) => ROW(index + 1)).join(''));
const CHUNK = 64 * 1024;

/** The table `before`, then a last row whose subject is `bytes`. */
function withText(before: Buffer, bytes: Buffer): Buffer {
  return Buffer.concat([before, Buffer.from(LAST), bytes, Buffer.from('"\n')]);
}

const cases = [
  { name: 'a Latin-1 byte on line 3', bytes: withText(Buffer.concat([Buffer.from(HEADER), rows(1)]), Buffer.from([0x41, 0xe9, 0x42])), line: 3, byte: 'e9' },
  { name: 'a bad byte past the first chunk', bytes: withText(Buffer.concat([Buffer.from(HEADER), rows(2000)]), Buffer.from([0x41, 0xff])), line: 2002, byte: 'ff' },
  { name: 'a file that ends inside a character', bytes: Buffer.concat([Buffer.from(HEADER), rows(1), Buffer.from([0xe2, 0x82])]), line: 3, byte: 'e2' },
];

/** A good three-byte character (€) split by the chunk boundary, then a bad byte: the byte after the euro sign. */
function splitCharacterThenBad(): { bytes: Buffer; line: number } {
  const head = Buffer.concat([Buffer.from(HEADER), rows(10)]);
  // The euro sign's first byte is the first chunk's last.
  const pad = Buffer.from('x'.repeat(CHUNK - 1 - head.length - LAST.length));
  return { bytes: withText(head, Buffer.concat([pad, Buffer.from('€'), Buffer.from([0xc3, 0x28])])), line: 12 };
}

describe('slac import: a CSV table that is not UTF-8 is refused, naming the file, line and byte (exit 2)', () => {
  const split = splitCharacterThenBad();
  it.each([...cases, { name: 'a character across the chunk boundary, then a bad byte', ...split, byte: 'c3' }])('zendesk-tables: $name', ({ bytes, line, byte }) => {
    const file = join(out, 'ticket.csv');
    writeFileSync(file, bytes);
    const offset = bytes.lastIndexOf(Buffer.from([Number.parseInt(byte, 16)]));
    const run = slac('import', 'zendesk-tables', file, '-o', join(out, 'log.ndjson'));
    expect(run.stderr).toBe(`slac: ${file}:${line}: not UTF-8 text: the byte at offset ${offset} (0x${byte}) is not part of a UTF-8 character; export the table as UTF-8.\n`);
    expect(run.code).toBe(2);
  });

  it('slac check --log-format zendesk-tables says the same', () => {
    const file = join(out, 'ticket.csv');
    const { bytes } = cases[0]!;
    writeFileSync(file, bytes);
    const run = slac('check', 'test/import/fixtures/zendesk-fivetran.sla', file, '--log-format', 'zendesk-tables');
    expect(run.stderr).toContain(`${file}:3: not UTF-8 text: the byte at offset ${bytes.indexOf(0xe9)} (0xe9) is not part of a UTF-8 character; export the table as UTF-8`);
    expect(run.code).toBe(2);
  });

  it('glpi: a CSV table says the same', () => {
    const file = join(out, 'glpi_tickets.csv');
    const bytes = Buffer.concat([Buffer.from('id,name,date,status,urgency\n1,'), Buffer.from([0xff]), Buffer.from(',2024-03-04 10:00:00,1,3\n')]);
    writeFileSync(file, bytes);
    const run = slac('import', 'glpi', file, '-o', join(out, 'log.ndjson'));
    expect(run.stderr).toBe(`slac: ${file}:2: not UTF-8 text: the byte at offset ${bytes.indexOf(0xff)} (0xff) is not part of a UTF-8 character; export the table as UTF-8.\n`);
    expect(run.code).toBe(2);
  });
});
