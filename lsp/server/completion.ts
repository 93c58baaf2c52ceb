import type { Connection } from 'vscode-languageserver';
import { completion, completionTriggerCharacters } from '../services/completion.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Completion of the words that fit where the cursor is. */
export const registerCompletion: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onCompletion(
    guard(connection, 'completion', [], ({ textDocument, position, context }) => {
      const document = documentAt(manager, textDocument.uri, 'recent');
      return document ? completion(document, position, context?.triggerCharacter) : [];
    }),
  );
  return { completionProvider: { triggerCharacters: completionTriggerCharacters } };
};
