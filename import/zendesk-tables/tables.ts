/**
 * The tables of Fivetran's Zendesk schema this source reads, and the columns
 * each must have; `OPTIONAL_COLUMNS` are read when they are there (and the
 * `--client-field` column); every other column is ignored. A table is found in a folder as `NAME.csv`, or `NAME_data.csv` as
 * dbt seeds name them.
 */
export const TICKET_TABLES = {
  organization: ['id', 'name'],
  user: ['id', 'role'],
  ticket: ['id', 'created_at', 'status'],
  ticket_field_history: ['ticket_id', 'field_name', 'updated', 'value'],
  ticket_comment: ['ticket_id', 'created', 'public', 'user_id'],
} as const satisfies Record<string, readonly string[]>;

export type TicketTable = keyof typeof TICKET_TABLES;

/**
 * Columns read when a table has them, besides those it must have (and
 * `_fivetran_deleted`, read in every table). Only these are held: the values
 * of any other column (a comment's body, a ticket's description) are read
 * past, however long.
 */
export const OPTIONAL_COLUMNS: Readonly<Record<TicketTable, readonly string[]>> = {
  organization: [],
  user: [],
  ticket: ['updated_at', 'priority', 'organization_id', 'requester_id', 'via_channel'],
  ticket_field_history: [],
  // The comment's id tells the rows a sync wrote twice.
  ticket_comment: ['id'],
};

/** Tables of the schema the ticket log does not use, and what reads them instead. */
export const OTHER_TABLES: Readonly<Record<string, string>> = {
  schedule: 'read by slac init --from zendesk-tables (calendars)',
  schedule_holiday: 'read by slac init --from zendesk-tables (holidays)',
  sla_policy_metric_history: 'read by slac init --from zendesk-tables (targets)',
  ticket_schedule: 'not used: the agreement decides the calendar',
  ticket_sla_policy: 'not used: the agreement decides the targets',
  time_zone: 'not used: slac has its own time-zone data',
  daylight_time: 'not used: slac has its own time-zone data',
  group: 'not used: groups are not part of the ticket log',
};

/** The table a file holds, from its name (`ticket.csv`, `ticket_data.csv`), if any. */
export function tableOfFile(fileName: string): string | undefined {
  const match = /^(.*?)(?:_data)?\.csv$/i.exec(fileName);
  return match ? match[1]!.toLowerCase() : undefined;
}
