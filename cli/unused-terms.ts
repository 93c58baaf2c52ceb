import type { AgreementDocument } from '../compiler/document/document.js';
import { unusedTermDiagnostics } from '../compiler/unused-terms.js';
import type { AgreementModel } from '../language/model/model.js';
import { nodeSourceHost } from '../language/workspace/index.js';
import type { CommandContext } from './main.js';
import { printDiagnostics } from './print-diagnostics.js';

/**
 * SLA5005 for every document format: an author's term the document defines
 * and never uses, at its declaration. A warning, so the document is still
 * written, but never silently.
 */
export function warnOfUnusedTerms(check: { model: AgreementModel; entry: string; document: AgreementDocument }, context: CommandContext): void {
  const readSource = (file: string): string | undefined => nodeSourceHost.readFile(file);
  const diagnostics = unusedTermDiagnostics({ ...check, readSource });
  if (diagnostics.length === 0) return;
  printDiagnostics(diagnostics, context.io, { format: 'text', cwd: context.io.cwd, readSource, stream: 'stderr' });
}
