import { closeSync, openSync, readSync } from 'node:fs';
import { trimmedText } from '../runtime/log/trimmed-text.js';

/** How much of the log is read at a time: a log may be larger than the longest string V8 makes (about 512 MB). */
const CHUNK_BYTES = 1 << 20;
/** The longest line kept, as the log readers read no longer one (runtime/log/line-splitter.ts). */
const MAX_KEPT_LINE = 1 << 20;
const NEWLINE = 10;

/**
 * The lines (1-based) of a log's skipped rows that name `ticket`, read again
 * only when `slac explain` did not find the ticket. The ticket is read from
 * each row as the log readers read it: the `ticket` key of an NDJSON object
 * (a number too) in any spacing, or the `ticket` column of a CSV row wherever
 * the header puts it, quoted or not, with blanks around it trimmed.
 */
export function skippedLinesNaming(ticket: string, file: string, lines: readonly number[]): number[] {
  return skippedRowTickets(file, lines)
    .filter((row) => row.ticket === ticket)
    .map((row) => row.line);
}

/**
 * The skipped rows whose ticket is `ticket` in other letter case (`A-1` for
 * `a-1`), and how the log writes it: ids are told apart by case, so such
 * rows are not the ticket's, yet they are likely the ones the user means.
 */
export function skippedRowsInOtherCase(ticket: string, file: string, lines: readonly number[]): { ticket: string; lines: number[] } | undefined {
  const folded = ticket.toLowerCase();
  const rows = skippedRowTickets(file, lines).filter((row) => row.ticket !== ticket && row.ticket?.toLowerCase() === folded);
  if (rows.length === 0) return undefined;
  // Several spellings (`A-1` and `a-1`): the first row's, with its own lines only.
  const written = rows[0]!.ticket!;
  return { ticket: written, lines: rows.filter((row) => row.ticket === written).map((row) => row.line) };
}

/** The ticket each skipped row names, by line (ascending); none when the log cannot be read again. */
function skippedRowTickets(file: string, lines: readonly number[]): { line: number; ticket: string | undefined }[] {
  const wanted = new Set(lines.filter((line) => line > 0));
  if (wanted.size === 0) return [];
  let text: Map<number, string>;
  try {
    text = linesOf(file, new Set([1, ...wanted]));
  } catch {
    return [];
  }
  const column = csvTicketColumn(text.get(1) ?? '');
  return [...wanted].sort((a, b) => a - b).map((line) => ({ line, ticket: rowTicket(text.get(line) ?? '', column) }));
}

/** The text of the wanted lines, reading the file a chunk at a time (LF or CRLF line ends). */
function linesOf(file: string, wanted: ReadonlySet<number>): Map<number, string> {
  const found = new Map<number, string>();
  let last = 0;
  for (const line of wanted) last = Math.max(last, line);
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let line = 1;
    let parts: Buffer[] = [];
    let kept = 0;
    for (let read = readSync(fd, chunk); read > 0 && line <= last; read = readSync(fd, chunk)) {
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, start); start < read; end = chunk.indexOf(NEWLINE, start)) {
        const stop = end === -1 || end >= read ? read : end;
        if (wanted.has(line) && kept < MAX_KEPT_LINE) {
          parts.push(Buffer.from(chunk.subarray(start, Math.min(stop, start + MAX_KEPT_LINE - kept))));
          kept += stop - start;
        }
        if (stop === read) break;
        if (wanted.has(line)) found.set(line, Buffer.concat(parts).toString('utf8').replace(/\r$/, ''));
        parts = [];
        kept = 0;
        line++;
        start = stop + 1;
      }
    }
    if (wanted.has(line) && !found.has(line)) found.set(line, Buffer.concat(parts).toString('utf8').replace(/\r$/, ''));
  } finally {
    closeSync(fd);
  }
  return found;
}

/** The index of the `ticket` column in a CSV header line, or undefined (an NDJSON log, or no such column). */
function csvTicketColumn(header: string): number | undefined {
  if (header.trimStart().startsWith('{')) return undefined;
  const index = csvFields(header.replace(/^\uFEFF/, '')).findIndex((name) => trimmedText(name).toLowerCase() === 'ticket');
  return index === -1 ? undefined : index;
}

/** The ticket a row names, trimmed as the readers trim ids; undefined when it names none. */
function rowTicket(line: string, column: number | undefined): string | undefined {
  if (line.trimStart().startsWith('{')) {
    try {
      const row: unknown = JSON.parse(line);
      const id = typeof row === 'object' && row !== null ? (row as Record<string, unknown>).ticket : undefined;
      return typeof id === 'string' || typeof id === 'number' ? trimmedText(String(id)) : undefined;
    } catch {
      return undefined;
    }
  }
  const field = column === undefined ? undefined : csvFields(line)[column];
  return field === undefined ? undefined : trimmedText(field);
}

/**
 * The fields of one CSV line: commas separate them, double quotes enclose one
 * (`""` is a quote). Lenient, unlike the log's reader (`CsvRecordSplitter`):
 * a skipped row may be one whose quotes are wrong, and its ticket is still read.
 */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (quoted) {
      if (character !== '"') field += character;
      else if (line[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      fields.push(field);
      field = '';
    } else field += character;
  }
  fields.push(field);
  return fields;
}
