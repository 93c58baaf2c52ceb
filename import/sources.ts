import type { ImportSource } from './import-source.js';
import { importZendeskTables } from './zendesk-tables/import.js';

/**
 * The helpdesk exports slac reads, by the name users type. `slac import`
 * and `slac check --log-format` both take their adapter from here.
 */
export const IMPORT_SOURCES: readonly ImportSource[] = [
  {
    name: 'zendesk-tables',
    description: "Zendesk tables as a warehouse holds them (Fivetran's schema: ticket, ticket_field_history, ticket_comment, user, organization; CSV)",
    extensions: ['.csv'],
    run: importZendeskTables,
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
