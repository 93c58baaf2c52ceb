import { basename } from 'node:path';
import { ImportFileError, type InputFile } from '../import-source.js';
import { inexactIdKey, inexactIdReason, isRecord, readJsonFile, textOf } from '../json-file.js';
import { readTable, type TableRow } from '../table-reader.js';
import { GLPI_TABLES, tableOfFile, tableOfKeys, type GlpiTable } from './tables.js';

/** An exported file and the GLPI table it holds. */
export interface GlpiFile {
  file: InputFile;
  table: GlpiTable;
  format: 'csv' | 'json';
}

/** Where a record is: a CSV line, or a JSON path (`[3]`). */
export type RecordPlace = number | string;

/** A JSON record's values as read, by lower-case key: what a cell cannot hold (an object, a list, a number beyond 2^53). */
export type JsonValues = ReadonlyMap<string, unknown>;

/**
 * What can be told of a record that could not be read: its id, read
 * exactly, and why in a few words (an id beyond 2^53 elsewhere in it; a
 * value too long); or, for a CSV row of the wrong number of fields, what
 * its id column reads, which may not be its id.
 */
export type UnreadableRecord = { id: string | undefined; why: string } | { maybeId: string };

/** What reading a file reports besides its rows. */
export interface RecordEvents {
  /** A row; `json` holds its values as read when the file is a REST page (JSON). */
  row(row: TableRow, place: RecordPlace, json?: JsonValues): void;
  /** A record not read; `ticket` says what of it can be told, so that a ticket's other records can say why. */
  unreadable(place: RecordPlace, reason: string, ticket?: UnreadableRecord): void;
  /** A row read once mended (see `TableReaderEvents.warn`). */
  warn(place: RecordPlace, group: string, reason: string): void;
  progress?(bytesRead: number): void;
}

/**
 * The table a file holds: a CSV file by its name (a database export), a
 * JSON file by the keys of its records (a REST API page). Undefined for a
 * CSV file of another table; a JSON file of no known shape is an error.
 */
export function glpiFileOf(file: InputFile): GlpiFile | undefined {
  if (file.path.toLowerCase().endsWith('.csv')) {
    const table = tableOfFile(basename(file.path));
    return table === undefined ? undefined : { file, table, format: 'csv' };
  }
  const first = recordsOf(readJsonFile(file), file).find(isRecord);
  const table = first === undefined ? undefined : tableOfKeys(new Set(Object.keys(first).map((key) => key.toLowerCase())));
  if (table === undefined) {
    throw new ImportFileError(`${file.shown}: not a GLPI page slac reads; give the responses of GET /apirest.php/Ticket/, Ticket/{id}/Log, Ticket/{id}/ITILFollowup, Ticket/{id}/Ticket_User, Entity/ (or the tables as CSV)`);
  }
  return { file, table, format: 'json' };
}

/**
 * The rows of a file, as table rows keyed by lower-case column names; a
 * JSON record's own values go with its row, for the client `--client-field`
 * names, which an object, list or number beyond 2^53 may hold (not read
 * as an id beyond 2^53, though its name may end in `_id`).
 */
export async function readGlpiRecords(source: GlpiFile, events: RecordEvents, clientField?: string): Promise<number> {
  const { file } = source;
  if (source.format === 'csv') return readTable(file.path, file.shown, GLPI_TABLES[source.table], { ...events, unreadable: (line, reason, partial, misaligned) => events.unreadable(line, reason, unreadableRow(source.file.shown, line, partial, misaligned)) });
  // A REST page is one JSON document of at most a page of records: read whole, then dropped.
  const records = recordsOf(readJsonFile(file), file);
  records.forEach((record, index) => {
    const place = `[${index}]`;
    if (!isRecord(record)) return events.unreadable(place, 'the record is not a JSON object');
    // The field --client-field names is read by the client check, which names it (`account_id` is a client, not an id).
    const inexactKey = inexactIdKey(record, clientField);
    if (inexactKey !== undefined) {
      const id = inexactKey === 'id' ? undefined : textOf(record.id);
      return events.unreadable(place, inexactIdReason(record, 'record', clientField)!, { id, why: `its ${inexactKey} is a number beyond 2^53` });
    }
    const row = new Map<string, string>();
    const json = new Map<string, unknown>();
    for (const [key, value] of Object.entries(record)) {
      row.set(key.toLowerCase(), textOf(value) ?? '');
      json.set(key.toLowerCase(), value);
    }
    events.row(row, place, json);
  });
  return records.length;
}

/** What can be told of a CSV row not read: the id of a row read but for a value too long; what the id column of a misaligned row reads. */
function unreadableRow(shown: string, line: number, partial: TableRow | undefined, misaligned: TableRow | undefined): UnreadableRecord | undefined {
  const id = (partial ?? misaligned)?.get('id')?.trim();
  if (id === undefined || id === '') return undefined;
  return partial !== undefined ? { id, why: `its row (${shown}:${line}) could not be read` } : { maybeId: id };
}

/** A page is a JSON array; a single item (`GET /apirest.php/Ticket/12`) is one record. */
function recordsOf(json: unknown, file: InputFile): unknown[] {
  if (Array.isArray(json)) return json;
  if (isRecord(json)) return [json];
  throw new ImportFileError(`${file.shown}: a GLPI page is a JSON array of records`);
}
