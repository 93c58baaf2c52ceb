import { formatInstant } from '../../clock/index.js';
import { ReportBuilder } from '../../evaluate/index.js';
import type { LogErrorList } from '../../log/error-list.js';
import type { LogError } from '../../log/log-error.js';
import { mergeStrayWarnings } from '../../log/stray-values.js';
import { firstFoundLine } from '../latest-as-of.js';
import { beforeEffectiveWarning, ignoredEventsWarning, ignoredOutagesWarning, outageClientsWarning, outagesBeforeReportingWarning, outsideClockYearsWarning, raisedWarnings, uncountedUptimeCreditsWarning, type OutsideClockYears } from '../evaluation-warnings.js';
import type { ReportHead } from '../json-stream.js';
import { toListedRow, type CheckOutcome, type CheckSession, type CheckSummary } from '../session.js';
import type { ParallelRun } from './coordinator.js';
import { mergeNeverDue } from './never-due-parts.js';
import type { PartitionFindings, PartitionReport } from './protocol.js';

/*
 * What `slac check --jobs N` makes of its partitions' findings and reports
 * once each thread has read and evaluated its tickets: the warnings, the
 * line of the latest event and the report, as one thread would have made
 * them.
 */

/**
 * Warnings in the order one reader finds them: by line; an unknown key is
 * warned about once, at its first line; a value the event does not read
 * (SLA4054) once per key and event, at its first line, counting the rows
 * of every partition.
 */
export function mergeWarnings(findings: readonly PartitionFindings[]): LogError[] {
  // A line is read by one worker only, in file order: sorting by line (stable) interleaves them as one reader would.
  const byLine = findings.flatMap((found) => found.warnings).sort((a, b) => a.line - b.line);
  // Each worker warns about an unknown key at the first of its rows with it: the first of those is the log's first.
  const seenKeys = new Set<string>();
  return mergeStrayWarnings(byLine).filter((warning) => {
    if (warning.code !== 'SLA4011') return true;
    const key = warning.key ?? '';
    if (seenKeys.has(key)) return false;
    seenKeys.add(key);
    return true;
  });
}

/** The evaluation part of `CheckSession.evaluate`, made of the partitions' reports. */
export class MergedEvaluation {
  private readonly builder: ReportBuilder;
  private readonly head: ReportHead;
  private readonly effective: string | undefined;
  private written = 0;
  private shown = 0;

  constructor(
    private readonly session: CheckSession,
    private readonly run: ParallelRun,
    asOf: number,
    private readonly total: number,
    private readonly read: { invalidRows: number; warnings: LogError[]; errors: LogErrorList; outsideClock: OutsideClockYears | undefined },
  ) {
    const context = session.context;
    this.effective = context.model.agreement?.effective;
    this.head = { agreement: context.model.agreement?.name ?? '', asOf: formatInstant(asOf, context.reportZone) };
    const title = context.model.agreement?.title;
    if (title !== undefined) this.head.title = title;
    run.output.begin?.(this.head);
    this.builder = ReportBuilder.ofParts(context, asOf, run.output.listedEscalations);
    const outageRows = session.outages?.rows;
    if (outageRows) this.builder.setOutages(outageRows);
  }

  /** Writes one rendered ticket, the next in the one-thread order. */
  write(text: Uint8Array): void {
    this.run.output.renderedTickets!.write(text);
    this.progress(++this.written);
  }

  /** Tells the progress bar, as one thread would: every 4096 tickets. */
  progress(evaluated: number): void {
    if (evaluated - this.shown < 4096) return;
    this.shown = evaluated - (evaluated % 4096);
    this.run.output.progress?.(this.shown, this.total);
  }

  finish(reports: readonly PartitionReport[]): Extract<CheckOutcome, { ok: true }> {
    let ignoredAfterAsOf = 0;
    for (const report of reports) {
      this.builder.merge(report.report);
      ignoredAfterAsOf += report.ignored;
    }
    const ignoredWarning = ignoredEventsWarning(this.run.display, ignoredAfterAsOf, this.head.asOf);
    const outagesWarning = ignoredOutagesWarning(this.session.outages, this.session.options.asOf, this.head.asOf);
    const earlyWarning = beforeEffectiveWarning(this.run.display, this.builder.createdBeforeEffective, this.effective);
    const clockWarning = outsideClockYearsWarning(this.run.display, this.read.outsideClock, this.session.context.reportZone);
    const unmeasuredWarning = outagesBeforeReportingWarning(this.session.outages?.file, this.builder.outageRowsBeforeReporting(), this.effective);
    const neverDue = mergeNeverDue(reports.map((report) => report.neverDue));
    const uncountedWarning = uncountedUptimeCreditsWarning(this.session.context.model, this.session.outages?.rows !== undefined);
    const clientsWarning = outageClientsWarning(this.session.outages);
    const allWarnings = [...this.read.warnings, ...raisedWarnings(clockWarning, ignoredWarning, outagesWarning, clientsWarning, unmeasuredWarning, uncountedWarning, earlyWarning), ...neverDue];
    const summary: CheckSummary = {
      ...this.builder.finish({ invalidRows: this.read.invalidRows, skipped: this.read.errors.sorted().map(toListedRow), listEscalations: this.run.output.streamsEscalations !== true }),
      ignoredAfterAsOf,
      warnings: allWarnings.map(toListedRow),
    };
    return { ok: true, summary, breaches: this.builder.breaches(), escalations: this.builder.escalations, warnings: allWarnings };
  }
}

/** The line of the first event at the latest time, among the partitions that hold one (SLA4053); 0 when none said. */
export function firstLatestLine(findings: readonly PartitionFindings[], latest: number): number {
  return firstFoundLine(findings.filter((found) => found.latest === latest).map((found) => found.latestLine));
}
