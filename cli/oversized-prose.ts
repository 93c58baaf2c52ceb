import { proseLimitDiagnostics } from '../compiler/prose-limits.js';
import type { AgreementModel } from '../language/model/model.js';
import { nodeSourceHost } from '../language/workspace/index.js';
import type { CommandContext } from './main.js';
import { printDiagnostics } from './print-diagnostics.js';

/**
 * Prints SLA5003 for each text block too long to lay out and SLA5004 for
 * each agreement with too much prose in all, at the text block or string
 * that passes the limit (once, when several agreements of a portfolio
 * share the file) and sets exit status 2; true when there
 * was one, and no document is to be written.
 */
export function refuseOversizedProse(agreements: readonly { model: AgreementModel; entry: string }[], context: CommandContext): boolean {
  const readSource = (file: string): string | undefined => nodeSourceHost.readFile(file);
  const byPlace = new Map(
    agreements
      .flatMap(({ model, entry }) => proseLimitDiagnostics(model, entry, readSource))
      .map((diagnostic) => [`${diagnostic.code}:${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.character}`, diagnostic]),
  );
  if (byPlace.size === 0) return false;
  printDiagnostics([...byPlace.values()], context.io, { format: 'text', cwd: context.io.cwd, readSource, stream: 'stderr' });
  context.exitCode = 2;
  return true;
}
