import type { ClientCapabilities, Connection, InitializeParams } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { fileOfUri, isFileUri } from '../services/uri.js';
import type { DocumentManager } from './documents.js';

/** The folders a client opened: its workspace folders, else its root (older clients). */
export function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  if (!uris.length && params.rootPath) return [params.rootPath];
  return uris.filter(isFileUri).map(fileOfUri);
}

/**
 * Indexes the workspace folders of the session and keeps the index up to
 * date: watched-file events (the client watches `**\/*.sla`, registered
 * here when it can register watchers dynamically) add, drop and re-read
 * files. `onIndexed` runs once the first scan is done.
 */
export function watchWorkspaceFolders(connection: Connection, manager: DocumentManager, onIndexed: () => void): {
  initialize(params: InitializeParams): void;
} {
  let folders: string[] = [];
  let capabilities: ClientCapabilities = {};
  connection.onInitialized(() => {
    manager.index.addFolders(folders);
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.sla' }] })
        .catch(() => undefined);
    }
    onIndexed();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const file = fileOfUri(change.uri);
      if (change.type === FileChangeType.Created) manager.diskCreated(file);
      else if (change.type === FileChangeType.Deleted) manager.diskDeleted(file);
      else manager.diskChanged(file);
    }
  });
  return {
    initialize(params) {
      folders = workspaceFolderPaths(params);
      capabilities = params.capabilities ?? {};
    },
  };
}
