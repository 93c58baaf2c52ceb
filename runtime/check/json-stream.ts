import { buildReport, type TicketVerdictJson } from '../report/index.js';
import type { ReportSummary } from '../evaluate/index.js';

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
    this.write((this.first ? '\n    ' : ',\n    ') + nested(ticket, 2));
    this.first = false;
  }

  finish(summary: ReportSummary): void {
    this.write(this.first ? ']' : '\n  ]');
    const report = buildReport(summary, []) as unknown as Record<string, unknown>;
    const keys = Object.keys(report);
    for (const key of keys.slice(keys.indexOf('tickets') + 1)) {
      const value = report[key];
      if (value === undefined || typeof value === 'function') continue;
      this.write(`,\n  ${JSON.stringify(key)}: `);
      if (Array.isArray(value) && value.length > 0) this.writeList(value);
      else this.write(nested(value, 1));
    }
    this.write('\n}\n');
  }

  private writeList(items: unknown[]): void {
    let chunk = '[';
    items.forEach((item, index) => {
      chunk += (index === 0 ? '\n    ' : ',\n    ') + nested(item, 2);
      if (chunk.length > 1 << 16) {
        this.write(chunk);
        chunk = '';
      }
    });
    this.write(`${chunk}\n  ]`);
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
