import type { AgreementModel } from '../language/model/model.js';
import { CompileError } from './errors.js';

/**
 * The largest agreement `slac compile` lays out (docs/language.md
 * "Limits"). The targets are a table of metrics by severity, so its size
 * is their product: 3,000 of each gave nine million cells and ran out of
 * memory. These limits are far beyond a real agreement (a handful of
 * severities, a dozen metrics) and keep any document to a few megabytes.
 */
export const DOCUMENT_LIMITS = { severities: 200, metrics: 200, channels: 200, targetCells: 10_000 } as const;

/** Refuses, with a CompileError naming the count and the limit, an agreement too large to lay out. */
export function checkDocumentSize(model: AgreementModel): void {
  const counts = { severities: model.severities.length, metrics: model.metrics.length, channels: model.channels.length };
  for (const [what, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
    if (count > DOCUMENT_LIMITS[what]) {
      throw new CompileError(`The agreement declares ${count} ${what}; a document has at most ${DOCUMENT_LIMITS[what]}.`);
    }
  }
  const cells = counts.metrics * (counts.severities + counts.channels);
  if (cells > DOCUMENT_LIMITS.targetCells) {
    throw new CompileError(
      `The agreement's targets make a table of ${cells} cells (${counts.metrics} metrics by ${counts.severities} severities and ${counts.channels} channels); a document has at most ${DOCUMENT_LIMITS.targetCells}.`,
    );
  }
}
