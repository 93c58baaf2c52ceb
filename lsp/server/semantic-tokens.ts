import type { Connection } from 'vscode-languageserver';
import { semanticTokens, semanticTokensLegend } from '../services/semantic-tokens.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Semantic colouring: names coloured by what they name. */
export const registerSemanticTokens: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.languages.semanticTokens.on(
    documentRequest(connection, manager, 'semanticTokens', { data: [] }, (document) => semanticTokens(document)),
  );
  return { semanticTokensProvider: { legend: semanticTokensLegend, full: true } };
};
