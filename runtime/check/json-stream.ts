import { buildReport, type TicketVerdictJson } from '../report/index.js';
import { escalationItemText, ticketItemText } from '../report/json-text.js';
import { ticketJsonText } from '../report/verdict-text.js';
import { ReportBytes, utf8Bytes } from '../report/report-bytes.js';
import { writeTicketJson } from '../report/verdict-bytes.js';
import { EscalationList, type EscalationRow, type EvaluationContext, type ReportSummary, type TicketVerdict } from '../evaluate/index.js';
import { writeEscalationJson } from '../report/escalation-bytes.js';

/** The part of the report known before any ticket is evaluated. */
export interface ReportHead {
  agreement: string;
  title?: string;
  asOf: string;
}

const TICKETS_SLOT = '\n  "tickets": []';

/**
 * Writes the JSON report in one pass: the head, then each ticket as it is
 * evaluated, then the summary, which is known only after the last ticket;
 * long lists (escalations) are written an item at a time, so no part of a
 * large report is ever one string. The text is exactly what
 * `writeJsonReport` writes, `JSON.stringify(report, null, 2)` and a newline.
 */
export class JsonReportStream {
  private first = true;
  private readonly head: string;
  /** A line break and the indentation of the report's own top level. */
  private readonly newline: string;
  private readonly write: (chunk: string) => void;
  /** The report's bytes, when it is written as bytes: tickets are then written straight into them. */
  private readonly bytes: ReportBytes | undefined;
  /** The line breaks before the first ticket and between tickets, as bytes once made. */
  private readonly separatorBytes: (Uint8Array | undefined)[] = [undefined, undefined];

  /**
   * `indent` nests the report that many spaces deeper, as it is inside a
   * portfolio's report; it then ends without a line break. `to` takes the
   * text, or is the report's bytes.
   */
  constructor(
    head: ReportHead,
    to: ((chunk: string) => void) | ReportBytes,
    private readonly indent = '',
  ) {
    if (to instanceof ReportBytes) {
      this.bytes = to;
      this.write = (chunk) => to.text(chunk);
    } else this.write = to;
    this.newline = `\n${indent}`;
    const skeleton = JSON.stringify(buildReport({ ...head } as ReportSummary, []), null, 2);
    this.head = this.indented(skeleton.slice(0, skeleton.indexOf(TICKETS_SLOT)));
    this.write(`${this.head}${this.newline}  "tickets": [`);
  }

  ticket(ticket: TicketVerdictJson): void {
    this.ticketText(ticketItemText(ticket, this.newline));
  }

  /** A ticket already written out by `ticketItemText` with this stream's line break (as `slac check --jobs N` workers do). */
  ticketText(text: string): void {
    this.write((this.first ? `${this.newline}    ` : `,${this.newline}    `) + text);
    this.first = false;
  }

  /** `ticketText` for a ticket already written out as UTF-8 bytes (as `slac check --jobs N` workers send them). */
  ticketBytes(text: Uint8Array): void {
    // Once a ticket on the main thread of `--jobs N`, which writes every ticket the threads render: no string made.
    if (this.bytes) {
      this.putSeparator(this.bytes);
      this.bytes.copy(text);
    } else this.ticketText(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
  }

  /** The same as `ticket(toTicketJson(verdict, context))`, made straight from the verdict. */
  verdict(verdict: TicketVerdict, context: EvaluationContext): void {
    if (this.bytes) {
      this.putSeparator(this.bytes);
      writeTicketJson(this.bytes, verdict, context, this.newline);
    } else this.ticketText(ticketJsonText(verdict, context, this.newline));
  }

  /** The line break before a ticket (the first, or any other), as bytes made once. */
  private putSeparator(bytes: ReportBytes): void {
    const separator = this.first ? (this.separatorBytes[0] ??= utf8Bytes(`${this.newline}    `)) : (this.separatorBytes[1] ??= utf8Bytes(`,${this.newline}    `));
    this.first = false;
    bytes.reserve(separator.length);
    bytes.put(separator);
  }

  /**
   * Writes the summary and closes the report. `escalations`, when given,
   * are listed instead of the summary's own (left empty by a check that
   * streams them).
   */
  finish(summary: ReportSummary, escalations?: Iterable<EscalationRow> | EscalationList): void {
    const newline = this.newline;
    this.write(this.first ? ']' : `${newline}  ]`);
    const report = buildReport(summary, []) as unknown as Record<string, unknown>;
    const keys = Object.keys(report);
    for (const key of keys.slice(keys.indexOf('tickets') + 1)) {
      const value = report[key];
      if (value === undefined || typeof value === 'function') continue;
      this.write(`,${newline}  ${JSON.stringify(key)}: `);
      if (key === 'escalations' && escalations instanceof EscalationList) this.writeEscalations(escalations);
      else if (key === 'escalations') this.writeList((escalations ?? value) as Iterable<EscalationRow>, (row) => escalationItemText(row, newline));
      else if (Array.isArray(value) && value.length > 0) this.writeList(value, (item) => this.indented(nested(item, 2)));
      else this.write(this.indented(nested(value, 1)));
    }
    this.write(this.indent === '' ? '\n}\n' : `${newline}}`);
  }

  /** The escalations list from the compact list: straight into the report's bytes when it has them. */
  private writeEscalations(escalations: EscalationList): void {
    const bytes = this.bytes;
    if (!bytes) {
      this.writeList(escalations.rows(), (row) => escalationItemText(row, this.newline));
      return;
    }
    const separator = utf8Bytes(`,${this.newline}    `);
    let empty = true;
    bytes.text('[');
    escalations.forEachRowFields((row) => {
      if (empty) bytes.text(`${this.newline}    `);
      else {
        bytes.reserve(separator.length);
        bytes.put(separator);
      }
      empty = false;
      writeEscalationJson(bytes, row, this.newline);
    });
    bytes.text(empty ? ']' : `${this.newline}  ]`);
  }

  /** Text made by `JSON.stringify`, nested `indent` deeper. */
  private indented(text: string): string {
    return this.indent === '' ? text : text.replaceAll('\n', this.newline);
  }

  /** A list an item at a time, written in chunks of about 64 KB. */
  private writeList<T>(items: Iterable<T>, itemText: (item: T) => string): void {
    let chunk = '[';
    let empty = true;
    for (const item of items) {
      chunk += (empty ? `${this.newline}    ` : `,${this.newline}    `) + itemText(item);
      empty = false;
      if (chunk.length > 1 << 16) {
        this.write(chunk);
        chunk = '';
      }
    }
    this.write(empty ? `${chunk}]` : `${chunk}${this.newline}  ]`);
  }
}

/**
 * `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep in
 * a list: stringified inside that many lists and cut out, which is quicker
 * than re-indenting every line.
 */
function nested(value: unknown, depth: 1 | 2): string {
  if (depth === 1) return JSON.stringify([value], null, 2).slice(4, -2);
  return JSON.stringify([[value]], null, 2).slice(10, -6);
}
