import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { completion, completionTriggerCharacters } from '../services/completion.js';
import { withoutSnippets } from '../services/snippet-text.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentRequest } from './request.js';

/** Completion of the words that fit where the cursor is; snippets only to clients that support them. */
export const registerCompletion: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onCompletion(
    documentRequest(
      connection,
      manager,
      'completion',
      [],
      (document, { position, context }) => {
        const items = completion(document, position, context?.triggerCharacter);
        return supportsSnippets(manager.clientCapabilities) ? items : withoutSnippets(items);
      },
      'recent',
    ),
  );
  return { completionProvider: { triggerCharacters: completionTriggerCharacters } };
};

function supportsSnippets(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
}
