import type { Connection } from 'vscode-languageserver';
import { definition } from '../services/definition.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Go to definition, across imports. */
export const registerDefinition: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDefinition(
    guard(connection, 'definition', [], ({ textDocument, position }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? definition(document, position) : [];
    }),
  );
  return { definitionProvider: true };
};
