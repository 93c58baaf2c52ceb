import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Files are absolute paths, or URIs for editor buffers the language server
// has not saved; imports resolve the same way in both.
// A scheme of two letters or more, so that `C:\` stays a Windows path.
const uriPattern = /^[a-z][a-z0-9+.-]+:/i;

/** Whether `file` is a URI (an editor buffer), not a path. */
export function isUri(file: string): boolean {
  return uriPattern.test(file);
}

/** The absolute form of an entry file given on the command line or by the editor. */
export function absoluteFile(file: string, cwd: string = process.cwd()): string {
  return isUri(file) || isAbsolute(file) ? file : resolve(cwd, file);
}

/** The file an `import "path"` in `importer` names: relative to the importer's folder. */
export function resolveImport(importer: string, importPath: string): string {
  if (isUri(importer)) {
    try {
      return new URL(importPath, importer).toString();
    } catch {
      return importPath; // `untitled:` buffers have no folder; the import is then not found
    }
  }
  return resolve(dirname(importer), importPath);
}

/** `file` as seen from the entry file's folder, with forward slashes (`corporate.sla`). */
export function pathFromEntry(entry: string, file: string): string {
  if (isUri(entry) && isUri(file)) {
    if (entry.startsWith('file:') && file.startsWith('file:')) return pathFromEntry(fileURLToPath(entry), fileURLToPath(file));
    return file === entry ? basename(entry.replace(/^[^:]*:/, '')) : file;
  }
  return relative(dirname(entry), file).split('\\').join('/');
}

/**
 * Whether an import or a portfolio's agreement path names a `.sla` file:
 * only those are ever opened, so that a `.env` or a key file named by
 * mistake (or on purpose) is never read and echoed in error messages.
 */
export function isSlaPath(path: string): boolean {
  return path.toLowerCase().endsWith('.sla');
}
