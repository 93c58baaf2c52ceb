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
 * of typing without a pause. Validation gives way to requests: before each
 * file, and between its analysis and the diagnostics worked out from it
 * (SLA5005 builds the whole document), the connection reads what arrived
 * and the requests about documents are answered first. A newer edit stops
 * the round, and the files left are validated in the next one, against the
 * newer text; diagnostics an edit overtook are never sent.
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
        await requestsAnswered(manager);
        if (pending.size) break;
        due.delete(file);
        // Overtaken by an edit (or a change on disk): validated again, against what is there now.
        if (!(await publish(connection, manager, file))) due.add(file);
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

/**
 * Works out and sends the diagnostics of `file`: its analysis, then the
 * diagnostics made from it, each step once the requests that came meanwhile
 * are answered. False, with nothing sent, when the file changed (or what it
 * reads) before the diagnostics could go out.
 */
async function publish(connection: Connection, manager: DocumentManager, file: string): Promise<boolean> {
  if (!manager.workspace.isOpen(file) && !manager.index.has(file)) return true;
  try {
    const analysis = manager.workspace.analysisOf(file);
    await requestsAnswered(manager);
    if (!manager.workspace.isCurrent(file, analysis)) return false;
    const diagnostics = diagnosticsFor(analysis, file, (f) => manager.uriOf(f));
    await requestsAnswered(manager);
    if (!manager.workspace.isCurrent(file, analysis)) return false;
    // A file open under two URIs shows its problems under both.
    for (const uri of manager.urisOf(file)) void connection.sendDiagnostics({ uri, version: manager.documents.get(uri)?.version, diagnostics });
  } catch (error) {
    logFailure(connection, 'diagnostics', error);
  }
  return true;
}

/**
 * Settles once the connection has read and dispatched what arrived (two
 * `settle`s: a message read in the first is dispatched in the second) and
 * no request about a document is being answered.
 */
async function requestsAnswered(manager: DocumentManager): Promise<void> {
  do {
    await settle();
    await settle();
  } while (manager.requestsAnswering > 0);
}
