import type { EvaluationContext, MetricVerdict, TicketVerdict } from '../evaluate/index.js';
import { metricZone } from './json.js';
import { ReportBytes, utf8Bytes, writeMinutes, writeQuotedInstant } from './report-bytes.js';
import { jsonString } from './verdict-text.js';

/**
 * A ticket's JSON report item written straight into the report's bytes: the
 * same text as `ticketJsonText` (verdict-text.ts), which stays the
 * reference, without a string per ticket. The fixed pieces are encoded once
 * per context and line break; test/runtime/report/report-bytes.test.ts
 * compares the bytes with `ticketJsonText` on every shape.
 */

/** The pieces of a ticket's JSON, as UTF-8, for one context and line break. */
interface TicketPieces {
  open: Uint8Array;
  severity: Uint8Array;
  channel: Uint8Array;
  created: Uint8Array;
  elapsed: Uint8Array;
  target: Uint8Array;
  due: Uint8Array;
  stoppedAt: Uint8Array;
  metricEnd: Uint8Array;
  /** `,` `"metrics": {` before the first metric. */
  metricsOpen: Uint8Array;
  noMetrics: Uint8Array;
  end: Uint8Array;
  null: Uint8Array;
  status: Record<MetricVerdict['status'], Uint8Array>;
  /** Each metric's `{`-less key and `"status": `, with its zone. */
  metrics: Map<string, { key: Uint8Array; zone: string }>;
  /** Severities and channels as JSON strings, as met. */
  words: Map<string, Uint8Array>;
}

const piecesByContext = new WeakMap<EvaluationContext, Map<string, TicketPieces>>();

function ticketPieces(context: EvaluationContext, newline: string): TicketPieces {
  let byNewline = piecesByContext.get(context);
  if (!byNewline) piecesByContext.set(context, (byNewline = new Map()));
  let pieces = byNewline.get(newline);
  if (!pieces) {
    const field = (name: string): Uint8Array => utf8Bytes(`,${newline}          "${name}": `);
    pieces = {
      open: utf8Bytes(`{${newline}      "id": `),
      severity: utf8Bytes(`,${newline}      "severity": `),
      channel: utf8Bytes(`,${newline}      "channel": `),
      created: utf8Bytes(`,${newline}      "created": `),
      elapsed: field('elapsedMinutes'),
      target: field('targetMinutes'),
      due: field('due'),
      stoppedAt: field('stoppedAt'),
      metricEnd: utf8Bytes(`${newline}        }`),
      metricsOpen: utf8Bytes(`,${newline}      "metrics": {`),
      noMetrics: utf8Bytes(`,${newline}      "metrics": {}${newline}    }`),
      end: utf8Bytes(`${newline}      }${newline}    }`),
      null: utf8Bytes('null'),
      status: { met: utf8Bytes('"met"'), breached: utf8Bytes('"breached"'), pending: utf8Bytes('"pending"') },
      metrics: new Map(),
      words: new Map(),
    };
    byNewline.set(newline, pieces);
  }
  return pieces;
}

/** A metric's key and `"status": ` (made once per metric and line break), and its zone. */
function metricPieces(pieces: TicketPieces, context: EvaluationContext, name: string, newline: string): { key: Uint8Array; zone: string } {
  let known = pieces.metrics.get(name);
  if (!known) {
    known = { key: utf8Bytes(`${newline}        ${JSON.stringify(name)}: {${newline}          "status": `), zone: metricZone(context, name) };
    pieces.metrics.set(name, known);
  }
  return known;
}

function wordBytes(pieces: TicketPieces, word: string): Uint8Array {
  let bytes = pieces.words.get(word);
  if (bytes === undefined) {
    bytes = utf8Bytes(jsonString(word));
    // Words come from the agreement and the log's vocabulary: few, but bound the map anyway.
    if (pieces.words.size < 4096) pieces.words.set(word, bytes);
  }
  return bytes;
}

/** Writes `ticketJsonText(verdict, context, newline)` into `out`. */
export function writeTicketJson(out: ReportBytes, verdict: TicketVerdict, context: EvaluationContext, newline = '\n'): void {
  const pieces = ticketPieces(context, newline);
  out.reserve(pieces.open.length + verdict.id.length + 2);
  out.put(pieces.open);
  if (!out.plainJsonString(verdict.id)) out.text(jsonString(verdict.id));
  writePiece(out, pieces.severity, wordBytes(pieces, verdict.severity));
  if (verdict.channel !== undefined) writePiece(out, pieces.channel, wordBytes(pieces, verdict.channel));
  out.reserve(pieces.created.length);
  out.put(pieces.created);
  writeQuotedInstant(out, verdict.created, context.reportZone);
  let first = true;
  for (const name in verdict.metrics) {
    const metric = verdict.metrics[name];
    if (metric === undefined) continue;
    if (first) {
      out.reserve(pieces.metricsOpen.length);
      out.put(pieces.metricsOpen);
    } else {
      out.reserve(1);
      out.byte(0x2c); // ','
    }
    first = false;
    const { key, zone } = metricPieces(pieces, context, name, newline);
    writePiece(out, key, pieces.status[metric.status]);
    writeNumberField(out, pieces.elapsed, pieces, metric.elapsedMinutes);
    writeNumberField(out, pieces.target, pieces, metric.targetMinutes);
    out.reserve(pieces.due.length + pieces.null.length);
    out.put(pieces.due);
    if (metric.due === null) out.put(pieces.null);
    else writeQuotedInstant(out, metric.due, zone);
    if (metric.stoppedAt !== undefined) {
      out.reserve(pieces.stoppedAt.length);
      out.put(pieces.stoppedAt);
      writeQuotedInstant(out, metric.stoppedAt, zone);
    }
    out.reserve(pieces.metricEnd.length);
    out.put(pieces.metricEnd);
  }
  const end = first ? pieces.noMetrics : pieces.end;
  out.reserve(end.length);
  out.put(end);
}

function writePiece(out: ReportBytes, piece: Uint8Array, value: Uint8Array): void {
  out.reserve(piece.length + value.length);
  out.put(piece);
  out.put(value);
}

/** A number as JSON writes it: non-finite numbers are `null`. */
function writeNumberField(out: ReportBytes, piece: Uint8Array, pieces: TicketPieces, value: number): void {
  out.reserve(piece.length + pieces.null.length);
  out.put(piece);
  if (Number.isFinite(value)) writeMinutes(out, value);
  else out.put(pieces.null);
}
