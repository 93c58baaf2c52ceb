import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../services/rename.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { readersOf } from './feature-context.js';
import { documentRequest } from './request.js';

/**
 * Rename a declared name everywhere, the files nobody opened included (the
 * client writes those through the WorkspaceEdit), refusing names that are
 * taken or not names.
 */
export const registerRename: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onPrepareRename(
    documentRequest(connection, manager, 'prepareRename', null, (document, { position }) => {
      const prepared = prepareRename(document, position);
      if ('refused' in prepared) throw new ResponseError(ErrorCodes.InvalidRequest, prepared.refused);
      return prepared;
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
        if ('refused' in edit) throw new ResponseError(ErrorCodes.InvalidRequest, edit.refused);
        return edit;
      },
      'fresh',
      true,
    ),
  );
  return { renameProvider: { prepareProvider: true } };
};
