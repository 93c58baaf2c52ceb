import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportFileError } from '../import-source.js';
import { documentTooLarge, jsonErrorPosition, jsonErrorReason, lineTooLong, MAX_JSON_DOCUMENT_BYTES, withoutByteOrderMark } from '../json-file.js';
import { firstInvalidUtf8, refuseInvalidUtf8 } from '../utf8-text.js';

/** The exports `slac import zendesk` reads, by the top-level key that holds their records. */
export const PAGE_KINDS = ['ticket_events', 'audits', 'users', 'organizations'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** One page of an export, and where it is: its line in a file of one page per line, or none in a file that is one page. */
export interface Page {
  body: Record<string, unknown>;
  line: number | undefined;
}

/** How much of a file is read at most to find its kind. */
const SNIFF_LIMIT = 1 << 20;

/**
 * The kind of a file, from the first top-level key of its first page that
 * names one; undefined when its first megabyte has none. Scans the keys
 * without parsing the values, so a file of large pages costs nothing here.
 */
export async function kindOfFile(path: string, shown: string): Promise<PageKind | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_LIMIT);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_LIMIT, 0);
    const kind = firstKnownKey(buffer.toString('utf8', 0, bytesRead));
    if (kind === undefined) refuseUnreadableStart(buffer.subarray(0, bytesRead), bytesRead === SNIFF_LIMIT, shown);
    return kind;
  } finally {
    await handle.close();
  }
}

/**
 * When a file's start names no kind: refuses an empty file, and one that is
 * not UTF-8 (a UTF-16 file, as Windows PowerShell's `>` writes) with the
 * words every JSON source uses, rather than send the user looking for keys
 * the file has. `cut` says the start ends inside the file, where a UTF-8
 * character may be cut short.
 */
function refuseUnreadableStart(start: Buffer, cut: boolean, shown: string): void {
  if (start.length === 0) throw new ImportFileError(`${shown}: the file is empty; a Zendesk export is pages of JSON`);
  const whole = cut ? start.subarray(0, start.length - 3) : start;
  if (firstInvalidUtf8(whole) < whole.length) refuseInvalidUtf8(whole, shown);
}

const KIND_OF_KEY: ReadonlyMap<string, PageKind> = new Map(PAGE_KINDS.map((kind) => [kind, kind]));

/** The first top-level key of the first JSON object in `text` that is a page kind (nested values are skipped, strings respected). */
export function firstKnownKey(text: string): PageKind | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (depth === 1 && expectKey) {
        const kind = KIND_OF_KEY.get(text.slice(i + 1, end));
        if (kind !== undefined) return kind;
        expectKey = false;
      }
      i = end;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth++;
      expectKey = depth === 1;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
      // The first page ends here: a file of one page per line has its kind on the first.
      if (depth === 0) return undefined;
    } else if (char === 0x2c /* , */ && depth === 1) {
      expectKey = true;
    }
  }
  return undefined;
}

/** The index of the quote that ends the string starting at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let j = quote - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

/** Chunks are read at this size. */
const CHUNK = 1 << 20;

/**
 * Reads a file as pages: one JSON document (as the API returns a page, maybe
 * pretty-printed), or one page per line (what a paging script appends with
 * `>>`), told apart by whether the first line is a whole JSON object. Only
 * one page is held at a time in a file of lines. A line that is not JSON is
 * reported through `unreadable`; a one-page file that is not JSON, a file
 * or line that is not UTF-8, and a one-page file or a line larger than
 * MAX_JSON_DOCUMENT_BYTES (refused before the rest is read) are an
 * `ImportFileError`.
 *
 * Lines are found in the bytes read (a newline byte is never part of a
 * multi-byte UTF-8 character) and each is decoded on its own: no decoder
 * pass over the whole file and no text kept across chunks, which would cost
 * as much again as finding the lines (an export of a million tickets is
 * gigabytes of pages). The chunks are read into one buffer, kept: after
 * each read the unfinished line moves to its front, where a stream would
 * make a new buffer of it and the next chunk (pages are about a chunk
 * long, so that copied most of the file once more).
 */
export async function readPages(
  path: string,
  shown: string,
  onPage: (page: Page) => void,
  unreadable: (line: number, reason: string) => void,
  progress: (bytes: number) => void,
): Promise<void> {
  /** At the end, the bytes after the last newline. */
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  let bytes = 0;
  let mode: 'lines' | 'document' | undefined;
  /** The chunks of a file that is one document, decoded together at the end. */
  const document: Buffer[] = [];
  /** The first line, parsed to tell the mode: not parsed twice. */
  let firstPage: Record<string, unknown> | undefined;
  const takeLine = (text: string): void => {
    line++;
    if (firstPage !== undefined) {
      const body = firstPage;
      firstPage = undefined;
      return onPage({ body, line });
    }
    // Blank lines are skipped; a page starts with its brace (trimming every page would cost a scan of it).
    if (text.charCodeAt(0) !== 0x7b /* { */ && text.trim() === '') return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return unreadable(line, `the line is not JSON (${(error as Error).message})`);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return unreadable(line, 'the line is not a JSON object (a page of the export)');
    onPage({ body: body as Record<string, unknown>, line });
  };
  // Read synchronously: the pages are mapped one after the other anyway, and a promise and a thread-pool hop per chunk cost more than they overlap.
  const fd = openSync(path, 'r');
  try {
    /** Bytes read, the first `held` of them the start of a line not yet taken (moved to the front after each read). */
    let buffer: Buffer = Buffer.allocUnsafe(2 * CHUNK);
    let held = 0;
    for (;;) {
      if (held > MAX_JSON_DOCUMENT_BYTES) throw mode === 'lines' ? lineTooLong(shown, line + 1) : documentTooLarge(shown, fstatSync(fd).size);
      if (buffer.length - held < CHUNK) buffer = grown(buffer, held);
      const bytesRead = readSync(fd, buffer, held, CHUNK, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      const end = held + bytesRead;
      if (mode === 'document') {
        document.push(Buffer.from(buffer.subarray(0, end)));
        held = 0;
        progress(bytes);
        continue;
      }
      const data = buffer.subarray(0, end);
      // The held bytes have no newline: the search starts after them.
      let newline = data.indexOf(NEWLINE, held);
      if (mode === undefined) {
        if (newline < 0) {
          held = end;
          continue;
        }
        refuseInvalidUtf8(data.subarray(0, newline), shown);
        firstPage = jsonObject(data.toString('utf8', 0, newline));
        mode = firstPage !== undefined ? 'lines' : 'document';
        if (mode === 'document') {
          const size = fstatSync(fd).size;
          if (size > MAX_JSON_DOCUMENT_BYTES) throw documentTooLarge(shown, size);
          document.push(Buffer.from(buffer.subarray(0, end)));
          held = 0;
          progress(bytes);
          continue;
        }
      }
      let start = 0;
      /** The file offset of data[0]. */
      const dataOffset = bytes - end;
      while (newline >= 0) {
        refuseInvalidUtf8(data.subarray(start, newline), shown, line + 1, dataOffset + start);
        takeLine(data.toString('utf8', start, newline));
        start = newline + 1;
        newline = data.indexOf(NEWLINE, start);
      }
      held = end - start;
      if (held > 0 && start > 0) buffer.copyWithin(0, start, end);
      progress(bytes);
    }
    pending = buffer.subarray(0, held);
  } finally {
    closeSync(fd);
  }
  if (mode === 'lines') {
    if (pending.length > 0) {
      refuseInvalidUtf8(pending, shown, line + 1, bytes - pending.length);
      takeLine(pending.toString('utf8'));
    }
    return;
  }
  const whole = mode === 'document' ? Buffer.concat(document) : pending;
  refuseInvalidUtf8(whole, shown);
  const text = whole.toString('utf8');
  let body: unknown;
  try {
    // A byte order mark, as Windows tools save JSON: the other JSON readers take it, and a page per line has it trimmed.
    body = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw new ImportFileError(`${shown}${jsonErrorPosition(text, error)}: not a JSON page of a Zendesk export, nor one page per line (${jsonErrorReason(error)})`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ImportFileError(`${shown}: the file is not a JSON object (a page of a Zendesk export)`);
  onPage({ body: body as Record<string, unknown>, line: undefined });
}

const NEWLINE = 0x0a;

/** A buffer twice the size of `buffer`, or more, holding its first `held` bytes: a line longer than a chunk. */
function grown(buffer: Buffer, held: number): Buffer {
  const larger = Buffer.allocUnsafe(Math.max(2 * buffer.length, held + 2 * CHUNK));
  buffer.copy(larger, 0, 0, held);
  return larger;
}

/** The object a line holds when it is one whole JSON object, otherwise undefined. */
function jsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    return JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
