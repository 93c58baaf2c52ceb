import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileOfUri, uriOfFile as fileUri } from '../services/uri.js';
import { WorkspaceIndex } from '../services/workspace-index.js';
import { SlaWorkspace } from '../services/workspace.js';

/** The language id of agreements; documents of any other language are not analysed. */
export const SLA_LANGUAGE_ID = 'sla';

/**
 * The open documents: the client's buffers (kept in sync incrementally by
 * `TextDocuments`) mirrored into the workspace overlay, and the URIs the
 * client used for each file, so answers point at the client's own URIs.
 * A file open under two URIs (`x/a.sla` and `x/./a.sla`) is one document:
 * closing one leaves the other open, with its own text.
 */
export class DocumentManager {
  readonly workspace = new SlaWorkspace();
  readonly documents = new TextDocuments(TextDocument);
  /** Every `.sla` file of the workspace folders, open or not. */
  readonly index = new WorkspaceIndex();
  /** The open URIs of each file, in the order they were opened: answers use the latest. */
  private readonly urisByFile = new Map<string, string[]>();
  private readonly changeListeners: ((file: string) => void)[] = [];
  private readonly closeListeners: ((uri: string) => void)[] = [];
  /**
   * What "today" is for hovers that list this year's holidays: the system
   * clock, unless the client fixed a day in its initialization options
   * (`{ "today": "2026-06-15" }`), as the tests do.
   */
  now: () => number = Date.now;
  /** What the client said it supports when it initialized: some answers depend on it (snippets in completion). */
  clientCapabilities: ClientCapabilities = {};
  /**
   * Requests about documents being answered now: validation waits while
   * there are any, so that a request sent with an edit is answered before
   * the edit's diagnostics are worked out.
   */
  requestsAnswering = 0;

  constructor(connection: Connection) {
    // Fired on open too, so this one listener keeps the overlay in step.
    this.documents.onDidChangeContent(({ document }) => this.sync(document));
    this.documents.onDidClose(({ document }) => this.closed(document));
    this.documents.listen(connection);
  }

  onChange(listener: (file: string) => void): void {
    this.changeListeners.push(listener);
  }

  onClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** The file name of an open document, or undefined when it is not open. */
  fileOf(uri: string): string | undefined {
    const file = fileOfUri(uri);
    return this.workspace.isOpen(file) ? file : undefined;
  }

  /** The URI to report a file under: the client's own when it is open. */
  uriOf(file: string): string {
    return this.urisByFile.get(file)?.at(-1) ?? fileUri(file);
  }

  /** Every URI a file is open under (its diagnostics go to each), or its own URI when it is not open. */
  urisOf(file: string): string[] {
    return this.urisByFile.get(file) ?? [fileUri(file)];
  }

  /** A file changed on disk (watched files): re-read everything not open. */
  diskChanged(file: string): void {
    this.workspace.invalidate();
    for (const listener of this.changeListeners) listener(file);
  }

  /** A watched file was created or deleted: index it or forget it, then re-read as for a change. */
  diskCreated(file: string): void {
    this.index.created(file);
    this.diskChanged(file);
  }

  diskDeleted(file: string): void {
    const wasIndexed = this.index.has(file);
    this.index.deleted(file);
    this.workspace.forget(file);
    // Its diagnostics go with it (an open buffer keeps its own).
    if (wasIndexed && !this.workspace.isOpen(file)) for (const listener of this.closeListeners) listener(this.uriOf(file));
    this.diskChanged(file);
  }

  /**
   * The workspace folders changed (imports may reach other files now):
   * every analysis is stale, the files that left the index lose their
   * diagnostics (an open buffer keeps its own), and the open files are
   * validated again.
   */
  foldersChanged(unindexed: string[]): void {
    this.workspace.invalidate();
    for (const file of unindexed) {
      this.workspace.forget(file);
      if (!this.workspace.isOpen(file)) for (const listener of this.closeListeners) listener(this.uriOf(file));
    }
    for (const file of this.urisByFile.keys()) for (const listener of this.changeListeners) listener(file);
  }

  /** The indexed files that are not open: read from disk by references, rename and diagnostics. */
  closedIndexedFiles(): string[] {
    return this.index.list().filter((file) => !this.workspace.isOpen(file));
  }

  private sync(document: TextDocument): void {
    // A client may attach the server to any buffer (Neovim's `:LspStart` on
    // a Markdown file): only agreements are analysed.
    if (document.languageId !== SLA_LANGUAGE_ID) return;
    const file = fileOfUri(document.uri);
    const uris = this.urisByFile.get(file) ?? [];
    if (!uris.includes(document.uri)) this.urisByFile.set(file, [...uris, document.uri]);
    this.workspace.update(file, document.getText());
    for (const listener of this.changeListeners) listener(file);
  }

  /** A URI was closed: the file stays open, with that URI's text, while another URI of it is. */
  private closed(document: TextDocument): void {
    if (document.languageId !== SLA_LANGUAGE_ID) return;
    const file = fileOfUri(document.uri);
    const others = (this.urisByFile.get(file) ?? []).filter((uri) => uri !== document.uri);
    const remaining = others.map((uri) => this.documents.get(uri)).filter((open) => open !== undefined).at(-1);
    for (const listener of this.closeListeners) listener(document.uri);
    if (remaining) {
      this.urisByFile.set(file, others);
      this.workspace.update(file, remaining.getText());
    } else {
      this.urisByFile.delete(file);
      this.workspace.close(file);
    }
    for (const listener of this.changeListeners) listener(file);
  }
}
