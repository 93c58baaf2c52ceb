import { buildReport, type TicketVerdictJson } from '../report/index.js';
import { escalationItemText, ticketItemText } from '../report/json-text.js';
import type { EscalationRow, ReportSummary } from '../evaluate/index.js';

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

  constructor(
    head: ReportHead,
    private readonly write: (chunk: string) => void,
  ) {
    const skeleton = JSON.stringify(buildReport({ ...head } as ReportSummary, []), null, 2);
    this.head = skeleton.slice(0, skeleton.indexOf(TICKETS_SLOT));
    write(`${this.head}\n  "tickets": [`);
  }

  ticket(ticket: TicketVerdictJson): void {
    this.write((this.first ? '\n    ' : ',\n    ') + ticketItemText(ticket));
    this.first = false;
  }

  /**
   * Writes the summary and closes the report. `escalations`, when given,
   * are listed instead of the summary's own (left empty by a check that
   * streams them).
   */
  finish(summary: ReportSummary, escalations?: Iterable<EscalationRow>): void {
    this.write(this.first ? ']' : '\n  ]');
    const report = buildReport(summary, []) as unknown as Record<string, unknown>;
    const keys = Object.keys(report);
    for (const key of keys.slice(keys.indexOf('tickets') + 1)) {
      const value = report[key];
      if (value === undefined || typeof value === 'function') continue;
      this.write(`,\n  ${JSON.stringify(key)}: `);
      if (key === 'escalations') this.writeList((escalations ?? value) as Iterable<EscalationRow>, escalationItemText);
      else if (Array.isArray(value) && value.length > 0) this.writeList(value, (item) => nested(item, 2));
      else this.write(nested(value, 1));
    }
    this.write('\n}\n');
  }

  /** A list an item at a time, written in chunks of about 64 KB. */
  private writeList<T>(items: Iterable<T>, itemText: (item: T) => string): void {
    let chunk = '[';
    let empty = true;
    for (const item of items) {
      chunk += (empty ? '\n    ' : ',\n    ') + itemText(item);
      empty = false;
      if (chunk.length > 1 << 16) {
        this.write(chunk);
        chunk = '';
      }
    }
    this.write(empty ? `${chunk}]` : `${chunk}\n  ]`);
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
