/** Types of generate-zendesk-export.mjs, for the tests that write a small export with it. */

/** Writes a seeded Zendesk Incremental Ticket Event Export of `tickets` tickets into `folder` (created if missing). */
export function writeZendeskExport(folder: string, tickets: number, seed?: number): { events: number; pages: number; files: number };
