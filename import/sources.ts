import type { ImportSource } from './import-source.js';
import { importZendeskTables } from './zendesk-tables/import.js';
import { importZendesk } from './zendesk/import.js';
import { importJira } from './jira/import.js';
import { importFreshdesk } from './freshdesk/import.js';
import { importZammad } from './zammad/import.js';
import { importGlpi } from './glpi/import.js';

/**
 * The helpdesk exports slac reads, by the name users type. `slac import`
 * and `slac check --log-format` both take their adapter from here.
 */
export const IMPORT_SOURCES: readonly ImportSource[] = [
  {
    name: 'zendesk',
    description: "Zendesk's API exports (JSON): the Incremental Ticket Event Export or ticket audits, with users and organisations files",
    extensions: ['.json', '.jsonl', '.ndjson'],
    timesInUtc: "Zendesk's API writes every time in UTC (a time without an offset is read as UTC)",
    run: importZendesk,
  },
  {
    name: 'zendesk-tables',
    description: "Zendesk tables as a warehouse holds them (Fivetran's schema: ticket, ticket_field_history, ticket_comment, user, organization; CSV)",
    extensions: ['.csv'],
    timesInUtc: 'Fivetran stores every time in UTC (a time without an offset is read as UTC)',
    run: importZendeskTables,
  },
  {
    name: 'jira',
    description: 'Jira Service Management / Jira Cloud REST: search pages with expand=changelog (or NDJSON of issues), comment pages, the status list (JSON)',
    extensions: ['.json', '.ndjson', '.jsonl'],
    run: importJira,
  },
  {
    name: 'zammad',
    description: 'Zammad REST: ticket pages (GET /api/v1/tickets?expand=true), ticket_history/{id} and ticket_articles/by_ticket/{id} (JSON)',
    extensions: ['.json'],
    timesInUtc: "Zammad's API writes every time in UTC (a time without an offset is read as UTC)",
    run: importZammad,
  },
  {
    name: 'glpi',
    description: 'GLPI tickets, glpi_logs, followups and actors: a database export (glpi_*.csv) or REST API pages (JSON)',
    extensions: ['.csv', '.json'],
    run: importGlpi,
  },
  {
    name: 'freshdesk',
    description: 'Freshdesk API v2: ticket pages with include=stats (or NDJSON of tickets), conversation pages, company pages (JSON)',
    extensions: ['.json', '.ndjson', '.jsonl'],
    run: importFreshdesk,
  },
];

/** The adapter named `name`, if there is one. */
export function importSourceNamed(name: string): ImportSource | undefined {
  return IMPORT_SOURCES.find((source) => source.name === name);
}

/** The names users can type, in order. */
export function importSourceNames(): string[] {
  return IMPORT_SOURCES.map((source) => source.name);
}
