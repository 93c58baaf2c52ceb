import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../services/rename.js';
import type { FeatureRegistration } from './server.js';
import type { DocumentManager } from './documents.js';
import { documentAt, otherAnalyses } from './feature-context.js';
import { guard } from './guard.js';

/** Rename a declared name everywhere, refusing names that are taken or not names. */
export const registerRename: FeatureRegistration = (connection: Connection, manager: DocumentManager) => {
  connection.onPrepareRename(
    guard(connection, 'prepareRename', null, ({ textDocument, position }) => {
      const document = documentAt(manager, textDocument.uri);
      if (!document) return null;
      const prepared = prepareRename(document, position);
      if ('refused' in prepared) throw new ResponseError(ErrorCodes.InvalidRequest, prepared.refused);
      return prepared;
    }),
  );
  connection.onRenameRequest(
    guard(connection, 'rename', null, ({ textDocument, position, newName }) => {
      const document = documentAt(manager, textDocument.uri);
      if (!document) return null;
      const edit = rename(document, position, newName, otherAnalyses(manager, document.file));
      if ('refused' in edit) throw new ResponseError(ErrorCodes.InvalidRequest, edit.refused);
      return edit;
    }),
  );
  return { renameProvider: { prepareProvider: true } };
};
