// The command lines the extension gives the bundled CLI. Free of the
// `vscode` module so tests can check them against the CLI's real options.
import { basename, dirname, extname, join } from 'node:path';

/** One compile of one agreement file to one output format. */
export interface CompileRequest {
  file: string;
  format: 'pdf' | 'html';
  out: string;
  /** `--param Name=value` pairs; params left out render as blanks to fill. */
  params: Readonly<Record<string, string>>;
}

/** The `slac` arguments for a compile: `compile FILE --format F --output PATH --param N=V...`. */
export function compileArgs(request: CompileRequest): string[] {
  const params = Object.entries(request.params).flatMap(([name, value]) => ['--param', `${name}=${value}`]);
  return ['compile', request.file, '--format', request.format, '--output', request.out, ...params];
}

/** Where the PDF of `file` goes: next to it, same name, `.pdf` (`hosting.sla` → `hosting.pdf`). */
export function pdfPathFor(file: string): string {
  const extension = extname(file);
  const stem = extension.toLowerCase() === '.sla' ? basename(file, extension) : basename(file);
  return join(dirname(file), `${stem}.pdf`);
}

/**
 * The `sla.params` setting as name → value strings, skipping entries that
 * are not plain values (a settings file is hand-edited; a bad entry should
 * not stop the compile) and returning what was skipped so it can be reported.
 */
export function paramsFromSetting(setting: unknown): { params: Record<string, string>; ignored: string[] } {
  const params: Record<string, string> = {};
  const ignored: string[] = [];
  if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) return { params, ignored };
  for (const [name, value] of Object.entries(setting)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[name] = String(value);
    else ignored.push(name);
  }
  return { params, ignored };
}
