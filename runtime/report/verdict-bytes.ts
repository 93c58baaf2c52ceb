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

type Status = MetricVerdict['status'];

/**
 * The fixed text of a ticket's JSON, as UTF-8, for one context and line
 * break, cut at the values that vary so that each run of fixed text between
 * two values is one piece (fewer, longer copies).
 */
interface TicketPieces {
  /** `{` `"id": ` */
  open: Uint8Array;
  /** `,` `"severity": "…"` of each severity met, and the text before the value (made once, not per ticket). */
  severities: Map<string, Uint8Array>;
  severityKey: string;
  /** `,` `"channel": "…"` of each channel met, and the text before the value. */
  channels: Map<string, Uint8Array>;
  channelKey: string;
  /** `,` `"created": ` */
  created: Uint8Array;
  metrics: Map<string, MetricPieces>;
  /** The metrics in the order tickets list them, as last met: nearly every ticket lists them in one order, so a metric's pieces are found by its place. */
  metricOrder: MetricPieces[];
  /** `,` `"targetMinutes": ` */
  target: Uint8Array;
  /** `,` `"targetSeverity": "…"` of each severity met (a metric whose target is another severity's than the ticket's), and the text before the value. */
  targetSeverities: Map<string, Uint8Array>;
  targetSeverityKey: string;
  /** `,` `"due": ` */
  due: Uint8Array;
  /** `,` `"due": null` */
  noDue: Uint8Array;
  /** `,` `"stoppedAt": ` */
  stoppedAt: Uint8Array;
  /** `,` `"metrics": {}` and the ticket's `}`. */
  noMetrics: Uint8Array;
  /** The last metric's `}`, the metrics' `}` and the ticket's `}`. */
  end: Uint8Array;
}

/** A metric's fixed text up to its first number, by status (in `STATUSES` order). */
interface MetricPieces {
  name: string;
  /** As the first metric: `,` `"metrics": {` `"Name": {` `"status": "met",` `"elapsedMinutes": `. */
  first: Uint8Array[];
  /** After another metric: that one's `}`, `,` and the same from the key on. */
  later: Uint8Array[];
  zone: string;
}

const STATUSES: readonly Status[] = ['met', 'breached', 'pending'];

const piecesByContext = new WeakMap<EvaluationContext, Map<string, TicketPieces>>();

/** The pieces of the last call, which nearly every call asks for again. */
let lastPieces: { context: EvaluationContext; newline: string; pieces: TicketPieces } | undefined;

function ticketPieces(context: EvaluationContext, newline: string): TicketPieces {
  if (lastPieces !== undefined && lastPieces.context === context && lastPieces.newline === newline) return lastPieces.pieces;
  let byNewline = piecesByContext.get(context);
  if (!byNewline) piecesByContext.set(context, (byNewline = new Map()));
  let pieces = byNewline.get(newline);
  if (!pieces) {
    const field = (name: string): string => `,${newline}          "${name}": `;
    pieces = {
      open: utf8Bytes(`{${newline}      "id": `),
      severities: new Map(),
      severityKey: `,${newline}      "severity": `,
      channels: new Map(),
      channelKey: `,${newline}      "channel": `,
      created: utf8Bytes(`,${newline}      "created": `),
      metrics: new Map(),
      metricOrder: [],
      target: utf8Bytes(field('targetMinutes')),
      targetSeverities: new Map(),
      targetSeverityKey: field('targetSeverity'),
      due: utf8Bytes(field('due')),
      noDue: utf8Bytes(`${field('due')}null`),
      stoppedAt: utf8Bytes(field('stoppedAt')),
      noMetrics: utf8Bytes(`,${newline}      "metrics": {}${newline}    }`),
      end: utf8Bytes(`${newline}        }${newline}      }${newline}    }`),
    };
    byNewline.set(newline, pieces);
  }
  lastPieces = { context, newline, pieces };
  return pieces;
}

/** A metric's pieces (made once per metric and line break). */
function metricPieces(pieces: TicketPieces, context: EvaluationContext, name: string, newline: string): MetricPieces {
  let known = pieces.metrics.get(name);
  if (!known) {
    const heads = STATUSES.map((status) => `${newline}        ${JSON.stringify(name)}: {${newline}          "status": ${JSON.stringify(status)},${newline}          "elapsedMinutes": `);
    known = {
      name,
      first: heads.map((head) => utf8Bytes(`,${newline}      "metrics": {${head}`)),
      later: heads.map((head) => utf8Bytes(`${newline}        },${head}`)),
      zone: metricZone(context, name),
    };
    pieces.metrics.set(name, known);
  }
  return known;
}

/** The index of a status in `STATUSES`. */
function statusIndex(status: Status): number {
  return status === 'met' ? 0 : status === 'breached' ? 1 : 2;
}

/** `prefix` and the word as a JSON string, made once per word (words come from the agreement and the log's vocabulary). */
function wordPiece(known: Map<string, Uint8Array>, prefix: string, word: string): Uint8Array {
  let bytes = known.get(word);
  if (bytes === undefined) {
    bytes = utf8Bytes(prefix + jsonString(word));
    // Few, but bound the map anyway.
    if (known.size < 4096) known.set(word, bytes);
  }
  return bytes;
}

/** Writes `ticketJsonText(verdict, context, newline)` into `out`. */
export function writeTicketJson(out: ReportBytes, verdict: TicketVerdict, context: EvaluationContext, newline = '\n'): void {
  const pieces = ticketPieces(context, newline);
  out.reserve(pieces.open.length + verdict.id.length + 2);
  out.put(pieces.open);
  if (!out.plainJsonString(verdict.id)) out.text(jsonString(verdict.id));
  putPiece(out, wordPiece(pieces.severities, pieces.severityKey, verdict.severity));
  if (verdict.channel !== undefined) putPiece(out, wordPiece(pieces.channels, pieces.channelKey, verdict.channel));
  putPiece(out, pieces.created);
  writeQuotedInstant(out, verdict.created, context.reportZone);
  const order = pieces.metricOrder;
  let count = 0;
  for (const name in verdict.metrics) {
    const metric = verdict.metrics[name];
    if (metric === undefined) continue;
    let known = order[count];
    if (known === undefined || known.name !== name) order[count] = known = metricPieces(pieces, context, name, newline);
    putPiece(out, (count === 0 ? known.first : known.later)[statusIndex(metric.status)]!);
    count++;
    writeNumber(out, metric.elapsedMinutes);
    putPiece(out, pieces.target);
    writeNumber(out, metric.targetMinutes);
    if (metric.targetSeverity !== verdict.severity) putPiece(out, wordPiece(pieces.targetSeverities, pieces.targetSeverityKey, metric.targetSeverity));
    if (metric.due === null) putPiece(out, pieces.noDue);
    else {
      putPiece(out, pieces.due);
      writeQuotedInstant(out, metric.due, known.zone);
    }
    if (metric.stoppedAt !== undefined) {
      putPiece(out, pieces.stoppedAt);
      writeQuotedInstant(out, metric.stoppedAt, known.zone);
    }
  }
  putPiece(out, count === 0 ? pieces.noMetrics : pieces.end);
}

function putPiece(out: ReportBytes, piece: Uint8Array): void {
  out.reserve(piece.length);
  out.put(piece);
}

const NULL = utf8Bytes('null');

/** A number as JSON writes it: non-finite numbers are `null`. */
function writeNumber(out: ReportBytes, value: number): void {
  if (Number.isFinite(value)) writeMinutes(out, value);
  else putPiece(out, NULL);
}
