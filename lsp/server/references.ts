import type { Connection } from 'vscode-languageserver';
import { references } from '../services/references.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { readersOf } from './feature-context.js';
import { documentRequest } from './request.js';

/** Find references, across imports, the files (open or not) that import this one and the portfolios using it. */
export const registerReferences: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onReferences(
    documentRequest(
      connection,
      manager,
      'references',
      [],
      (document, { position, context }) => references(document, position, context.includeDeclaration, (file) => readersOf(manager, file)),
      'fresh',
      true,
    ),
  );
  return { referencesProvider: true };
};
