import type { PortfolioModel } from '../../language/model/model.js';
import { checkPortfolioLogFiles, JsonReportStream, type PortfolioReportOutput } from '../../runtime/check.js';
import { agreementSets, exitStatusOf, renderText } from '../../runtime/report/index.js';
import { CLIENT_REPORT_INDENT, PORTFOLIO_CSV_COLUMNS, PortfolioJsonWriter, portfolioCsvRows, renderPortfolioText, type ClientText } from '../../runtime/report/portfolio.js';
import { logFileOptions, type CheckCommandOptions } from '../check-inputs.js';
import type { CliIo } from '../io.js';
import { printErrors, printSkippedRows, printWarnings } from '../print-log-errors.js';
import type { SkippedRow } from '../../runtime/evaluate/summary.js';
import { ProgressBar } from '../progress-bar.js';
import type { ImportedCheck } from '../imported-check.js';
import { ReportFile } from '../report-file.js';
import { metricTitles } from '../../runtime/report/metric-titles.js';

/**
 * `slac check PORTFOLIO LOG`: one pass over the logs, one report per client
 * (SEMANTICS.md 1.1 "Portfolios"); exit 1 when any client's report would
 * exit 1 on its own. `imported`: the rows come from a helpdesk's export
 * (`--log-format zendesk|...`) instead of a log file.
 */
export async function runPortfolioCheck(
  portfolio: PortfolioModel,
  log: string,
  options: CheckCommandOptions,
  io: CliIo,
  progress: ProgressBar = new ProgressBar(io, log),
  imported?: ImportedCheck,
): Promise<number> {
  const file = new ReportFile(options.output, io);
  const strict = options.strict === true;
  let status = 0;
  const texts: ClientText[] = [];
  let invalidRows = 0;
  const skipped: SkippedRow[] = [];
  let head = { portfolio: portfolio.name, asOf: '' };
  const json = options.format === 'json' ? new PortfolioJsonWriter((chunk) => file.write(chunk)) : undefined;
  const output: PortfolioReportOutput = {
    begin: (portfolioHead) => {
      head = portfolioHead;
      if (json) json.begin(portfolioHead.portfolio, portfolioHead.asOf);
      if (options.format === 'csv') file.write(`${PORTFOLIO_CSV_COLUMNS.join(',')}\n`);
    },
    client: (run) => {
      const evaluating = (done: number, total: number): void => progress.evaluating(done, total);
      if (json) {
        json.beginClient(run.client, run.member.agreement.agreement?.name ?? '');
        return {
          begin: (reportHead) => (file.jsonStream = new JsonReportStream(reportHead, (chunk) => file.write(chunk), CLIENT_REPORT_INDENT)),
          ticket: (ticket) => file.jsonStream!.ticket(ticket),
          progress: evaluating,
          streamsEscalations: true,
        };
      }
      if (options.format === 'csv') return { ticket: (ticket) => file.write(portfolioCsvRows(run.client, ticket)), progress: evaluating, streamsEscalations: true };
      return { progress: evaluating, streamsEscalations: true };
    },
    clientDone: (run, outcome) => {
      if (imported) {
        imported.log.relocateAll(outcome.summary.skipped);
        imported.log.relocateAll(outcome.summary.warnings);
      }
      status = Math.max(status, exitStatusOf(outcome.summary, strict));
      // Every format: the skipped rows go to stderr too (issue 13), not only when the report cannot list them.
      invalidRows += outcome.summary.invalidRows;
      for (const row of outcome.summary.skipped) skipped.push(row);
      if (json) {
        file.jsonStream!.finish(outcome.summary, outcome.escalations.rows());
        json.endClient();
      }
      if (options.format !== 'text') return;
      const escalations = outcome.escalations.rows((state) => state === 'missed' || state === 'late');
      const sets = agreementSets(run.member.agreement);
      texts.push({
        client: run.client,
        agreement: run.member.agreement.agreement?.name ?? '',
        path: run.member.path,
        summary: outcome.summary,
        setsCredits: sets.credits,
        text: renderText(outcome.summary, outcome.breaches, { escalations, metricTitles: metricTitles(run.member.agreement), sets }),
      });
    },
  };
  try {
    const outcome = imported ? await imported.runPortfolio(portfolio, output) : await checkPortfolioLogFiles(portfolio, { ...logFileOptions(log, options, io, progress), output });
    progress.clear();
    imported?.printImport();
    printWarnings(outcome.warnings, io, imported ? (warning) => imported.log.relocate(warning) : undefined);
    if (!outcome.ok) {
      if (imported) imported.printErrors(outcome);
      else printErrors(outcome, io);
      return 2;
    }
    const { unassigned } = outcome;
    imported?.log.relocateAll(unassigned.skipped);
    if (json) json.finish(unassigned.invalidRows > 0 ? unassigned : undefined);
    // Skipped rows go to stderr whatever the format (issue 13), as for one agreement.
    const note = options.format === 'csv' ? 'not in the CSV report' : 'also listed in the report';
    if (imported) imported.printSkipped(invalidRows + unassigned.invalidRows, [...skipped, ...unassigned.skipped], note);
    else printSkippedRows(invalidRows + unassigned.invalidRows, [...skipped, ...unassigned.skipped], io, note);
    if (options.format === 'text') file.write(renderPortfolioText(head.portfolio, head.asOf, texts, unassigned));
    return status;
  } finally {
    progress.clear();
    file.close();
  }
}
