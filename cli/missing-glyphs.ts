import { missingGlyphDiagnostics, type GlyphCheck } from '../compiler/glyph-warnings.js';
import { nodeSourceHost } from '../language/workspace/index.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './print-diagnostics.js';

/**
 * SLA5002 before a PDF is printed (SLA5006 for a review pack): the
 * characters it has no font for, at the line that gives them. A warning:
 * the PDF is still written, since the boxes may be acceptable in a draft,
 * but never silently.
 */
export function warnOfMissingGlyphs(check: Omit<GlyphCheck, 'readSource'>, context: { io: CliIo }): void {
  const readSource = (file: string): string | undefined => nodeSourceHost.readFile(file);
  const diagnostics = missingGlyphDiagnostics({ ...check, readSource });
  if (diagnostics.length === 0) return;
  printDiagnostics(diagnostics, context.io, { format: 'text', cwd: context.io.cwd, readSource, stream: 'stderr' });
}
