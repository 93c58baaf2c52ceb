import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';
import { formatKeepingLineEndings } from '../../language/format/index.js';
import { absoluteFile } from '../../language/workspace/paths.js';
import { readTextFile } from '../../language/workspace/source-host.js';
import { refuseStdin, writeOutputFile } from '../files.js';
import type { CommandContext } from '../main.js';
import { printDiagnostics, shownPath } from '../print-diagnostics.js';
import { isLogFile } from '../source-files.js';

interface FmtOptions {
  check?: boolean;
}

interface FmtSource {
  absolute: string;
  shown: string;
  text: string;
  /** Whether the file starts with a byte order mark, which the decoded text leaves out and a rewrite puts back. */
  byteOrderMark: boolean;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The files that can be read, each once; each one that cannot is reported
 * and left out. A file named twice (`x.sla ./x.sla`) is read once: read
 * twice, its errors were printed twice and its second copy counted as a
 * file already formatted.
 */
function readSources(files: readonly string[], context: CommandContext): FmtSource[] {
  const sources: FmtSource[] = [];
  const named = new Set<string>();
  for (const file of files) {
    const absolute = absoluteFile(file, context.io.cwd);
    // resolve() also reads `/x/./a.sla` as `/x/a.sla`, which absoluteFile leaves as written.
    const key = resolve(absolute);
    if (named.has(key)) continue;
    named.add(key);
    const shown = shownPath(absolute, context.io.cwd);
    if (isLogFile(absolute)) {
      // Formatted as .sla it would only be reported as thousands of syntax errors.
      context.io.stderr(`slac: ${shown} is a log, not an agreement: slac fmt formats .sla files; left as it is.\n`);
      context.exitCode = 2;
      continue;
    }
    const read = readTextFile(absolute);
    if (read.text === undefined) {
      context.io.stderr(`slac: cannot read ${shown}: ${read.reason}.\n`);
      context.exitCode = 2;
    } else sources.push({ absolute, shown, text: read.text, byteOrderMark: read.byteOrderMark });
  }
  return sources;
}

/**
 * `slac fmt FILE... [--check]`: rewrites each file in the canonical layout
 * (only files that change are written). With `--check` nothing is written and
 * the exit code is 1 when a file would change. A file with syntax errors, or
 * one that cannot be read, is left alone and reported while the others are
 * still formatted; the exit code is then 2.
 */
export function registerFmt(program: Command, context: CommandContext): void {
  program
    .command('fmt')
    .description('Format .sla files in the canonical layout, keeping every comment.')
    .argument('<files...>', '.sla files to format')
    .option('--check', 'write nothing; exit 1 when a file is not formatted')
    .action((files: string[], options: FmtOptions) => {
      const { io } = context;
      refuseStdin(files);
      const sources = readSources(files, context);
      const broken: Diagnostic[] = [];
      const changed: string[] = [];
      for (const source of sources) {
        // CRLF files stay CRLF (a Windows checkout): `--check` passes them, a rewrite keeps them.
        const result = formatKeepingLineEndings(source.text, source.absolute);
        if (result.diagnostics.length > 0) for (const diagnostic of result.diagnostics) broken.push(diagnostic);
        else {
          if (!result.changed) continue;
          const { text } = result;
          // An editor that wrote the mark expects it kept, as the language server's formatting keeps it.
          if (!options.check) writeOutputFile(source.absolute, source.shown, source.byteOrderMark ? BYTE_ORDER_MARK + text : text);
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
      } else if (context.exitCode === 0 && options.check && changed.length > 0) {
        context.exitCode = 1;
      }
    });
}
