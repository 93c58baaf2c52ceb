import type { EscalationFields } from '../evaluate/index.js';
import { ReportBytes, utf8Bytes, writeMinutes, writeQuotedInstant } from './report-bytes.js';
import { jsonString } from './verdict-text.js';

/**
 * An escalation row of the JSON report written straight into its bytes: the
 * same text as `escalationItemText` (json-text.ts) of the row, which stays
 * the reference, without the row object and its formatted strings.
 * test/runtime/report/report-bytes.test.ts compares the two.
 */

/** A row's fixed text, cut at the values that vary; names and statuses with their keys, as met. */
interface RowPieces {
  /** `{` `"ticket": ` */
  open: Uint8Array;
  /** `,` `"level": ` */
  level: Uint8Array;
  /** `,` `"who": "…"` of each name met. */
  who: Map<string, Uint8Array>;
  /** `,` `"metric": "…"` of each metric met. */
  metric: Map<string, Uint8Array>;
  /** `,` `"due": ` */
  due: Uint8Array;
  /** `,` `"status": "…"` of each status met. */
  status: Map<string, Uint8Array>;
  escalatedAt: Uint8Array;
  lateMinutes: Uint8Array;
  end: Uint8Array;
  newline: string;
}

const piecesByNewline = new Map<string, RowPieces>();

function rowPieces(newline: string): RowPieces {
  let pieces = piecesByNewline.get(newline);
  if (!pieces) {
    const field = (name: string): Uint8Array => utf8Bytes(`,${newline}      "${name}": `);
    pieces = {
      open: utf8Bytes(`{${newline}      "ticket": `),
      level: field('level'),
      who: new Map(),
      metric: new Map(),
      due: field('due'),
      status: new Map(),
      escalatedAt: field('escalatedAt'),
      lateMinutes: field('lateMinutes'),
      end: utf8Bytes(`${newline}    }`),
      newline,
    };
    piecesByNewline.set(newline, pieces);
  }
  return pieces;
}

/** `,` `"key": ` and the text as a JSON string, made once per text (names come from the agreement). */
function keyedWord(pieces: RowPieces, known: Map<string, Uint8Array>, key: string, text: string): Uint8Array {
  let bytes = known.get(text);
  if (bytes === undefined) {
    bytes = utf8Bytes(`,${pieces.newline}      "${key}": ${jsonString(text)}`);
    if (known.size < 4096) known.set(text, bytes);
  }
  return bytes;
}

const NULL = utf8Bytes('null');

/** Writes `escalationItemText(row, newline)` of the row these fields stand for. */
export function writeEscalationJson(out: ReportBytes, row: Readonly<EscalationFields>, newline = '\n'): void {
  const pieces = rowPieces(newline);
  out.reserve(pieces.open.length + row.ticket.length + 2);
  out.put(pieces.open);
  if (!out.plainJsonString(row.ticket)) out.text(jsonString(row.ticket));
  put(out, pieces.level);
  if (Number.isFinite(row.level)) writeMinutes(out, row.level);
  else put(out, NULL);
  put(out, keyedWord(pieces, pieces.who, 'who', row.who));
  if (row.metric !== undefined) put(out, keyedWord(pieces, pieces.metric, 'metric', row.metric));
  put(out, pieces.due);
  writeQuotedInstant(out, row.due, row.zone);
  put(out, keyedWord(pieces, pieces.status, 'status', row.status));
  if (!Number.isNaN(row.escalatedAt)) {
    put(out, pieces.escalatedAt);
    writeQuotedInstant(out, row.escalatedAt, row.zone);
  }
  if (!Number.isNaN(row.lateMinutes)) {
    put(out, pieces.lateMinutes);
    if (Number.isFinite(row.lateMinutes)) writeMinutes(out, row.lateMinutes);
    else put(out, NULL);
  }
  put(out, pieces.end);
}

function put(out: ReportBytes, bytes: Uint8Array): void {
  out.reserve(bytes.length);
  out.put(bytes);
}
