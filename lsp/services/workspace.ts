import { analyzeWithPortfolio, ParseCache, type Analysis, type ParseResult } from './language.js';
import { splitLines } from './lines.js';
import { OverlayHost, type SourceHost } from './source-host.js';

/** An analysis together with the workspace generation it was made at. */
interface CachedAnalysis {
  generation: number;
  analysis: Analysis;
  /** Every file the analysis read and what it got (undefined: no such file): all it depends on. */
  reads: Map<string, string | undefined>;
  /** And the identity of every path it asked about: a link pointed elsewhere changes the analysis. */
  identities: Map<string, string | undefined>;
}

/**
 * The open documents and their analyses. Every open document is analysed as
 * an entry file (the way `slac validate FILE` does), reading imports through
 * the overlay so unsaved buffers win over the disk. Analyses are made lazily
 * and cached until any buffer or watched file changes; even then an analysis
 * is kept when every file it read still reads the same, and a new analysis
 * re-parses only the files whose text changed.
 */
export class SlaWorkspace {
  readonly host = new OverlayHost();
  private generation = 0;
  private readonly cache = new Map<string, CachedAnalysis>();
  private readonly parses = new ParseCache();

  /** Opens or updates a buffer. */
  update(file: string, text: string): void {
    this.host.set(file, text);
    this.generation++;
  }

  close(file: string): void {
    this.host.delete(file);
    this.cache.delete(file);
    this.parses.delete(file);
    this.generation++;
  }

  /**
   * Sets the workspace folders imports are confined to (none: each file's
   * own folder, as `slac validate FILE`); every analysis may be stale.
   */
  setRoots(roots: string[]): void {
    this.host.setRoots(roots);
    this.generation++;
  }

  /** A file changed on disk: every analysis may be stale. */
  invalidate(): void {
    this.generation++;
  }

  isOpen(file: string): boolean {
    return this.host.isOpen(file);
  }

  openFiles(): string[] {
    return this.host.openFiles();
  }

  text(file: string): string | undefined {
    return this.host.readFile(file);
  }

  /** Whether the analysis of `entry` may read `file`: inside its project folders, and readable text. */
  readableFrom(entry: string, file: string): boolean {
    return this.host.forEntry(entry).readFile(file) !== undefined;
  }

  /** The analysis with `file` as its entry, made now if the cached one is stale. */
  analysisOf(file: string): Analysis {
    const cached = this.cache.get(file);
    if (cached && cached.generation === this.generation) return cached.analysis;
    if (cached && this.readsUnchanged(file, cached)) {
      // The analysis is a function of what it read: the same reads give the same analysis.
      cached.generation = this.generation;
      return cached.analysis;
    }
    const reads = new Map<string, string | undefined>();
    const identities = new Map<string, string | undefined>();
    // A portfolio reads the agreements it uses too: an edit of one of them remakes it.
    const analysis = analyzeWithPortfolio(file, recording(this.host.forEntry(file), reads, identities), { parseCache: this.parses });
    this.cache.set(file, { generation: this.generation, analysis, reads, identities });
    return analysis;
  }

  /**
   * Whether `analysis` is still what `analysisOf(file)` gives: nothing it
   * read has changed since (diagnostics worked out from it may go out).
   */
  isCurrent(file: string, analysis: Analysis): boolean {
    const cached = this.cache.get(file);
    if (cached?.analysis !== analysis) return false;
    if (cached.generation === this.generation) return true;
    if (!this.readsUnchanged(file, cached)) return false;
    cached.generation = this.generation;
    return true;
  }

  private readsUnchanged(entry: string, { reads, identities }: CachedAnalysis): boolean {
    const host = this.host.forEntry(entry);
    for (const [file, text] of reads) if (host.readFile(file) !== text) return false;
    for (const [file, identity] of identities) if (host.fileIdentity?.(file) !== identity) return false;
    return true;
  }

  /**
   * For completion, which must answer within a keystroke: the last analysis
   * of `file` even if a later edit made it stale, as long as the edit kept
   * the file's line count (so block positions still hold; the words typed
   * on the cursor's line are read from the current text). Otherwise, and
   * when there is none yet, a fresh analysis.
   */
  recentAnalysisOf(file: string): Analysis {
    const cached = this.cache.get(file);
    const text = this.text(file);
    if (cached && text !== undefined && cached.generation !== this.generation) {
      const analysedText = cached.analysis.texts?.get(file);
      if (analysedText !== undefined && lineCount(analysedText) === lineCount(text)) return cached.analysis;
    }
    return this.analysisOf(file);
  }

  /** The parse of one file as seen by the analysis of that file. */
  parseOf(file: string): ParseResult | undefined {
    return this.analysisOf(file).files.get(file);
  }

  /**
   * The open documents whose last analysis read `file` (through imports),
   * the file itself first when it is open: whose diagnostics an edit of
   * `file` can change. Reading counts when nothing was found: an importer
   * of a missing file depends on it appearing (opened, or created on disk).
   * `closed` adds files that are not open (the indexed files of the
   * workspace folders) on the same terms.
   */
  openDependentsOf(file: string, closed: Iterable<string> = []): string[] {
    const dependents = this.isOpen(file) ? [file] : [];
    const candidates = new Set([...this.openFiles(), ...closed]);
    for (const candidate of candidates) {
      if (candidate === file && this.isOpen(file)) continue;
      const cached = this.cache.get(candidate);
      if (!cached || cached.reads.has(file)) dependents.push(candidate);
    }
    return dependents;
  }

  /**
   * Analyses of every open document that read `file` (a portfolio through
   * the agreements it uses), the file's own first;
   * `closed` adds files that are not open (the indexed workspace files), read
   * from disk, so references and rename reach the files nobody opened.
   */
  analysesReading(file: string, closed: Iterable<string> = []): Analysis[] {
    const result: Analysis[] = [];
    const others = new Set([...this.openFiles(), ...closed]);
    others.delete(file);
    for (const other of [file, ...others]) {
      const analysis = this.analysisOf(other);
      if (analysis.files.has(file) || usesAgreementReading(analysis, file)) result.push(analysis);
    }
    return result;
  }

  /** Forgets the analysis of a file that is neither open nor indexed any more. */
  forget(file: string): void {
    if (this.isOpen(file)) return;
    this.cache.delete(file);
    this.parses.delete(file);
  }
}

/** Whether `analysis` is of a portfolio that uses an agreement reading `file` (its `with` lines name that file's params). */
function usesAgreementReading(analysis: Analysis, file: string): boolean {
  return [...(analysis.portfolioMembers?.values() ?? [])].some((member) => member.files.has(file));
}

/**
 * `host`, noting in `reads` every file read and what it gave, and in
 * `identities` every identity asked for (its reasons pass through, for SLA2010).
 */
function recording(
  host: SourceHost,
  reads: Map<string, string | undefined>,
  identities: Map<string, string | undefined>,
): SourceHost {
  return {
    readFile(file: string): string | undefined {
      const text = host.readFile(file);
      reads.set(file, text);
      return text;
    },
    fileIdentity(file: string): string | undefined {
      const identity = host.fileIdentity?.(file);
      identities.set(file, identity);
      return identity;
    },
    unreadableReason: (file) => host.unreadableReason?.(file) ?? 'it cannot be read',
  };
}

function lineCount(text: string): number {
  return splitLines(text).length;
}
