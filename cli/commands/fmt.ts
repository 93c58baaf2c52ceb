import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';
import { formatText } from '../../language/format/index.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import type { CommandContext } from '../main.js';
import { displayPath, printDiagnostics } from '../print-diagnostics.js';
import { UserError } from '../user-error.js';

interface FmtOptions {
  check?: boolean;
}

function readSource(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UserError(`cannot read ${shown}: ${reason}.`);
  }
}

/**
 * `slac fmt FILE... [--check]`: rewrites each file in the canonical layout
 * (only files that change are written). With `--check` nothing is written and
 * the exit code is 1 when a file would change. A file with syntax errors is
 * left alone and reported; the exit code is then 2.
 */
export function registerFmt(program: Command, context: CommandContext): void {
  program
    .command('fmt')
    .description('Format .sla files in the canonical layout, keeping every comment.')
    .argument('<files...>', '.sla files to format')
    .option('--check', 'write nothing; exit 1 when a file is not formatted')
    .action((files: string[], options: FmtOptions) => {
      const { io } = context;
      const sources = files.map((file) => {
        const absolute = absoluteFile(file, io.cwd);
        const shown = displayPath(absolute, io.cwd);
        return { absolute, shown, text: readSource(absolute, shown) };
      });
      const broken: Diagnostic[] = [];
      const changed: string[] = [];
      for (const source of sources) {
        const result = formatText(source.text, source.absolute);
        if (result.diagnostics.length > 0) broken.push(...result.diagnostics);
        else if (result.changed) {
          if (!options.check) writeFileSync(source.absolute, result.text);
          changed.push(source.shown);
        }
      }
      for (const file of changed) io.stdout(options.check ? `would reformat ${file}\n` : `formatted ${file}\n`);
      const unchanged = sources.length - changed.length - new Set(broken.map((d) => d.file)).size;
      if (unchanged > 0) io.stdout(`${unchanged} file${unchanged === 1 ? '' : 's'} already formatted\n`);
      if (broken.length > 0) {
        const texts = new Map(sources.map((source) => [source.absolute, source.text]));
        printDiagnostics(broken, io, { format: 'text', cwd: io.cwd, readSource: (file) => texts.get(file), stream: 'stderr' });
        io.stderr('slac fmt leaves files with syntax errors unchanged.\n');
        context.exitCode = 2;
      } else if (options.check && changed.length > 0) {
        context.exitCode = 1;
      }
    });
}
