import type { EscalationRow } from '../evaluate/index.js';
import type { MetricVerdictJson, TicketVerdictJson } from './json.js';

/**
 * The JSON text of report items exactly as `JSON.stringify(item, null, 2)`
 * writes them nested two lists deep (an item of the report's `tickets` or
 * `escalations` list: indented by 4, keys by 6). Written by hand because a
 * million tickets spend most of their JSON time in the generic indenting
 * stringifier. Keys come in the order the report's objects are built in
 * (`toTicketJson`, the escalation rows); keys whose value is undefined are
 * left out, as `JSON.stringify` does.
 */
export function ticketItemText(ticket: TicketVerdictJson): string {
  let text = `{\n      "id": ${JSON.stringify(ticket.id)},\n      "severity": ${JSON.stringify(ticket.severity)}`;
  if (ticket.channel !== undefined) text += `,\n      "channel": ${JSON.stringify(ticket.channel)}`;
  text += `,\n      "created": ${JSON.stringify(ticket.created)},\n      "metrics": `;
  let first = true;
  for (const name in ticket.metrics) {
    const metric = ticket.metrics[name];
    if (metric === undefined) continue;
    text += `${first ? '{\n' : ',\n'}        ${JSON.stringify(name)}: ${metricText(metric)}`;
    first = false;
  }
  return text + (first ? '{}\n    }' : '\n      }\n    }');
}

function metricText(metric: MetricVerdictJson): string {
  let text =
    `{\n          "status": ${JSON.stringify(metric.status)},\n          "elapsedMinutes": ${numberText(metric.elapsedMinutes)}` +
    `,\n          "targetMinutes": ${numberText(metric.targetMinutes)}`;
  if (metric.due !== undefined) text += `,\n          "due": ${metric.due === null ? 'null' : JSON.stringify(metric.due)}`;
  if (metric.stoppedAt !== undefined) text += `,\n          "stoppedAt": ${JSON.stringify(metric.stoppedAt)}`;
  return text + '\n        }';
}

/** One row of the report's `escalations` list, nested as `ticketItemText` says. */
export function escalationItemText(row: EscalationRow): string {
  let text = `{\n      "ticket": ${JSON.stringify(row.ticket)},\n      "level": ${numberText(row.level)},\n      "who": ${JSON.stringify(row.who)}`;
  if (row.metric !== undefined) text += `,\n      "metric": ${JSON.stringify(row.metric)}`;
  text += `,\n      "due": ${JSON.stringify(row.due)},\n      "status": ${JSON.stringify(row.status)}`;
  if (row.escalatedAt !== undefined) text += `,\n      "escalatedAt": ${JSON.stringify(row.escalatedAt)}`;
  if (row.lateMinutes !== undefined) text += `,\n      "lateMinutes": ${numberText(row.lateMinutes)}`;
  return text + '\n    }';
}

/** A number as JSON writes it: non-finite numbers are `null`. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}
