import { formatInstant } from '../clock/index.js';
import type { EvaluationContext, MetricVerdict, TicketVerdict } from '../evaluate/index.js';
import { csvCell, csvTextCell } from './csv.js';
import { metricZone } from './json.js';

/**
 * A ticket's report text made straight from its verdict, for the report
 * writers that a large log goes through: the same text as
 * `ticketItemText(toTicketJson(verdict, context))` (JSON) and
 * `renderCsv([toTicketJson(verdict, context)])` without its header (CSV),
 * without the intermediate object per ticket and metric and without
 * `JSON.stringify` of each string. Names from the agreement are quoted once
 * per context; numbers and ids take fast paths that give what `String` and
 * `JSON.stringify` give (test/runtime/report/verdict-text.test.ts compares
 * them on every shape).
 */

/** What is worked out once per context and line break: each metric's zone and key text. */
interface MetricText {
  zone: string;
  /** `"Name": {` after the line break and indentation (JSON). */
  jsonKey: string;
  /** The metric's CSV cell followed by a comma. */
  csvCell: string;
}

interface ContextText {
  metrics: Map<string, MetricText>;
  /** JSON strings of severities, channels and statuses, as met. */
  quoted: Map<string, string>;
  /** CSV cells of severities and channels, as met. */
  cells: Map<string, string>;
}

const textsByContext = new WeakMap<EvaluationContext, Map<string, ContextText>>();

function contextText(context: EvaluationContext, newline: string): ContextText {
  let byNewline = textsByContext.get(context);
  if (!byNewline) textsByContext.set(context, (byNewline = new Map()));
  let text = byNewline.get(newline);
  if (!text) {
    const metrics = new Map<string, MetricText>();
    for (const metric of context.model.metrics) {
      metrics.set(metric.name, {
        zone: metricZone(context, metric.name),
        jsonKey: `${newline}        ${JSON.stringify(metric.name)}: {${newline}          "status": `,
        csvCell: `${csvCell(csvTextCell(metric.name))},`,
      });
    }
    text = { metrics, quoted: new Map(), cells: new Map() };
    byNewline.set(newline, text);
  }
  return text;
}

/** Characters that `JSON.stringify` escapes in a string (and lone surrogates, which it escapes too). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, without its call for the plain text of nearly every id. */
export function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** A vocabulary word (severity, channel, status) as JSON, quoted once. */
function quotedWord(text: ContextText, word: string): string {
  let quoted = text.quoted.get(word);
  if (quoted === undefined) {
    quoted = jsonString(word);
    // Words come from the agreement and the log's vocabulary: few, but bound the map anyway.
    if (text.quoted.size < 4096) text.quoted.set(word, quoted);
  }
  return quoted;
}

function cellWord(text: ContextText, word: string): string {
  let cell = text.cells.get(word);
  if (cell === undefined) {
    cell = csvCell(csvTextCell(word));
    if (text.cells.size < 4096) text.cells.set(word, cell);
  }
  return cell;
}

/** `.0001` to `.9999` with trailing zeros dropped, by ten-thousandths; [0] is empty. */
const FRACTIONS = Array.from({ length: 10_000 }, (_, tenThousandths) => (tenThousandths === 0 ? '' : `.${String(tenThousandths).padStart(4, '0').replace(/0+$/, '')}`));

/**
 * `String(value)` for a number, quickly for what minutes in reports are: a
 * whole number of ten-thousandths below 10^11 (at most 15 significant
 * digits, so that decimal is the shortest that reads back as the same
 * number, which is what `String` writes). Anything else goes to `String`.
 */
export function numberString(value: number): string {
  const scaled = Math.round(value * 10_000);
  if (scaled >= 0 && scaled < 1e15 && scaled / 10_000 === value) {
    const whole = Math.floor(scaled / 10_000);
    return `${whole}${FRACTIONS[scaled - whole * 10_000]!}`;
  }
  return String(value);
}

/** A number as JSON writes it: non-finite numbers are `null`. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? numberString(value) : 'null';
}

const STATUS_JSON: Record<MetricVerdict['status'], string> = { met: '"met"', breached: '"breached"', pending: '"pending"' };

/** The JSON text of one ticket as an item of the report's `tickets` list (see `ticketItemText`). */
export function ticketJsonText(verdict: TicketVerdict, context: EvaluationContext, newline = '\n'): string {
  const text = contextText(context, newline);
  let out = `{${newline}      "id": ${jsonString(verdict.id)},${newline}      "severity": ${quotedWord(text, verdict.severity)}`;
  if (verdict.channel !== undefined) out += `,${newline}      "channel": ${quotedWord(text, verdict.channel)}`;
  out += `,${newline}      "created": "${formatInstant(verdict.created, context.reportZone)}",${newline}      "metrics": `;
  let first = true;
  for (const name in verdict.metrics) {
    const metric = verdict.metrics[name];
    if (metric === undefined) continue;
    const known = text.metrics.get(name);
    const zone = known?.zone ?? metricZone(context, name);
    const key = known?.jsonKey ?? `${newline}        ${JSON.stringify(name)}: {${newline}          "status": `;
    out += `${first ? '{' : ','}${key}${STATUS_JSON[metric.status]},${newline}          "elapsedMinutes": ${jsonNumber(metric.elapsedMinutes)},${newline}          "targetMinutes": ${jsonNumber(metric.targetMinutes)}`;
    if (metric.targetSeverity !== verdict.severity) out += `,${newline}          "targetSeverity": ${quotedWord(text, metric.targetSeverity)}`;
    out += `,${newline}          "due": ${metric.due === null ? 'null' : `"${formatInstant(metric.due, zone)}"`}`;
    if (metric.stoppedAt !== undefined) out += `,${newline}          "stoppedAt": "${formatInstant(metric.stoppedAt, zone)}"`;
    out += `${newline}        }`;
    first = false;
  }
  return out + (first ? `{}${newline}    }` : `${newline}      }${newline}    }`);
}

/** The CSV rows of one ticket, a line per metric (see `writeCsvReport`); empty when it has no metric. */
export function ticketCsvRows(verdict: TicketVerdict, context: EvaluationContext): string {
  const text = contextText(context, '\n');
  let rows = '';
  let head: string | undefined;
  for (const name in verdict.metrics) {
    const metric = verdict.metrics[name]!;
    const known = text.metrics.get(name);
    head ??= `${csvCell(csvTextCell(verdict.id))},${cellWord(text, verdict.severity)},${cellWord(text, verdict.channel ?? '')},`;
    const due = metric.due === null ? '' : csvCell(formatInstant(metric.due, known?.zone ?? metricZone(context, name)));
    rows += `${head}${known?.csvCell ?? `${csvCell(csvTextCell(name))},`}${metric.status},${numberString(metric.elapsedMinutes)},${numberString(metric.targetMinutes)},${due},${cellWord(text, metric.targetSeverity)}\n`;
  }
  return rows;
}
