/**
 * The report renderers of `slac check`: JSON (streamed), CSV (one row per
 * ticket and metric), text for people, and the exit status.
 */
export {
  buildReport,
  toTicketJson,
  writeJsonReport,
  type MetricVerdictJson,
  type Report,
  type TicketVerdictJson,
} from './json.js';
export { CSV_COLUMNS, renderCsv, writeCsvReport } from './csv.js';
export { renderText, TEXT_LISTED, type TextReportOptions } from './text.js';
export { exitStatusOf } from './exit-status.js';
export { agreementSets, NO_CREDITS_TEXT, NO_ESCALATION_TEXT, type AgreementSets } from './agreement-sets.js';
export { CLIENT_REPORT_INDENT, PORTFOLIO_CSV_COLUMNS, PortfolioJsonWriter, portfolioCsvRows, renderPortfolioText, type ClientText } from './portfolio.js';
