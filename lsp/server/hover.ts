import type { Connection } from 'vscode-languageserver';
import { hover } from '../services/hover.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Hover: what a keyword means, what a name is, what an objective or target allows. */
export const registerHover: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onHover(
    documentRequest(connection, manager, 'hover', null, (document, { position }) => hover(document, position)),
  );
  return { hoverProvider: true };
};
