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
 * The `sla.params` setting as name → value strings for one agreement file.
 * A plain entry (`"ClientName": "Acme"`) applies to every agreement; an
 * entry named after an `.sla` file, whose value is an object, applies to that
 * file, named by a key from `fileKeys` (its path relative to the workspace
 * folder, or its file name:
 * `"hosting.sla": { "ClientName": "Hosting Co" }`), and wins over the plain
 * ones. Other entries that are not plain values are skipped (a settings file is
 * hand-edited; a bad entry should not stop the compile) and returned so
 * they can be reported.
 */
export function paramsFromSetting(setting: unknown, fileKeys: readonly string[] = []): { params: Record<string, string>; ignored: string[] } {
  const params: Record<string, string> = {};
  const ignored: string[] = [];
  if (!isRecord(setting)) return { params, ignored };
  const perFile: Record<string, unknown>[] = [];
  for (const [name, value] of Object.entries(setting)) {
    if (isPlainValue(value)) params[name] = String(value);
    else if (isRecord(value) && name.toLowerCase().endsWith('.sla')) {
      if (fileKeys.includes(name)) perFile.push(value);
    } else ignored.push(name);
  }
  for (const values of perFile) {
    for (const [name, value] of Object.entries(values)) {
      if (isPlainValue(value)) params[name] = String(value);
      else ignored.push(name);
    }
  }
  return { params, ignored };
}

/** The params an agreement declares, out of those configured; the others are named so they can be reported. */
export function declaredOnly(params: Readonly<Record<string, string>>, declared: ReadonlySet<string>): { params: Record<string, string>; skipped: string[] } {
  const kept: Record<string, string> = {};
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (declared.has(name)) kept[name] = value;
    else skipped.push(name);
  }
  return { params: kept, skipped };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isPlainValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
