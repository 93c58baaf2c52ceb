import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Whether a URI names a file on disk: `file:`, in any case (URI schemes are case-insensitive: `FILE:///x.sla`). */
export function isFileUri(uri: string): boolean {
  return /^file:/i.test(uri);
}

/**
 * The file name the language stage uses for a document URI: an absolute path
 * for `file:` URIs (so imports resolve against the folder), the same path
 * however the URI spells it (`x/./a.sla`, `x/%61.sla` and `FILE:///x/a.sla`
 * name the file of `file:///x/a.sla`), a URI with `//` for other schemes (`untitled:Untitled-1` becomes `untitled:///Untitled-1`),
 * which the workspace stage recognises as a URI rather than a relative path.
 */
export function fileOfUri(uri: string): string {
  if (isFileUri(uri)) {
    try {
      return resolve(fileURLToPath(uri));
    } catch {
      return uri;
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\/\/)/i.exec(uri);
  return scheme ? `${scheme[1]}:///${uri.slice(scheme[0].length).replace(/^\/+/, '')}` : uri;
}

/**
 * A URI for a file name of the language stage, for files the client has not
 * opened (an open file keeps the client's own URI, see DocumentManager).
 */
export function uriOfFile(file: string): string {
  return isAbsolute(file) ? pathToFileURL(file).href : file;
}
