import { memberForClient, PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { caseHint, matchKey, vocabularyOf, type LogVocabulary } from '../log/log-vocabulary.js';
import { logError, logMessage, type LogError } from '../log/log-error.js';

/** What an agreement makes of the statuses and severities a log gives. */
interface AgreementWords {
  agreement: AgreementModel;
  /** Its number in this check, so that two agreements of one name keep their own counts. */
  index: number;
  /** Every status of a `pause when status`, agreement-wide or of a metric, as `matchKey` gives it. */
  statuses: ReadonlySet<string>;
  vocabulary: LogVocabulary;
}

/** One value the agreement never mentions: how many rows use it, and the first. */
interface Tally {
  words: AgreementWords;
  kind: 'status' | 'severity';
  value: string;
  count: number;
  firstLine: number;
}

/**
 * Statuses and priorities a helpdesk's rows use but the agreement never
 * mentions, counted per value (issue 10): a helpdesk keeps its own names, so
 * a status missing from `pause when status` (its clocks then run) or a
 * priority missing from every severity's `matches` shows up once, with its
 * count and its first row, instead of passing unnoticed or as one error per
 * row. In a portfolio, each row is weighed against the agreement of its
 * own `client`.
 */
export class UnmentionedValues {
  private readonly tallies = new Map<string, Tally>();
  private readonly single: AgreementWords | undefined;
  private readonly byClient = new Map<string, AgreementWords | undefined>();
  private readonly byAgreement = new Map<string, AgreementWords>();

  constructor(
    private readonly model: AgreementModel | PortfolioModel,
    private readonly file: string,
  ) {
    this.single = model.format === PORTFOLIO_FORMAT ? undefined : this.wordsOf(model);
  }

  /** A `status` row's status. */
  status(status: string, client: string | undefined, line: number): void {
    const text = status.trim();
    if (text === '') return;
    const words = this.words(client);
    if (words && !words.statuses.has(matchKey(text))) this.count(words, 'status', text, line);
  }

  /** A row's severity (on any event, as the log reader checks it). */
  severity(severity: string, client: string | undefined, line: number): void {
    const words = this.words(client);
    if (!words) return;
    const text = severity.trim();
    if (text === '' || words.vocabulary.severities.has(text) || words.vocabulary.severityMatches.has(matchKey(text))) return;
    this.count(words, 'severity', text, line);
  }

  /**
   * One diagnostic per value, by first line: a warning (SLA4046) for a
   * status; an error (SLA4047) for a priority, whose rows are invalid
   * (SEMANTICS.md "Ticket log": an unknown severity is an error).
   */
  diagnostics(): LogError[] {
    const found = [...this.tallies.values()].sort((a, b) => a.firstLine - b.firstLine);
    return found.map((tally) => {
      const args = {
        value: tally.value,
        agreement: tally.words.agreement.agreement?.name ?? '',
        count: tally.count,
        rowsUse: tally.count === 1 ? 'row uses' : 'rows use',
        invalid: tally.count === 1 ? 'it is an invalid row' : 'they are invalid rows',
        hint: tally.kind === 'severity' ? caseHint(tally.value, tally.words.vocabulary.severities) : '',
      };
      return logError(tally.kind === 'status' ? 'SLA4046' : 'SLA4047', this.file, tally.firstLine, tally.kind, args);
    });
  }

  /**
   * Is this one of the per-row errors (SLA4004) that an SLA4047 already
   * counts? Printing them all again would bury every other message. The
   * error quotes the value as log messages show it (`'lo\tw'`, escaped, and
   * cut when long), so the value is quoted the same way to compare.
   */
  covers(error: { code?: string; key?: string; message: string }): boolean {
    if (error.code !== 'SLA4004' || error.key !== 'severity') return false;
    for (const tally of this.tallies.values()) if (tally.kind === 'severity' && error.message.startsWith(logMessage("'{value}' ", { value: tally.value }))) return true;
    return false;
  }

  /** Rows of priorities no severity maps, all told. */
  get unmappedSeverityRows(): number {
    let rows = 0;
    for (const tally of this.tallies.values()) if (tally.kind === 'severity') rows += tally.count;
    return rows;
  }

  /**
   * Statuses are counted as `pause when status` compares them (any case,
   * trimmed), named as first written; priorities as written, since severity
   * names compare exactly.
   */
  private count(words: AgreementWords, kind: Tally['kind'], value: string, line: number): void {
    const key = `${words.index}\u0000${kind}\u0000${kind === 'status' ? matchKey(value) : value}`;
    const tally = this.tallies.get(key);
    if (tally) tally.count++;
    else this.tallies.set(key, { words, kind, value, count: 1, firstLine: line });
  }

  /** The agreement a row is weighed against: the only one, or its client's (none when no agreement takes the client). */
  private words(client: string | undefined): AgreementWords | undefined {
    if (this.single || this.model.format !== PORTFOLIO_FORMAT) return this.single;
    const key = client ?? '';
    if (this.byClient.has(key)) return this.byClient.get(key);
    const member = memberForClient(this.model, client);
    const words = member ? this.wordsOf(member.agreement, member.path) : undefined;
    this.byClient.set(key, words);
    return words;
  }

  /** `file`: clients whose agreement is one file are counted together (params change only the documents). */
  private wordsOf(agreement: AgreementModel, file = ''): AgreementWords {
    let words = this.byAgreement.get(file);
    if (!words) {
      const statuses = new Set([...agreement.pause.statuses, ...agreement.metrics.flatMap((metric) => metric.pause?.statuses ?? [])].map(matchKey));
      words = { agreement, index: this.byAgreement.size, statuses, vocabulary: vocabularyOf(agreement) };
      this.byAgreement.set(file, words);
    }
    return words;
  }
}
