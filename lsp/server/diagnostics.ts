import type { Connection } from 'vscode-languageserver';
import { diagnosticsFor } from '../services/diagnostics.js';
import type { DocumentManager } from './documents.js';
import { logFailure } from './guard.js';

/** Edits closer together than this are validated once, after the last. */
export const DEBOUNCE_MS = 150;
/**
 * Even a lone edit waits this long, so that a request sent with it (the
 * completion a keystroke triggers) is answered before validation takes the
 * thread; a few milliseconds suffice, as an editor sends both together.
 */
export const FIRST_EDIT_DELAY_MS = 5;

/**
 * Publishes diagnostics for every open document an edit can affect (the
 * edited file and the open files that import it). The first edit after a
 * quiet spell is validated almost at once (FIRST_EDIT_DELAY_MS); edits that
 * follow within DEBOUNCE_MS are gathered and validated together when the
 * typing pauses.
 */
export function publishDiagnosticsOnChange(connection: Connection, manager: DocumentManager): void {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let quietSince = 0;

  const flush = (): void => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    try {
      const targets = new Set(files.flatMap((file) => manager.workspace.openDependentsOf(file)));
      for (const file of targets) publish(connection, manager, file);
    } catch (error) {
      logFailure(connection, 'diagnostics', error);
    }
    quietSince = Date.now();
  };

  manager.onChange((file) => {
    pending.add(file);
    if (timer) return;
    const quiet = Date.now() - quietSince >= DEBOUNCE_MS;
    timer = setTimeout(flush, quiet ? FIRST_EDIT_DELAY_MS : DEBOUNCE_MS);
  });
  manager.onClose((uri) => {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
}

function publish(connection: Connection, manager: DocumentManager, file: string): void {
  if (!manager.workspace.isOpen(file)) return;
  const uri = manager.uriOf(file);
  const version = manager.documents.get(uri)?.version;
  try {
    const analysis = manager.workspace.analysisOf(file);
    const diagnostics = diagnosticsFor(analysis, file, (f) => manager.uriOf(f));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  } catch (error) {
    logFailure(connection, 'diagnostics', error);
  }
}
