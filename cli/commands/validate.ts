import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../language/diagnostics/diagnostic.js';
import { analyze, isPortfolioAnalysis, loadPortfolio, nodeSourceHost } from '../../language/workspace/index.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics, type DiagnosticFormat } from '../print-diagnostics.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { refuseStdin } from '../files.js';
import { CliSources, refuseLogAsAgreement } from '../source-files.js';
import { unusedTermDiagnosticsOfModel } from '../../compiler/unused-terms.js';
import type { AgreementModel } from '../../language/model/model.js';
import type { SourceHost } from '../../language/workspace/source-host.js';

/**
 * `slac validate FILE...`: reports every problem of the files and what they
 * import; for a portfolio, of every agreement it uses too.
 */
export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('Check .sla files (and the files they import) and report every problem.')
    .argument('<files...>', '.sla files to check')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--allow-import-outside', "let imports and holiday files reach outside each file's folder")
    .action((files: string[], options: { format: DiagnosticFormat; allowImportOutside?: boolean }) => {
      const { io } = context;
      refuseStdin(files);
      for (const file of files) refuseLogAsAgreement(absoluteFile(file, io.cwd), file, "slac validate reads an agreement's .sla files");
      const texts = new Map<string, string>();
      const seen = new Set<string>();
      const diagnostics: Diagnostic[] = [];
      for (const file of files) {
        const entry = absoluteFile(file, io.cwd);
        const { host } = new CliSources(entry, options.allowImportOutside === true, io.cwd);
        const analysis = analyze(entry, host);
        for (const [name, text] of analysis.texts) texts.set(name, text);
        const found = isPortfolioAnalysis(analysis) ? portfolioDiagnostics(analysis.entry, host) : [...analysis.diagnostics, ...termWarnings(analysis.model, entry, host)];
        for (const diagnostic of found) {
          // A file imported by two entries is reported once.
          const key = JSON.stringify([diagnostic.file, diagnostic.range, diagnostic.code, diagnostic.message]);
          if (!seen.has(key)) diagnostics.push(diagnostic);
          seen.add(key);
        }
      }
      printDiagnostics(sortDiagnostics(diagnostics), io, {
        format: options.format,
        cwd: io.cwd,
        // A portfolio's agreements are not among the analysed texts.
        readSource: (name) => texts.get(name) ?? nodeSourceHost.readFile(name),
        files: files.map((file) => absoluteFile(file, io.cwd)),
      });
      context.exitCode = hasErrors(diagnostics) ? 2 : 0;
    });
}

/** A portfolio's problems, and the terms its agreements define and never use (each agreement file once). */
function portfolioDiagnostics(entry: string, host: SourceHost): Diagnostic[] {
  const { model: portfolio, diagnostics } = loadPortfolio(entry, host);
  if (!portfolio) return diagnostics;
  const members = [...portfolio.clients, ...(portfolio.others ? [portfolio.others] : [])];
  const judged = new Map(members.map((member) => [resolve(dirname(entry), member.path), member.agreement]));
  return [...diagnostics, ...[...judged].flatMap(([agreement, model]) => termWarnings(model, agreement, host))];
}

/**
 * SLA5005, which `slac compile` gives too: an author's term the document
 * would define and never use. Judged only on an agreement without errors
 * (the model is built then).
 */
function termWarnings(model: AgreementModel | undefined, entry: string, host: SourceHost): Diagnostic[] {
  return model ? unusedTermDiagnosticsOfModel(model, entry, (file) => host.readFile(file)) : [];
}
