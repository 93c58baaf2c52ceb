import type { ImportSummary } from '../import-summary.js';
import type { TableRow } from '../table-reader.js';
import { readBoolean } from './mapping.js';

/** Fivetran's mark of a row deleted in Zendesk: kept in the warehouse, gone from the helpdesk. */
export const DELETED_COLUMN = '_fivetran_deleted';

/** The group of the summary under which rows Fivetran marks as deleted are counted. */
export const DELETED_ROWS = `rows deleted in Zendesk (${DELETED_COLUMN} true)`;

/** Fivetran's mark of a row's current version in a table synced in history mode; earlier versions read false. */
export const ACTIVE_COLUMN = '_fivetran_active';

/** The outcome under which earlier versions of rows (`_fivetran_active` false) are counted. */
export const EARLIER_VERSIONS = `earlier versions of rows (${ACTIVE_COLUMN} false, Fivetran history mode): not read`;

/**
 * What a row's marks say: read it; skip it (listed) as deleted or as a mark
 * that is neither true nor false; or pass over an earlier version of it
 * (counted, not listed: its current version is another row).
 */
export type DeletedMark = 'read' | 'deleted' | 'unreadable' | 'earlier';

/**
 * Reads a row's `_fivetran_deleted` and skips (and lists) a row Fivetran
 * marks as deleted in Zendesk, as dbt_zendesk's `where not
 * coalesce(_fivetran_deleted, false)` leaves it out, or whose mark cannot be
 * read. An empty mark, or none (a table without the column), is a row still
 * in Zendesk. `slac import` and `slac init` both read the tables through
 * this, so that the log and the draft leave out the same rows.
 */
export function readDeletedMark(row: TableRow, line: number, shown: string, summary: ImportSummary): DeletedMark {
  const mark = readMark(row, DELETED_COLUMN, line, shown, summary);
  if (mark === 'unreadable') return mark;
  if (mark === true) {
    summary.skip(shown, line, DELETED_ROWS, `the row was deleted in Zendesk (${DELETED_COLUMN} is ${row.get(DELETED_COLUMN)!.trim()})`);
    return 'deleted';
  }
  return readActiveMark(row, line, shown, summary);
}

/**
 * Reads a row's `_fivetran_active`: in history mode Fivetran keeps every
 * version of a row, and only the current one (true) is the row as Zendesk
 * has it now, as dbt_zendesk reads only it. Read as a row, an earlier
 * version made a ticket keep its oldest status and organisation (the first
 * row of an id is kept) and a user its former role (the last is kept).
 */
function readActiveMark(row: TableRow, line: number, shown: string, summary: ImportSummary): DeletedMark {
  const mark = readMark(row, ACTIVE_COLUMN, line, shown, summary);
  if (mark === 'unreadable') return mark;
  if (mark !== false) return 'read';
  summary.took(shown, EARLIER_VERSIONS);
  return 'earlier';
}

/** A boolean mark of a row: undefined when empty or missing; 'unreadable' (skipped and listed) when neither true nor false. */
function readMark(row: TableRow, column: string, line: number, shown: string, summary: ImportSummary): boolean | undefined | 'unreadable' {
  const mark = (row.get(column) ?? '').trim();
  if (mark === '') return undefined;
  const value = readBoolean(mark);
  if (value !== undefined) return value;
  summary.skip(shown, line, `rows whose ${column} is neither true nor false`, `${column} '${mark}' is neither true nor false (true/false, t/f, 1/0, yes/no)`);
  return 'unreadable';
}
