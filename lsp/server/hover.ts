import type { Connection } from 'vscode-languageserver';
import { hover } from '../services/hover.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Hover: what a keyword means, what a name is, what an objective or target allows. */
export const registerHover: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onHover(
    guard(connection, 'hover', null, ({ textDocument, position }) => {
      const document = documentAt(manager, textDocument.uri);
      return document ? hover(document, position) : null;
    }),
  );
  return { hoverProvider: true };
};
