import type { ClientCapabilities, Connection, InitializeParams } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, FileChangeType, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { fileOfUri, isFileUri } from '../services/uri.js';
import type { DocumentManager } from './documents.js';
import { logFailure } from './guard.js';
import { indexLimitReporter } from './index-limits.js';

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
 * files. The scan reads a folder at a time, so requests (hover, completion
 * on an open document) are answered while it runs; requests over the whole
 * workspace (references, rename, workspace symbols) wait for it to end
 * (`indexScanned`). When it ends, a log message says
 * how many files it indexed and a warning names any limit it hit;
 * `onIndexed` then runs.
 */
export function watchWorkspaceFolders(connection: Connection, manager: DocumentManager, onIndexed: () => void): {
  initialize(params: InitializeParams): void;
} {
  let folders: string[] = [];
  let capabilities: ClientCapabilities = {};
  const reportLimits = indexLimitReporter(connection, manager.index);
  // Limits are told once the first scan has ended, all it left out together.
  let scanned = false;
  connection.onInitialized(async () => {
    // Set here, after initialize: the library sets its own handler there, which this one replaces.
    connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) => void foldersChanged(params?.event));
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.sla' }] })
        .catch(() => undefined);
    }
    try {
      await manager.index.addFolders(folders);
    } catch (error) {
      logFailure(connection, 'workspace index', error);
    }
    if (folders.length) connection.console.info(`slac: indexed ${manager.index.size} .sla files of the workspace folders`);
    scanned = true;
    reportLimits();
    onIndexed();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const file = fileOfUri(change.uri);
      if (change.type === FileChangeType.Created) manager.diskCreated(file);
      else if (change.type === FileChangeType.Deleted) manager.diskDeleted(file);
      else manager.diskChanged(file);
    }
    if (scanned) reportLimits();
  });
  /**
   * Folders added or removed while the session runs (VS Code's "Add Folder
   * to Workspace"): imports are confined to the folders as they are now,
   * the removed folders' files leave the index and the added ones' join it.
   */
  const foldersChanged = async (event: WorkspaceFoldersChangeEvent | undefined): Promise<void> => {
    const paths = (list: { uri: string }[] | undefined) => (list ?? []).map((folder) => folder.uri).filter(isFileUri).map(fileOfUri);
    const removed = paths(event?.removed);
    const added = paths(event?.added).filter((folder) => !folders.includes(folder));
    folders = [...folders.filter((folder) => !removed.includes(folder)), ...added];
    try {
      manager.workspace.setRoots(folders);
      manager.foldersChanged(await manager.index.removeFolders(removed));
      await manager.index.addFolders(added);
    } catch (error) {
      logFailure(connection, 'workspace folders', error);
    }
    if (scanned) reportLimits();
    onIndexed();
  };
  return {
    initialize(params) {
      folders = workspaceFolderPaths(params);
      capabilities = params.capabilities ?? {};
    },
  };
}
