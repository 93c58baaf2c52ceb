import type { ImportSummary } from '../import-summary.js';
import type { TableRow } from '../table-reader.js';
import { readBoolean } from './mapping.js';

/** Fivetran's mark of a row deleted in Zendesk: kept in the warehouse, gone from the helpdesk. */
export const DELETED_COLUMN = '_fivetran_deleted';

/** The group of the summary under which rows Fivetran marks as deleted are counted. */
export const DELETED_ROWS = `rows deleted in Zendesk (${DELETED_COLUMN} true)`;

/** What a row's mark says: read it, or skip it (listed) as deleted or as a mark that is neither true nor false. */
export type DeletedMark = 'read' | 'deleted' | 'unreadable';

/**
 * Reads a row's `_fivetran_deleted` and skips (and lists) a row Fivetran
 * marks as deleted in Zendesk, as dbt_zendesk's `where not
 * coalesce(_fivetran_deleted, false)` leaves it out, or whose mark cannot be
 * read. An empty mark, or none (a table without the column), is a row still
 * in Zendesk. `slac import` and `slac init` both read the tables through
 * this, so that the log and the draft leave out the same rows.
 */
export function readDeletedMark(row: TableRow, line: number, shown: string, summary: ImportSummary): DeletedMark {
  const mark = (row.get(DELETED_COLUMN) ?? '').trim();
  if (mark === '') return 'read';
  const deleted = readBoolean(mark);
  if (deleted === undefined) {
    summary.skip(shown, line, `rows whose ${DELETED_COLUMN} is neither true nor false`, `${DELETED_COLUMN} '${mark}' is neither true nor false (true/false, t/f, 1/0, yes/no)`);
    return 'unreadable';
  }
  if (!deleted) return 'read';
  summary.skip(shown, line, DELETED_ROWS, `the row was deleted in Zendesk (${DELETED_COLUMN} is ${mark})`);
  return 'deleted';
}
