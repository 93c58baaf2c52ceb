import type { CatalogueEntry } from './entry.js';

/** SLA4xxx: ticket logs, outage logs and options given to `slac check`. */
export const runtimeCodes = [
  { code: 'SLA4001', severity: 'error', message: "Missing required key '{key}'.", explanation: 'Every row needs ticket, time and event, and some events need more keys.' },
] as const satisfies readonly CatalogueEntry[];
