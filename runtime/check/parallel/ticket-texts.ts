import type { EvaluationContext, TicketVerdict } from '../../evaluate/index.js';
import { ReportBytes } from '../../report/report-bytes.js';
import { writeTicketJson } from '../../report/verdict-bytes.js';
import { ticketCsvRows } from '../../report/verdict-text.js';
import type { RenderedTickets } from './protocol.js';

/**
 * A batch's tickets as the report lists them, rendered by a worker into one
 * byte array: the JSON report's items (an agreement's report: no indent), as
 * the one-thread writer makes them (`writeTicketJson`), or each ticket's CSV
 * rows without the header (`ticketCsvRows`).
 */
export class TicketTexts {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private ends: number[] = [];
  private readonly out = new ReportBytes((piece) => this.append(piece), 1 << 14);

  constructor(
    private readonly format: RenderedTickets['format'],
    private readonly context: EvaluationContext,
  ) {}

  add(verdict: TicketVerdict): void {
    // What the one-thread writers write for a verdict (cli/commands/check.ts, `reportOutput`).
    if (this.format === 'json') writeTicketJson(this.out, verdict, this.context, '\n');
    else this.out.text(ticketCsvRows(verdict, this.context));
    this.out.flush();
    this.ends.push(this.length);
  }

  /** The texts added since the last call, and where each ends. */
  take(): { bytes: Uint8Array; ends: Uint32Array } {
    const taken = { bytes: this.bytes.slice(0, this.length), ends: Uint32Array.from(this.ends) };
    this.length = 0;
    this.ends = [];
    return taken;
  }

  private append(piece: Uint8Array): void {
    if (this.length + piece.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + piece.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(piece, this.length);
    this.length += piece.length;
  }
}
