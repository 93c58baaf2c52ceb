import type { Analysis } from '../services/language.js';
import { serviceDocument, type ServiceDocument } from '../services/document.js';
import type { DocumentManager } from './documents.js';

/** The service view of the open document at `uri`, or undefined when it is not open. */
export function documentAt(manager: DocumentManager, uri: string, freshness: 'fresh' | 'recent' = 'fresh'): ServiceDocument | undefined {
  const file = manager.fileOf(uri);
  if (file === undefined) return undefined;
  return serviceDocument(manager.workspace, file, (f) => manager.uriOf(f), freshness, manager.now);
}

/**
 * The analyses of the documents that read `file`, open or indexed in the
 * workspace folders, the file's own first (for references and rename).
 */
export function readersOf(manager: DocumentManager, file: string): Analysis[] {
  return manager.workspace.analysesReading(file, manager.closedIndexedFiles());
}
