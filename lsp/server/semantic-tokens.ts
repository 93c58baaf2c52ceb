import type { Connection } from 'vscode-languageserver';
import { semanticTokens, semanticTokensLegend } from '../services/semantic-tokens.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Semantic colouring: names coloured by what they name. */
export const registerSemanticTokens: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.languages.semanticTokens.on(
    guard(connection, 'semanticTokens', { data: [] }, ({ textDocument }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? semanticTokens(document) : { data: [] };
    }),
  );
  return { semanticTokensProvider: { legend: semanticTokensLegend, full: true } };
};
