import { countClientless, readClientValue, skipForClientValue } from '../client-field.js';
import type { ImportJob } from '../import-source.js';

/**
 * The value of a ticket's `--client-field` cell: a JSON text list (`["Globex"]`,
 * as a warehouse stores a multi-select custom field) as the list, any other
 * text as it is. Read as text, the list was the client named `["Globex"]`,
 * and `[]` a client named `[]`. A cell that only looks like one
 * (`[Internal]`, no JSON) is text.
 */
export function clientCellValue(text: string): unknown {
  if (!text.startsWith('[') || !text.endsWith(']')) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : text;
  } catch {
    return text;
  }
}

/** The client a ticket's `--client-field` cell gives, or why the ticket is skipped (already listed in the summary). */
export type ClientCellReading = { client: string | undefined } | { skipped: string };

/**
 * Reads a ticket's `--client-field` cell as the JSON sources read the field
 * (`readClientValue`): a list's one element is the client; an empty list
 * is no value, counted with the empty cells; of several, the first is the
 * client, as jira and zendesk take it, with a warning naming the cell (a
 * note alone, as theirs, would not say which ticket lost which values); a
 * list with no name to read, or a number beyond 2^53, skips the ticket, as
 * jira's does.
 */
export function readClientCell(text: string, id: string, job: ImportJob, shown: string, line: number): ClientCellReading {
  const field = job.clientField!.trim();
  const value = clientCellValue(text);
  const skipped = skipForClientValue(job, value, `ticket ${id}`, 'tickets', shown, line);
  if (skipped !== undefined) return { skipped };
  const { client, shape } = readClientValue(value);
  if (shape === 'several') {
    job.summary.warn(shown, line, `tickets whose ${field}, which --client-field names, lists several values: the first is the client`, `ticket ${id}: the ${field} ${text} lists several values; the first, '${client}', is the client`);
  }
  countClientless(job, client);
  return { client };
}
