import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../services/folding.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Folding of blocks, text blocks and comment runs. */
export const registerFolding: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onFoldingRanges(
    documentRequest(connection, manager, 'foldingRange', [], (document) => foldingRanges(document)),
  );
  return { foldingRangeProvider: true };
};
