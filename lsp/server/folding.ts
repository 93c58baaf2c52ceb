import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../services/folding.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Folding of blocks, text blocks and comment runs. */
export const registerFolding: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onFoldingRanges(
    guard(connection, 'foldingRange', [], ({ textDocument }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? foldingRanges(document) : [];
    }),
  );
  return { foldingRangeProvider: true };
};
