import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportFileError } from '../import-source.js';

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
export async function kindOfFile(path: string): Promise<PageKind | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_LIMIT);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_LIMIT, 0);
    return firstKnownKey(buffer.toString('utf8', 0, bytesRead));
  } finally {
    await handle.close();
  }
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
 * reported through `unreadable`; a one-page file that is not JSON is an
 * `ImportFileError`.
 *
 * Lines are found in the bytes read (a newline byte is never part of a
 * multi-byte UTF-8 character) and each is decoded on its own: no decoder
 * pass over the whole file and no text kept across chunks, which would cost
 * as much again as finding the lines (an export of a million tickets is
 * gigabytes of pages).
 */
export async function readPages(
  path: string,
  shown: string,
  onPage: (page: Page) => void,
  unreadable: (line: number, reason: string) => void,
  progress: (bytes: number) => void,
): Promise<void> {
  /** Bytes read and not yet taken as lines: the start of a line that goes on in the next chunk. */
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
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    bytes += (chunk as Buffer).length;
    if (mode === 'document') {
      document.push(chunk as Buffer);
      progress(bytes);
      continue;
    }
    const data = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    if (mode === undefined) {
      const newline = data.indexOf(NEWLINE);
      if (newline < 0) {
        pending = data;
        continue;
      }
      firstPage = jsonObject(data.toString('utf8', 0, newline));
      mode = firstPage !== undefined ? 'lines' : 'document';
      if (mode === 'document') {
        document.push(data);
        pending = Buffer.alloc(0);
        progress(bytes);
        continue;
      }
    }
    let start = 0;
    let newline: number;
    while ((newline = data.indexOf(NEWLINE, start)) !== -1) {
      takeLine(data.toString('utf8', start, newline));
      start = newline + 1;
    }
    pending = data.subarray(start);
    progress(bytes);
  }
  if (mode === 'lines') {
    if (pending.length > 0) takeLine(pending.toString('utf8'));
    return;
  }
  const text = mode === 'document' ? Buffer.concat(document).toString('utf8') : pending.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`${shown}: not a JSON page of a Zendesk export, nor one page per line (${(error as Error).message})`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ImportFileError(`${shown}: the file is not a JSON object (a page of a Zendesk export)`);
  onPage({ body: body as Record<string, unknown>, line: undefined });
}

const NEWLINE = 0x0a;

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
