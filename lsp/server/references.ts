import type { Connection } from 'vscode-languageserver';
import { references } from '../services/references.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { otherAnalyses } from './feature-context.js';
import { documentRequest } from './request.js';

/** Find references, across imports and the files (open or not) that import this one. */
export const registerReferences: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onReferences(
    documentRequest(connection, manager, 'references', [], (document, { position, context }) =>
      references(document, position, context.includeDeclaration, otherAnalyses(manager, document.file)),
    ),
  );
  return { referencesProvider: true };
};
