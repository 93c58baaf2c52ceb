import { EARLIEST_INSTANT, LATEST_INSTANT } from '../runtime/clock/calendar.js';
import type { ReplyAuthor, TicketEventKind } from '../runtime/log/events.js';
import type { ImportedRowSink } from './import-source.js';
import type { ImportSummary } from './import-summary.js';
import type { ImportedRow } from './ticket-log-writer.js';
import { formatLogTime } from './warehouse-time.js';

/** The first row written outside the clock's years: its ticket, event and time, and the exported record it comes from when the adapter gives it. */
interface FirstOutside {
  ticket: string;
  event: TicketEventKind;
  time: number;
  source?: { file: string; line: number };
}

/**
 * The sink an import writes through, which passes every row on and counts
 * those dated where the clock counts no open time (before 1800, from 2400
 * on, UTC). A log holds the years 0000 to 9999, so such rows are written,
 * but `slac check` then warns of them (SLA4061): an export with a
 * `0050-01-15` (a two-digit year gone wrong) was imported without a word.
 * Watched here, where every adapter's rows pass, rather than in each one.
 */
export class ClockYearsWatch implements ImportedRowSink {
  private rows = 0;
  private first: FirstOutside | undefined;

  constructor(private readonly inner: ImportedRowSink) {}

  write(row: ImportedRow): void {
    if (row.time < EARLIEST_INSTANT || row.time >= LATEST_INSTANT) this.see(row.ticket, row.event, row.time, row.source);
    this.inner.write(row);
  }

  writeFields(ticket: string, time: number, event: TicketEventKind, severity: string | undefined, channel: string | undefined, status: string | undefined, author: ReplyAuthor | undefined, client: string | undefined): void {
    if (time < EARLIEST_INSTANT || time >= LATEST_INSTANT) this.see(ticket, event, time, undefined);
    if (this.inner.writeFields !== undefined) this.inner.writeFields(ticket, time, event, severity, channel, status, author, client);
    else this.inner.write({ ticket, time, event, severity, channel, status, author, client });
  }

  private see(ticket: string, event: TicketEventKind, time: number, source: FirstOutside['source']): void {
    if (this.rows++ === 0) this.first = { ticket, event, time, ...(source === undefined ? {} : { source }) };
  }

  /** Warns in `summary` of the rows seen outside the clock's years, naming the first; nothing when there were none. */
  warnIn(summary: ImportSummary): void {
    const first = this.first;
    if (first === undefined) return;
    const many = this.rows !== 1;
    const row = `ticket ${first.ticket}'s ${first.event} row, dated ${formatLogTime(first.time)}`;
    const reason =
      `${this.rows} ${many ? 'rows are' : 'row is'} dated outside the years 1800 to 2399 (UTC), the only years in which the clock counts open time; the first is ${row}. ` +
      `${many ? 'They are' : 'It is'} written as exported, and slac check warns of ${many ? 'them' : 'it'} (SLA4061): every calendar is closed in those years, so no time there counts toward a target; a year such as 0050 is usually a mistyped one: correct it in the helpdesk`;
    summary.warnOnce(first.source?.file, first.source?.line, reason);
  }
}
