import type { Connection } from 'vscode-languageserver';
import { diagnosticsFor } from '../services/diagnostics.js';
import type { DocumentManager } from './documents.js';
import { logFailure } from './guard.js';
import { settle } from './request.js';

/**
 * While typing, a file is validated once the keystrokes pause this long, so
 * that a burst of edits costs one analysis, finished soon after the last.
 */
export const TYPING_PAUSE_MS = 25;
/** But typing without a pause still sees its diagnostics this often. */
export const DEBOUNCE_MS = 150;
/**
 * Even a lone edit waits this long, so that a request sent with it (the
 * completion a keystroke triggers) is answered before validation takes the
 * thread; a few milliseconds suffice, as an editor sends both together.
 */
export const FIRST_EDIT_DELAY_MS = 5;

/**
 * Publishes diagnostics for every document an edit can affect: the edited
 * file, then the files that import it, open or only indexed in the
 * workspace folders (a closed file broken by a rename shows its errors).
 * The first edit after a quiet spell is validated almost at once
 * (FIRST_EDIT_DELAY_MS); edits that follow are gathered and validated
 * together when the typing pauses (TYPING_PAUSE_MS), or after DEBOUNCE_MS
 * of typing without a pause. Between two files the
 * connection reads what arrived; a newer edit stops the round, and the files
 * left are validated in the next one, against the newer text.
 */
export function publishDiagnosticsOnChange(connection: Connection, manager: DocumentManager): DiagnosticsPublisher {
  const pending = new Set<string>();
  const due = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let quietSince = 0;
  /** When the oldest edit not validated yet came. */
  let firstPending = 0;

  const flush = async (): Promise<void> => {
    timer = undefined;
    if (running) return schedule(FIRST_EDIT_DELAY_MS);
    running = true;
    try {
      const closed = manager.closedIndexedFiles();
      for (const file of pending) for (const target of manager.workspace.openDependentsOf(file, closed)) due.add(target);
      pending.clear();
      for (const file of openFirst(manager, [...due])) {
        due.delete(file);
        publish(connection, manager, file);
        await settle();
        if (pending.size) break;
      }
    } catch (error) {
      logFailure(connection, 'diagnostics', error);
    } finally {
      running = false;
      quietSince = Date.now();
      if (due.size && !timer) schedule(FIRST_EDIT_DELAY_MS);
    }
  };
  const schedule = (delay: number): void => {
    timer = setTimeout(() => void flush(), delay);
  };

  manager.onChange((file) => {
    pending.add(file);
    const now = Date.now();
    if (!timer) {
      firstPending = now;
      schedule(now - quietSince >= DEBOUNCE_MS ? FIRST_EDIT_DELAY_MS : TYPING_PAUSE_MS);
    } else if (now - firstPending + TYPING_PAUSE_MS <= DEBOUNCE_MS) {
      // Still typing: wait for the pause after this keystroke instead.
      clearTimeout(timer);
      schedule(TYPING_PAUSE_MS);
    }
  });
  manager.onClose((uri) => {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  return {
    validateClosedFiles() {
      for (const file of manager.closedIndexedFiles()) due.add(file);
      if (!timer) schedule(FIRST_EDIT_DELAY_MS);
    },
  };
}

/** What the diagnostics publisher offers besides reacting to edits. */
export interface DiagnosticsPublisher {
  /** Validates every indexed file nobody has opened (as the session starts), a file at a time. */
  validateClosedFiles(): void;
}

function openFirst(manager: DocumentManager, files: string[]): string[] {
  return [...files.filter((f) => manager.workspace.isOpen(f)), ...files.filter((f) => !manager.workspace.isOpen(f))];
}

function publish(connection: Connection, manager: DocumentManager, file: string): void {
  if (!manager.workspace.isOpen(file) && !manager.index.has(file)) return;
  try {
    const analysis = manager.workspace.analysisOf(file);
    const diagnostics = diagnosticsFor(analysis, file, (f) => manager.uriOf(f));
    // A file open under two URIs shows its problems under both.
    for (const uri of manager.urisOf(file)) void connection.sendDiagnostics({ uri, version: manager.documents.get(uri)?.version, diagnostics });
  } catch (error) {
    logFailure(connection, 'diagnostics', error);
  }
}
