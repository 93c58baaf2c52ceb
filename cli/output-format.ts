import { extname } from 'node:path';
import type { DocumentFormat } from '../compiler/compile.js';
import { printableText } from '../language/diagnostics/diagnostic.js';
import { UserError } from './user-error.js';

/** The document formats an output file's extension names. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, DocumentFormat>> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md' };

const FORMAT_NAMES: Readonly<Record<DocumentFormat, string>> = { pdf: 'a PDF', html: 'an HTML page', md: 'a Markdown file' };

/**
 * The format of `slac compile -o FILE`: `slac compile a.sla -o a.md` wrote a
 * PDF into a.md, since --format defaults to pdf. Without --format, the
 * extension decides (.pdf, .html/.htm, .md/.markdown), as pandoc's does; a
 * --format that contradicts it is refused rather than followed; any other
 * name (none, `.txt`, a folder of a portfolio) keeps `format`.
 */
export function documentFormatFor(output: string | undefined, format: DocumentFormat, formatGiven: boolean): DocumentFormat {
  if (output === undefined) return format;
  const named = FORMAT_OF_EXTENSION[extname(output).toLowerCase()];
  if (named === undefined || named === format) return format;
  if (!formatGiven) return named;
  throw new UserError(`-o ${printableText(output)} names ${FORMAT_NAMES[named]}, but --format ${format} writes ${FORMAT_NAMES[format]}: give --format ${named}, or an output name ending in .${format}.`);
}

const EMITTED: Readonly<Record<'model' | 'evaluator', { what: string; extension: string }>> = {
  model: { what: 'the compiled model (JSON)', extension: '.sla.json' },
  evaluator: { what: 'a JavaScript module', extension: '.evaluator.mjs' },
};

/**
 * `slac compile a.sla --emit model -o a.pdf` wrote JSON into a.pdf: --emit
 * writes no document, so an -o named as one contradicts it, as --format does.
 */
export function refuseDocumentNameForEmit(output: string | undefined, emit: 'model' | 'evaluator'): void {
  const named = output === undefined ? undefined : FORMAT_OF_EXTENSION[extname(output).toLowerCase()];
  if (named === undefined) return;
  const { what, extension } = EMITTED[emit];
  throw new UserError(`-o ${printableText(output!)} names ${FORMAT_NAMES[named]}, but --emit ${emit} writes ${what}: give an output name ending in ${extension}.`);
}
