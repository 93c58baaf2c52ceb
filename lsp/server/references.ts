import type { Connection } from 'vscode-languageserver';
import { references } from '../services/references.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt, otherAnalyses } from './feature-context.js';
import { guard } from './guard.js';

/** Find references, across imports and the open files that import this one. */
export const registerReferences: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onReferences(
    guard(connection, 'references', [], ({ textDocument, position, context }) => {
      const document = documentAt(manager, textDocument.uri);
      if (!document) return [];
      return references(document, position, context.includeDeclaration, otherAnalyses(manager, document.file));
    }),
  );
  return { referencesProvider: true };
};
