import type { Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../services/rename.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { readersOf } from './feature-context.js';
import { documentRequest } from './request.js';

/**
 * Rename a declared name everywhere, the files nobody opened included (the
 * client writes those through the WorkspaceEdit), refusing names that are
 * taken or not names. A refused rename answers a valid request that cannot
 * be carried out: RequestFailed (-32803, LSP 3.17) with why, which the
 * editor shows; InvalidRequest (-32600) is for a message that is no valid
 * request. prepareRename where no rename is valid answers null, as LSP 3.17
 * says (and clients expect: an error reads as a server without prepareRename).
 */
export const registerRename: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onPrepareRename(
    documentRequest(connection, manager, 'prepareRename', null, (document, { position }) => {
      const prepared = prepareRename(document, position);
      // LSP 3.17: null says no rename is valid here (Neovim: "nothing to rename"); an error is for a failure.
      return 'refused' in prepared ? null : prepared;
    }),
  );
  connection.onRenameRequest(
    documentRequest(
      connection,
      manager,
      'rename',
      null,
      (document, { position, newName }) => {
        const edit = rename(document, position, newName, (file) => readersOf(manager, file));
        if ('refused' in edit) throw new ResponseError(LSPErrorCodes.RequestFailed, edit.refused);
        return edit;
      },
      'fresh',
      true,
    ),
  );
  return { renameProvider: { prepareProvider: true } };
};
