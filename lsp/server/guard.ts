import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';

/**
 * Runs one request handler so that it never takes the server down: an error
 * is logged to the client's console and the request is answered with the
 * empty result. A `ResponseError` (a refusal meant for the user, such as an
 * invalid rename) travels to the client unchanged.
 */
export function guard<P, R>(
  connection: Connection,
  feature: string,
  empty: R,
  handler: (params: P) => R,
): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logFailure(connection, feature, error);
      return empty;
    }
  };
}

/** Logs a failed feature to the client's output panel. */
export function logFailure(connection: Connection, feature: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    connection.console.error(`slac ${feature} failed: ${detail}`);
  } catch {
    // The connection itself is gone; nothing left to tell.
  }
}
