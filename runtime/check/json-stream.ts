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
 * evaluated, then the summary, which is known only after the last ticket.
 * The text is exactly what `writeJsonReport` writes for the same report.
 */
export class JsonReportStream {
  private first = true;
  private readonly head: string;

  constructor(
    head: ReportHead,
    private readonly write: (chunk: string) => void,
  ) {
    this.head = skeletonParts({ ...head } as ReportSummary).before;
    write(`${this.head}\n  "tickets": [`);
  }

  ticket(ticket: TicketVerdictJson): void {
    this.write((this.first ? '\n    ' : ',\n    ') + JSON.stringify(ticket, null, 2).replace(/\n/g, '\n    '));
    this.first = false;
  }

  finish(summary: ReportSummary): void {
    const { before, after } = skeletonParts(summary);
    if (before !== this.head) throw new Error('The report head changed while tickets were written.');
    this.write(`${this.first ? ']' : '\n  ]'}${after}\n`);
  }
}

function skeletonParts(summary: ReportSummary): { before: string; after: string } {
  const skeleton = JSON.stringify(buildReport(summary, []), null, 2);
  const slot = skeleton.indexOf(TICKETS_SLOT);
  return { before: skeleton.slice(0, slot), after: skeleton.slice(slot + TICKETS_SLOT.length) };
}
