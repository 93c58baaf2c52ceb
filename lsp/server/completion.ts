import type { Connection } from 'vscode-languageserver';
import { completion, completionTriggerCharacters } from '../services/completion.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Completion of the words that fit where the cursor is. */
export const registerCompletion: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onCompletion(
    documentRequest(connection, manager, 'completion', [], (document, { position, context }) => completion(document, position, context?.triggerCharacter), 'recent'),
  );
  return { completionProvider: { triggerCharacters: completionTriggerCharacters } };
};
