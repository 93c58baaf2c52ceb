import type { Connection } from 'vscode-languageserver';
import { MessageType } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../services/workspace-index.js';
import { MAX_INDEXED_FILE_BYTES, MAX_INDEXED_FILES } from '../services/workspace-scan.js';

/** What a file left out of the index still gets, said with each warning. */
const STILL_OPENS = 'Opening one of them still analyses it.';

/** The most files a warning names; the rest are counted. */
const NAMED_FILES = 3;

/**
 * Tells the user, once per limit and session, that the workspace index left
 * files out (a `window/showMessage` warning naming the limit and the files),
 * so that references, rename or workspace symbols that miss them are not a
 * mystery. Call it after the scan and after each watched-file event
 * (which may add files beyond a limit).
 */
export function indexLimitReporter(connection: Connection, index: WorkspaceIndex): () => void {
  let toldFull = false;
  let toldTooLarge = false;
  const warn = (message: string): void => void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message }).catch(() => undefined);
  return () => {
    const { fullAt, tooLarge } = index.limitsHit;
    if (fullAt && !toldFull) {
      toldFull = true;
      warn(
        `slac: the workspace holds more than ${MAX_INDEXED_FILES.toLocaleString('en')} .sla files, the most the language server indexes; ` +
          `those found after the first ${MAX_INDEXED_FILES.toLocaleString('en')} (folders nearer the root first, then by name), from ${fullAt} on, ` +
          `are left out of references, rename, workspace symbols and closed-file diagnostics. ` +
          `Open a smaller folder to include them. ${STILL_OPENS}`,
      );
    }
    if (tooLarge.length > 0 && !toldTooLarge) {
      toldTooLarge = true;
      warn(
        `slac: ${tooLarge.length} .sla file${tooLarge.length === 1 ? ' is' : 's are'} larger than ${MAX_INDEXED_FILE_BYTES / 1024 / 1024} MiB, ` +
          `the most the language server indexes without the file being open, and left out of references, rename, workspace symbols and closed-file diagnostics: ` +
          `${named(tooLarge)}. ${STILL_OPENS}`,
      );
    }
  };
}

function named(files: string[]): string {
  const shown = files.slice(0, NAMED_FILES).join(', ');
  return files.length > NAMED_FILES ? `${shown} and ${files.length - NAMED_FILES} more` : shown;
}
