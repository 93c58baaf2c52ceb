import type { EscalationRow } from '../evaluate/index.js';
import type { MetricVerdictJson, TicketVerdictJson } from './json.js';
import { jsonString } from './verdict-text.js';

/**
 * The JSON text of report items exactly as `JSON.stringify(item, null, 2)`
 * writes them nested two lists deep (an item of the report's `tickets` or
 * `escalations` list: indented by 4, keys by 6). Written by hand because a
 * million tickets spend most of their JSON time in the generic indenting
 * stringifier. Keys come in the order the report's objects are built in
 * (`toTicketJson`, the escalation rows); keys whose value is undefined are
 * left out, as `JSON.stringify` does. `newline` is a line break with the
 * indentation of the report itself (a portfolio nests each client's report
 * deeper).
 */
export function ticketItemText(ticket: TicketVerdictJson, newline = '\n'): string {
  let text = `{${newline}      "id": ${JSON.stringify(ticket.id)},${newline}      "severity": ${JSON.stringify(ticket.severity)}`;
  if (ticket.channel !== undefined) text += `,${newline}      "channel": ${JSON.stringify(ticket.channel)}`;
  text += `,${newline}      "created": ${JSON.stringify(ticket.created)},${newline}      "metrics": `;
  let first = true;
  for (const name in ticket.metrics) {
    const metric = ticket.metrics[name];
    if (metric === undefined) continue;
    text += `${first ? '{' : ','}${newline}        ${JSON.stringify(name)}: ${metricText(metric, newline)}`;
    first = false;
  }
  return text + (first ? `{}${newline}    }` : `${newline}      }${newline}    }`);
}

function metricText(metric: MetricVerdictJson, newline: string): string {
  let text =
    `{${newline}          "status": ${JSON.stringify(metric.status)},${newline}          "elapsedMinutes": ${numberText(metric.elapsedMinutes)}` +
    `,${newline}          "targetMinutes": ${numberText(metric.targetMinutes)}`;
  if (metric.targetSeverity !== undefined) text += `,${newline}          "targetSeverity": ${JSON.stringify(metric.targetSeverity)}`;
  if (metric.due !== undefined) text += `,${newline}          "due": ${metric.due === null ? 'null' : JSON.stringify(metric.due)}`;
  if (metric.stoppedAt !== undefined) text += `,${newline}          "stoppedAt": ${JSON.stringify(metric.stoppedAt)}`;
  return text + `${newline}        }`;
}

/** One row of the report's `escalations` list, nested as `ticketItemText` says. */
export function escalationItemText(row: EscalationRow, newline = '\n'): string {
  // A large log owes many escalations: `jsonString` skips `JSON.stringify` for the plain text of nearly every value.
  let text = `{${newline}      "ticket": ${jsonString(row.ticket)},${newline}      "level": ${numberText(row.level)},${newline}      "who": ${jsonString(row.who)}`;
  if (row.metric !== undefined) text += `,${newline}      "metric": ${jsonString(row.metric)}`;
  text += `,${newline}      "due": ${jsonString(row.due)},${newline}      "status": ${jsonString(row.status)}`;
  if (row.escalatedAt !== undefined) text += `,${newline}      "escalatedAt": ${jsonString(row.escalatedAt)}`;
  if (row.lateMinutes !== undefined) text += `,${newline}      "lateMinutes": ${numberText(row.lateMinutes)}`;
  return text + `${newline}    }`;
}

/** A number as JSON writes it: non-finite numbers are `null`. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}
