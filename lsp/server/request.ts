import type { CancellationToken, Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ServiceDocument } from '../services/document.js';
import { withinLine } from '../services/lines.js';
import type { DocumentManager } from './documents.js';
import { documentAt } from './feature-context.js';
import { guard } from './guard.js';

/** Why a request was given up before its answer was computed. */
export class RequestAbandoned extends ResponseError<void> {}

/**
 * Lets the connection read and dispatch what has arrived meanwhile (a
 * `$/cancelRequest`, the next `didChange`). Two turns of the event loop:
 * the first passes an I/O poll, the second lets the message queue, which
 * dispatches one message per turn, handle what was read.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Settles once the workspace index's scan has ended (what requests over the
 * whole workspace wait for), or rejects with RequestCancelled as soon as the
 * request is cancelled meanwhile: a walk of a wide folder may take seconds.
 */
export function indexScanned(manager: DocumentManager, token: CancellationToken, feature: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const abandon = (): void => reject(new RequestAbandoned(LSPErrorCodes.RequestCancelled, `${feature} cancelled`));
    // A request cancelled before it was dispatched has a token that never fires: it is already cancelled.
    if (token.isCancellationRequested) return abandon();
    const cancelled = token.onCancellationRequested(abandon);
    void manager.index.scanned().then(() => {
      cancelled.dispose();
      resolve();
    });
  });
}

/**
 * A request about one document, answered in phases (analysis, then the
 * feature) with a check before each: a cancelled request is answered with
 * RequestCancelled, and a request whose document changed since it was sent
 * with ContentModified, so no result is ever computed for a stale version
 * (the client asks again for the current one). Failures are logged and
 * answered with `empty`, as `guard` does. A request over the whole
 * workspace (`wholeWorkspace`: references, rename) first waits for the
 * workspace index's scan, so it never answers from half an index.
 */
export function documentRequest<P extends { textDocument: { uri: string } }, R>(
  connection: Connection,
  manager: DocumentManager,
  feature: string,
  empty: R,
  answer: (document: ServiceDocument, params: P, token: CancellationToken) => R,
  freshness: 'fresh' | 'recent' = 'fresh',
  wholeWorkspace = false,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    const uri = params.textDocument.uri;
    const version = manager.documents.get(uri)?.version;
    if (wholeWorkspace) await indexScanned(manager, token, feature);
    manager.requestsAnswering += 1;
    try {
      return await answerFor(uri, version, params, token);
    } finally {
      manager.requestsAnswering -= 1;
    }
  };

  async function answerFor(uri: string, version: number | undefined, params: P, token: CancellationToken): Promise<R> {
    const stillCurrent = async (): Promise<void> => {
      await settle();
      if (token.isCancellationRequested) throw new RequestAbandoned(LSPErrorCodes.RequestCancelled, `${feature} cancelled`);
      if (manager.documents.get(uri)?.version !== version) {
        throw new RequestAbandoned(LSPErrorCodes.ContentModified, `the document changed before ${feature} was answered`);
      }
    };
    await stillCurrent();
    const document = guard(connection, feature, undefined, () => documentAt(manager, uri, freshness))(undefined);
    if (!document) return empty;
    await stillCurrent();
    return guard(connection, feature, empty, () => answer(document, positionWithinLine(document.text, params), token))(undefined);
  }
}

/**
 * `params` with its `position` (hover, definition, rename...) no further
 * than the end of its line: the LSP says a character past the line's length
 * defaults back to the line length, so the request answers as it does there.
 */
function positionWithinLine<P>(text: string, params: P): P {
  const position = (params as { position?: { line: number; character: number } }).position;
  return position ? { ...params, position: withinLine(text, position) } : params;
}
