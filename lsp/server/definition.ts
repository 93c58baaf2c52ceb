import type { Connection } from 'vscode-languageserver';
import { definition } from '../services/definition.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Go to definition, across imports. */
export const registerDefinition: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onDefinition(
    documentRequest(connection, manager, 'definition', [], (document, { position }) => definition(document, position)),
  );
  return { definitionProvider: true };
};
