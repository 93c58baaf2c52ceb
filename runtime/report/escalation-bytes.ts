import type { EscalationFields } from '../evaluate/index.js';
import { ReportBytes, utf8Bytes, writeMinutes, writeQuotedInstant } from './report-bytes.js';
import { jsonString } from './verdict-text.js';

/**
 * An escalation row of the JSON report written straight into its bytes: the
 * same text as `escalationItemText` (json-text.ts) of the row, which stays
 * the reference, without the row object and its formatted strings.
 * test/runtime/report/report-bytes.test.ts compares the two.
 */

interface RowPieces {
  open: Uint8Array;
  level: Uint8Array;
  who: Uint8Array;
  metric: Uint8Array;
  due: Uint8Array;
  status: Uint8Array;
  escalatedAt: Uint8Array;
  lateMinutes: Uint8Array;
  end: Uint8Array;
  /** Names from the agreement (who, metric) and statuses as JSON strings, as met. */
  words: Map<string, Uint8Array>;
}

const piecesByNewline = new Map<string, RowPieces>();

function rowPieces(newline: string): RowPieces {
  let pieces = piecesByNewline.get(newline);
  if (!pieces) {
    const field = (name: string): Uint8Array => utf8Bytes(`,${newline}      "${name}": `);
    pieces = {
      open: utf8Bytes(`{${newline}      "ticket": `),
      level: field('level'),
      who: field('who'),
      metric: field('metric'),
      due: field('due'),
      status: field('status'),
      escalatedAt: field('escalatedAt'),
      lateMinutes: field('lateMinutes'),
      end: utf8Bytes(`${newline}    }`),
      words: new Map(),
    };
    piecesByNewline.set(newline, pieces);
  }
  return pieces;
}

function word(pieces: RowPieces, text: string): Uint8Array {
  let bytes = pieces.words.get(text);
  if (bytes === undefined) {
    bytes = utf8Bytes(jsonString(text));
    if (pieces.words.size < 4096) pieces.words.set(text, bytes);
  }
  return bytes;
}

/** Writes `escalationItemText(row, newline)` of the row these fields stand for. */
export function writeEscalationJson(out: ReportBytes, row: Readonly<EscalationFields>, newline = '\n'): void {
  const pieces = rowPieces(newline);
  out.reserve(pieces.open.length + row.ticket.length + 2);
  out.put(pieces.open);
  if (!out.plainJsonString(row.ticket)) out.text(jsonString(row.ticket));
  put(out, pieces.level);
  if (Number.isFinite(row.level)) writeMinutes(out, row.level);
  else out.text('null');
  put(out, pieces.who);
  put(out, word(pieces, row.who));
  if (row.metric !== undefined) {
    put(out, pieces.metric);
    put(out, word(pieces, row.metric));
  }
  put(out, pieces.due);
  writeQuotedInstant(out, row.due, row.zone);
  put(out, pieces.status);
  put(out, word(pieces, row.status));
  if (!Number.isNaN(row.escalatedAt)) {
    put(out, pieces.escalatedAt);
    writeQuotedInstant(out, row.escalatedAt, row.zone);
  }
  if (!Number.isNaN(row.lateMinutes)) {
    put(out, pieces.lateMinutes);
    if (Number.isFinite(row.lateMinutes)) writeMinutes(out, row.lateMinutes);
    else out.text('null');
  }
  put(out, pieces.end);
}

function put(out: ReportBytes, bytes: Uint8Array): void {
  out.reserve(bytes.length);
  out.put(bytes);
}
