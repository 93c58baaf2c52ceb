import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The file name the language stage uses for a document URI: an absolute path
 * for `file:` URIs (so imports resolve against the folder), the URI itself
 * for unsaved buffers such as `untitled:Untitled-1`.
 */
export function fileOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return resolve(fileURLToPath(uri));
    } catch {
      return uri;
    }
  }
  return uri;
}

/** The URI for a file name of the language stage; the inverse of `fileOfUri`. */
export function uriOfFile(file: string): string {
  return isAbsolute(file) ? pathToFileURL(file).href : file;
}
