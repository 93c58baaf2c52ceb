import { createReadStream, readFileSync, statSync } from 'node:fs';
import { ImportFileError, type InputFile } from './import-source.js';
import { refuseInvalidUtf8 } from './utf8-text.js';
import { jsonErrorPosition, jsonErrorReason } from '../runtime/json-error-position.js';

export { jsonErrorPosition, jsonErrorReason };

/** Whether a file holds one JSON document per line (NDJSON) rather than one document. */
export function isNdjsonFile(file: InputFile): boolean {
  const lower = file.path.toLowerCase();
  return lower.endsWith('.ndjson') || lower.endsWith('.jsonl');
}

/**
 * The most bytes read as one JSON document (a file, or a line of one).
 * Parsing takes the text and 1.5 to 5 times as much again for its values,
 * and V8 holds no string longer than 0x1fffffe8 characters (a 611 MB export
 * stopped the import with "Cannot create a string longer than ..."); a
 * page of a helpdesk's API is a few megabytes.
 */
export const MAX_JSON_DOCUMENT_BYTES = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

/** What to do with a document larger than MAX_JSON_DOCUMENT_BYTES. */
const SPLIT_IT = "export it in smaller files (the API's pages, a file each)";

/** The error for a file of `size` bytes that is one JSON document, larger than slac reads. */
export function documentTooLarge(shown: string, size: number): ImportFileError {
  return new ImportFileError(`${shown}: the file is ${(size / MIB).toFixed(1)} MiB, more than the ${MAX_JSON_DOCUMENT_BYTES / MIB} MiB that slac reads as one JSON document; ${SPLIT_IT}`);
}

/** The error for line `line` of a file of JSON lines, larger than slac reads as one document. */
export function lineTooLong(shown: string, line: number): ImportFileError {
  return new ImportFileError(`${shown}:${line}: the line is longer than the ${MAX_JSON_DOCUMENT_BYTES / MIB} MiB that slac reads as one JSON document; ${SPLIT_IT}`);
}

/**
 * The JSON document a file holds, as an API page is saved: a page is bounded
 * by the API's page size, so reading it whole keeps memory flat. A file
 * larger than MAX_JSON_DOCUMENT_BYTES is refused before it is read; one that
 * is not UTF-8, or not JSON, is an `ImportFileError` naming the file, line
 * and column.
 */
export function readJsonFile(file: InputFile): unknown {
  const size = statSync(file.path).size;
  if (size > MAX_JSON_DOCUMENT_BYTES) throw documentTooLarge(file.shown, size);
  const bytes = readFileSync(file.path);
  refuseInvalidUtf8(bytes, file.shown);
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw new ImportFileError(`${file.shown}${jsonErrorPosition(text, error)}: not JSON (${jsonErrorReason(error)})`);
  }
}

/** The text without the UTF-8 byte order mark some editors and Windows tools write first, which `JSON.parse` refuses. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** One line of an NDJSON file: its document, or why it is not one. */
export type NdjsonLine = { line: number; value: unknown } | { line: number; error: string };

/**
 * The documents of an NDJSON file, one per non-blank line, read as a
 * stream. Lines end at a line feed, a CR LF or a lone CR, as `readline`
 * ends them. A line that is not UTF-8 or longer than
 * MAX_JSON_DOCUMENT_BYTES is an `ImportFileError` naming it.
 */
export async function* readNdjsonLines(file: InputFile): AsyncGenerator<NdjsonLine> {
  let line = 0;
  /** The file offset of the line being gathered. */
  let offset = 0;
  /** The bytes of the line being gathered, from earlier chunks. */
  let held: Buffer[] = [];
  let heldBytes = 0;
  const parse = function* (bytes: Buffer): Generator<NdjsonLine> {
    refuseInvalidUtf8(bytes, file.shown, line + 1, offset);
    offset += bytes.length + 1;
    // A lone CR (no JSON text holds one raw) ends a line too; a CR before the line feed ends it with it.
    for (const text of bytes.toString('utf8').split(/\r(?!$)/)) {
      line++;
      const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (trimmed.trim() === '') continue;
      try {
        yield { line, value: JSON.parse(line === 1 && trimmed.charCodeAt(0) === 0xfeff ? trimmed.slice(1) : trimmed) };
      } catch (error) {
        yield { line, error: `not JSON (${jsonErrorReason(error)})` };
      }
    }
  };
  for await (const chunk of createReadStream(file.path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline);
      const bytes = held.length === 0 ? piece : Buffer.concat([...held, piece]);
      held = [];
      heldBytes = 0;
      start = newline + 1;
      yield* parse(bytes);
    }
    if (start < chunk.length) {
      held.push(chunk.subarray(start));
      heldBytes += chunk.length - start;
      if (heldBytes > MAX_JSON_DOCUMENT_BYTES) throw lineTooLong(file.shown, line + 1);
    }
  }
  if (heldBytes > 0) yield* parse(Buffer.concat(held));
}

/**
 * Whether an id is a JSON number beyond 2^53: JSON.parse has already
 * rounded it, so 9007199254740993 reads as 9007199254740992 and two tickets
 * or users would become one. The records such an id names are skipped with
 * `INEXACT_ID` as their reason, and references to it are not read.
 */
export function isInexactId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}

/** Why a record with an inexact id is skipped, after "the ticket_id 9007199254740992" or the like. */
export const INEXACT_ID = 'is a JSON number beyond 2^53, which JSON readers round, so two ids could read as one; export ids as text';

/**
 * Why a record of an export is skipped when one of its ids (`id`, or a key
 * ending in `_id`: the ticket it belongs to, its author, its organisation)
 * is a JSON number beyond 2^53, naming the first such key; undefined when
 * none is. A rounded id could hang the record on another ticket, author or
 * client: the record is skipped whole rather than read with a wrong one.
 */
export function inexactIdReason(record: Record<string, unknown>, what: string, exempt?: string): string | undefined {
  const key = inexactIdKey(record, exempt);
  return key === undefined ? undefined : `${what}: the ${key} ${String(record[key])} ${INEXACT_ID}`;
}

/**
 * The first key of a record that `inexactIdReason` names (`id`, or a key
 * ending in `_id`, holding a JSON number beyond 2^53), but `exempt`: the
 * field `--client-field` names, whose value the client check reads and
 * skips the ticket for, naming the field (a column `account_id` is a client,
 * not an id of the export). Undefined when none is.
 */
export function inexactIdKey(record: Record<string, unknown>, exempt?: string): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if ((key === 'id' || key.endsWith('_id')) && isInexactId(value) && key.toLowerCase() !== exempt?.toLowerCase()) return key;
  }
  return undefined;
}

/**
 * Why a ticket is skipped when the value of the field `--client-field`
 * names is a JSON number beyond 2^53, bare or where `nameOf` reads it (an
 * option's `value`, a list's first): read rounded (12345678901234567890
 * became the client '12345678901234567000'), two clients could become one,
 * as two ids would. Undefined for any other value, or without the option.
 */
export function inexactClientReason(value: unknown, field: string | undefined, what: string): string | undefined {
  return field !== undefined && isInexactId(namedPart(value)) ? `${what}: the ${field} ${jsonExcerpt(value)} that --client-field names ${INEXACT_ID}` : undefined;
}

/**
 * The text a field's value shows: a string or number, an option's `value`,
 * an object's `name` or `displayName`, a list's first. Jira writes its
 * fields so, and the other JSON exports their custom fields (a select's
 * option, a lookup's record, a multi-select's list).
 */
export function nameOf(value: unknown): string | undefined {
  return textOf(namedPart(value));
}

/** The part of a value whose text `nameOf` gives: the value itself when it is no object or list. */
export function namedPart(value: unknown): unknown {
  if (Array.isArray(value)) return namedPart(value[0]);
  if (!isRecord(value)) return value;
  if (textOf(value.value) !== undefined) return value.value;
  return textOf(value.name) !== undefined ? value.name : value.displayName;
}

/** A JSON value as a summary shows it: its JSON (a number as written), cut at 80 characters. */
export function jsonExcerpt(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/**
 * A value of an export as a skipped record's reason names it: text quoted
 * as written, any other value as JSON (`{"at":1}`, where `String` gave
 * `[object Object]`), a missing one as `(missing)`.
 */
export function valueShown(value: unknown): string {
  if (value === undefined) return '(missing)';
  return typeof value === 'string' ? `'${value}'` : jsonExcerpt(value);
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a non-empty trimmed string (numbers too), or undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
