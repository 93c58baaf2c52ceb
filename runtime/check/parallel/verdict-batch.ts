import type { EscalationVerdict, MetricVerdict, TicketVerdict } from '../../evaluate/index.js';
import type { EvaluatedTicket } from './protocol.js';

/**
 * A batch of evaluated tickets as a worker sends it: numbers in one
 * Float64Array and the tickets' report text in one byte array (both
 * transferred, not copied), and strings in one list. Structured-cloning an object per
 * verdict cost more than evaluating it, on both threads; this costs a few
 * array writes and reads. `decodeVerdicts` gives back tickets equal to
 * those encoded, keys in the same order (test/runtime/check/verdict-batch.test.ts).
 */
export interface VerdictBatch {
  count: number;
  numbers: Float64Array;
  strings: string[];
  /** Each ticket's text as UTF-8, one after another, and where each ends; absent when the workers do not render. */
  text?: Uint8Array;
  textEnds?: Uint32Array;
}

const METRIC_STATUSES: readonly MetricVerdict['status'][] = ['met', 'breached', 'pending'];
const ESCALATION_STATUSES: readonly EscalationVerdict['status'][] = ['met', 'late', 'missed', 'pending'];

/** Writes numbers and strings; a string is its index in `strings`, or -1 for undefined. */
class BatchWriter {
  numbers = new Float64Array(1 << 12);
  length = 0;
  readonly strings: string[] = [];

  number(value: number): void {
    if (this.length === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length++] = value;
  }

  string(value: string | undefined): void {
    if (value === undefined) return this.number(-1);
    this.number(this.strings.length);
    this.strings.push(value);
  }

  /** An optional number: a presence flag, then the value. */
  optional(value: number | undefined): void {
    if (value === undefined) return this.number(0);
    this.number(1);
    this.number(value);
  }
}

/** The batch of `tickets`, with the text of each when given (`texts` for all, and `ends[i]`: where that of `tickets[i]` ends). */
export function encodeVerdicts(tickets: readonly EvaluatedTicket[], texts?: { bytes: Uint8Array; ends: Uint32Array }): VerdictBatch {
  const out = new BatchWriter();
  for (const ticket of tickets) {
    out.number(ticket.created);
    out.number(ticket.firstLine);
    out.number(ticket.createdLine);
    writeVerdict(out, ticket.verdict);
  }
  const batch: VerdictBatch = { count: tickets.length, numbers: out.numbers.slice(0, out.length), strings: out.strings };
  if (texts) {
    batch.text = texts.bytes;
    batch.textEnds = texts.ends;
  }
  return batch;
}

function writeVerdict(out: BatchWriter, verdict: TicketVerdict): void {
  out.string(verdict.id);
  out.string(verdict.severity);
  out.string(verdict.channel);
  out.number(verdict.created);
  const names = Object.keys(verdict.metrics);
  out.number(names.length);
  for (const name of names) {
    const metric = verdict.metrics[name]!;
    out.string(name);
    out.number(METRIC_STATUSES.indexOf(metric.status));
    out.number(metric.elapsedMinutes);
    out.number(metric.targetMinutes);
    out.optional(metric.due ?? undefined);
    out.optional(metric.stoppedAt);
  }
  out.number(verdict.escalations.length);
  for (const escalation of verdict.escalations) {
    out.string(escalation.ticket);
    out.number(escalation.level);
    out.string(escalation.who);
    out.string(escalation.metric);
    out.number(escalation.due);
    out.number(ESCALATION_STATUSES.indexOf(escalation.status));
    out.optional(escalation.escalatedAt);
    out.optional(escalation.lateMinutes);
  }
}

/** The tickets of a batch, as `encodeVerdicts` was given them (the text of each in `text`). */
export function decodeVerdicts(batch: VerdictBatch): EvaluatedTicket[] {
  const numbers = batch.numbers;
  const strings = batch.strings;
  let at = 0;
  const string = (): string => strings[numbers[at++]!]!;
  const optionalString = (): string | undefined => {
    const index = numbers[at++]!;
    return index < 0 ? undefined : strings[index];
  };
  const tickets: EvaluatedTicket[] = [];
  const text = batch.text;
  let textStart = 0;
  for (let index = 0; index < batch.count; index++) {
    const created = numbers[at++]!;
    const firstLine = numbers[at++]!;
    const createdLine = numbers[at++]!;
    const id = string();
    const severity = string();
    const channel = optionalString();
    const verdict: TicketVerdict = channel === undefined ? { id, severity, created: numbers[at++]!, metrics: {}, escalations: [] } : { id, severity, channel, created: numbers[at++]!, metrics: {}, escalations: [] };
    for (let metrics = numbers[at++]!; metrics > 0; metrics--) {
      const name = string();
      const status = METRIC_STATUSES[numbers[at++]!]!;
      const elapsedMinutes = numbers[at++]!;
      const targetMinutes = numbers[at++]!;
      const due = numbers[at++] === 1 ? numbers[at++]! : null;
      const metric: MetricVerdict = { status, elapsedMinutes, targetMinutes, due };
      if (numbers[at++] === 1) metric.stoppedAt = numbers[at++]!;
      verdict.metrics[name] = metric;
    }
    for (let escalations = numbers[at++]!; escalations > 0; escalations--) {
      const ticket = string();
      const level = numbers[at++]!;
      const who = string();
      const metricName = optionalString();
      const escalation: EscalationVerdict = metricName === undefined ? { ticket, level, who, due: 0, status: 'met' } : { ticket, level, who, metric: metricName, due: 0, status: 'met' };
      escalation.due = numbers[at++]!;
      escalation.status = ESCALATION_STATUSES[numbers[at++]!]!;
      if (numbers[at++] === 1) escalation.escalatedAt = numbers[at++]!;
      if (numbers[at++] === 1) escalation.lateMinutes = numbers[at++]!;
      verdict.escalations.push(escalation);
    }
    const ticket: EvaluatedTicket = { created, firstLine, createdLine, verdict };
    if (text !== undefined) {
      const end = batch.textEnds![index]!;
      ticket.text = text.subarray(textStart, end);
      textStart = end;
    }
    tickets.push(ticket);
  }
  return tickets;
}
