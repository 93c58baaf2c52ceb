/** Reading and validating ticket and outage logs (CSV or NDJSON), as streams. */
export { formatLogError, logError, logErrorToDiagnostic, compareLogErrors, type LogError } from './log-error.js';
export { LogErrorList } from './error-list.js';
export { readLogFile } from './read-file.js';
export { formatFromExtension, csvRowParser, ndjsonRowParser, objectRowFeeder, type LogFormat, type LogRowHandler, type LogShape } from './log-rows.js';
export { TICKET_LOG_KEYS, OUTAGE_LOG_KEYS, vocabularyOf, type LogVocabulary } from './log-vocabulary.js';
export { validateTicketRow, emptyValidRow, type TicketRowValues, type ValidTicketRow } from './ticket-row.js';
export { EventStore } from './event-store.js';
export { TicketLogCollector, checkTicketOrder, createdTime, NO_CREATED, TICKET_LOG_SHAPE, type TicketOrder } from './ticket-log.js';
export { OutageLogCollector, validateOutageRow, outageRowsForClient, OUTAGE_LOG_SHAPE } from './outage-log.js';
export { parseLogInstant } from './instant.js';
