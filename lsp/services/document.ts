import type { Declaration } from '../../language/syntax/ast.js';
import { rangeContains, type Position } from '../../language/syntax/range.js';
import type { Analysis, ParseResult } from './language.js';
import type { SlaWorkspace } from './workspace.js';

/**
 * What every language service works on: one open file, its text, its parse
 * and the analysis that has it as the entry file. `uriOf` names files the
 * way the client knows them.
 */
export interface ServiceDocument {
  file: string;
  text: string;
  parse: ParseResult;
  analysis: Analysis;
  uriOf(file: string): string;
  /** The analysis with another file as its entry (a portfolio's agreement), open buffers winning over the disk. */
  analysisOf(file: string): Analysis;
  /** Today, for hovers that speak of "this year": injectable so tests do not depend on the date. */
  now(): number;
  /**
   * Whether the analysis of this file may read `file`: inside its project
   * folder and a regular text file (or an open buffer), as imports are read.
   */
  canRead(file: string): boolean;
}

/**
 * The service view of an open file, analysed now if the workspace changed;
 * `recent` accepts the previous analysis after an edit that kept the line
 * count (see `SlaWorkspace.recentAnalysisOf`), for completion.
 */
export function serviceDocument(
  workspace: SlaWorkspace,
  file: string,
  uriOf: (file: string) => string,
  freshness: 'fresh' | 'recent' = 'fresh',
  now: () => number = Date.now,
): ServiceDocument | undefined {
  const text = workspace.text(file);
  if (text === undefined) return undefined;
  const analysis = freshness === 'fresh' ? workspace.analysisOf(file) : workspace.recentAnalysisOf(file);
  const parse = analysis.files.get(file);
  if (!parse) return undefined;
  const canRead = (other: string): boolean => workspace.readableFrom(file, other);
  return { file, text, parse, analysis, uriOf, analysisOf: (other) => workspace.analysisOf(other), now, canRead };
}

/** The top-level declaration whose range holds `position`, if any. */
export function declarationAt(document: ServiceDocument, position: Position): Declaration | undefined {
  return (document.parse.document?.declarations ?? []).find((d) => d?.range && rangeContains(d.range, position));
}
